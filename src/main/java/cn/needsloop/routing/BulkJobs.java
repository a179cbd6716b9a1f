package cn.needsloop.routing;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.needsloop.system.Actor;
import cn.needsloop.system.ProblemException;
import jakarta.annotation.PreDestroy;

/**
 * Bulk actions on a user's tasks (claim, give back, verify as genuine) as jobs with progress: each
 * task is one call of {@link TaskActions} in its own transaction, so a refused task is reported with
 * its reason (in the language of the user who started the job) and neither stops the others nor
 * undoes them. A job runs in the background for the page's progress bar or the API, or at once for
 * a form posted without JavaScript. Jobs are kept in memory for their owner for an hour.
 */
@Component
public class BulkJobs {

	private static final Logger LOG = LoggerFactory.getLogger(BulkJobs.class);

	/** At most this many tasks in one job (the workbench lists up to 500). */
	public static final int MAX_ITEMS = 1000;

	private static final Duration KEEP = Duration.ofHours(1);

	/** What a bulk job does to each selected task. */
	public enum Action {
		CLAIM, UNCLAIM, VERIFY_GENUINE
	}

	/** A task the job could not do, with the reason in the user's language. */
	public record Failure(String taskId, String label, String reason) implements Serializable {
	}

	/** What a finished (or running) job did: shown on the workbench, also after a redirect. */
	public record Summary(String id, Action action, int total, int done, List<String> succeeded,
			List<Failure> failures) implements Serializable {

		public int succeededCount() {
			return succeeded.size();
		}

		public List<String> failedTaskIds() {
			return failures.stream().map(Failure::taskId).toList();
		}

		public boolean finished() {
			return done >= total;
		}
	}

	/** One job: its items, how many are done, which succeeded and which failed. */
	public static final class Job {

		private final String id = UUID.randomUUID().toString();

		private final String owner;

		private final Action action;

		private final Locale locale;

		private final Map<String, String> labels;

		private final AtomicInteger done = new AtomicInteger();

		private final List<String> succeeded = Collections.synchronizedList(new ArrayList<>());

		private final List<Failure> failures = Collections.synchronizedList(new ArrayList<>());

		private volatile Instant finishedAt;

		private final java.util.concurrent.CountDownLatch finishedSignal = new java.util.concurrent.CountDownLatch(1);

		Job(String owner, Action action, Locale locale, Map<String, String> labels) {
			this.owner = owner;
			this.action = action;
			this.locale = locale;
			this.labels = labels;
		}

		public String id() {
			return id;
		}

		public boolean finished() {
			return finishedAt != null;
		}

		/** Waits until the job has finished, at most {@code timeout}; whether it has. */
		public boolean awaitFinished(java.time.Duration timeout) throws InterruptedException {
			return finishedSignal.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
		}

		public Summary summary() {
			synchronized (succeeded) {
				synchronized (failures) {
					return new Summary(id, action, labels.size(), done.get(), List.copyOf(succeeded), List.copyOf(failures));
				}
			}
		}

		/** The job as JSON: progress, then the outcome of each task. */
		public Map<String, Object> status() {
			Summary summary = summary();
			Map<String, Object> status = new LinkedHashMap<>();
			status.put("id", id);
			status.put("action", action);
			status.put("total", summary.total());
			status.put("done", summary.done());
			status.put("succeeded", summary.succeededCount());
			status.put("failed", summary.failures().size());
			status.put("finished", finished());
			status.put("succeededTaskIds", summary.succeeded());
			status.put("failures", summary.failures());
			return status;
		}
	}

	private final TaskActions actions;

	private final TaskList taskList;

	private final MessageSource messages;

	private final Map<String, Job> jobs = new ConcurrentHashMap<>();

	private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
		Thread thread = new Thread(runnable, "bulk-tasks");
		thread.setDaemon(true);
		return thread;
	});

	BulkJobs(TaskActions actions, TaskList taskList, MessageSource messages) {
		this.actions = actions;
		this.taskList = taskList;
		this.messages = messages;
	}

	/** Starts a job in the background; poll {@link #find} for its progress. */
	public Job start(Actor actor, Action action, List<String> taskIds, String note, Locale locale) {
		Job job = create(actor, action, taskIds, note, locale);
		executor.submit(() -> run(job, actor, note));
		return job;
	}

	/** Does the whole job now, in the caller's thread (a form posted without JavaScript). */
	public Job runNow(Actor actor, Action action, List<String> taskIds, String note, Locale locale) {
		Job job = create(actor, action, taskIds, note, locale);
		run(job, actor, note);
		return job;
	}

	/** A job of this owner, while it is kept. */
	public Optional<Job> find(String id, String owner) {
		return Optional.ofNullable(jobs.get(id)).filter(j -> j.owner.equals(owner));
	}

	private Job create(Actor actor, Action action, List<String> taskIds, String note, Locale locale) {
		if (action == null) {
			throw ProblemException.badField("action", "problem.field.required");
		}
		List<String> ids = taskIds == null ? List.of()
				: List.copyOf(new LinkedHashSet<>(taskIds.stream().filter(id -> id != null && !id.isBlank()).toList()));
		if (ids.isEmpty()) {
			throw ProblemException.badField("taskIds", "problem.bulk.noneSelected");
		}
		if (ids.size() > MAX_ITEMS) {
			throw ProblemException.badField("taskIds", "problem.bulk.tooMany", MAX_ITEMS);
		}
		if (action == Action.VERIFY_GENUINE && (note == null || note.isBlank())) {
			throw ProblemException.badField("note", "problem.bulk.noteRequired");
		}
		if (note != null && note.length() > 1000) {
			throw ProblemException.badField("note", "problem.bulk.noteTooLong", 1000);
		}
		evictOld();
		Map<String, String> labels = new LinkedHashMap<>();
		Map<String, TaskView> listed = new LinkedHashMap<>();
		taskList.byIds(ids, actor).forEach(t -> listed.put(t.id(), t));
		ids.forEach(id -> labels.put(id, label(id, listed.get(id), locale)));
		Job job = new Job(actor.userId(), action, locale, labels);
		jobs.put(job.id, job);
		return job;
	}

	private void run(Job job, Actor actor, String note) {
		Function<String, Runnable> step = switch (job.action) {
			case CLAIM -> id -> () -> actions.claim(id, actor);
			case UNCLAIM -> id -> () -> actions.unclaim(id, actor);
			case VERIFY_GENUINE -> id -> () -> actions.verifyGenuine(id, note.trim(), actor);
		};
		try {
			for (Map.Entry<String, String> item : job.labels.entrySet()) {
				try {
					step.apply(item.getKey()).run();
					job.succeeded.add(item.getKey());
				}
				catch (RuntimeException ex) {
					job.failures.add(new Failure(item.getKey(), item.getValue(), reason(ex, job.locale)));
				}
				finally {
					job.done.incrementAndGet();
				}
			}
		}
		finally {
			job.finishedAt = Instant.now();
			job.finishedSignal.countDown();
		}
	}

	private String reason(RuntimeException ex, Locale locale) {
		ProblemException problem = ProblemException.find(ex);
		if (problem != null) {
			Object[] args = problem.args() == null ? null
					: java.util.Arrays.stream(problem.args()).map(a -> a instanceof Number ? a.toString() : a).toArray();
			return messages.getMessage(problem.messageKey(), args, problem.messageKey(), locale);
		}
		if (ex instanceof org.camunda.bpm.engine.OptimisticLockingException
				|| ex instanceof org.springframework.dao.OptimisticLockingFailureException) {
			return messages.getMessage("problem.concurrentChange", null, locale);
		}
		LOG.warn("bulk task action failed", ex);
		return messages.getMessage("problem.bulk.unexpected", null, locale);
	}

	private String label(String id, TaskView task, Locale locale) {
		if (task == null) {
			return messages.getMessage("bulk.task", new Object[] { id }, locale);
		}
		String subject = task.needId() != null
				? messages.getMessage("tasks.need", new Object[] { task.needId().toString() }, locale)
				: task.projectId() != null
						? messages.getMessage("tasks.project", new Object[] { task.projectId().toString() }, locale)
						: null;
		return subject == null ? task.name() : task.name() + " · " + subject;
	}

	private void evictOld() {
		Instant before = Instant.now().minus(KEEP);
		jobs.values().removeIf(j -> j.finishedAt != null && j.finishedAt.isBefore(before));
	}

	@PreDestroy
	void stop() {
		executor.shutdownNow();
	}
}
