package cn.needsloop.workbench;

import cn.needsloop.process.Accounts;
import cn.needsloop.process.ProcessGateway;
import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.needsloop.cluster.LeasedJobs;
import cn.needsloop.shared.Actor;
import cn.needsloop.shared.ProblemException;

/**
 * Bulk actions on a user's tasks (claim, give back, verify as genuine) as jobs with progress: each
 * task is one call of {@link TaskActions} in its own transaction, so a refused task is reported with
 * its reason (in the language of the user who started the job) and neither stops the others nor
 * undoes them. A job runs in the background for the page's progress bar or the API, or at once for
 * a form posted without JavaScript.
 * <p>
 * Jobs are rows in the database ({@code bulk_job}, one {@code bulk_job_item} per task), so every node of a
 * cluster reads a job's progress, and a job survives the node that ran it: that node holds a lease on the job
 * ({@link LeasedJobs}) and renews it with every task; a task's outcome is written in the same transaction as the task's action, so
 * no task is done twice. When a node dies its lease runs out ({@code needsloop.jobs.lease}) and another node
 * takes the job over where it stopped, acting with the user's groups as Camunda has them then. Jobs are kept
 * for their owner {@code needsloop.jobs.keep} (24 h) after they finished.
 */
@Component
public class BulkJobs {

	private static final Logger LOG = LoggerFactory.getLogger(BulkJobs.class);

	/** At most this many tasks in one job (the workbench lists up to 500). */
	public static final int MAX_ITEMS = 1000;

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

	/** A job as the database holds it now: its items, how many are done, which succeeded and which failed. */
	public final class Job {

		private final String id;

		private final String owner;

		private final Action action;

		private final int total;

		private final List<String> succeeded;

		private final List<Failure> failures;

		private final boolean finished;

		private final String leaseOwner;

		private final int runs;

		private Job(String id, String owner, Action action, int total, List<String> succeeded, List<Failure> failures,
				boolean finished, String leaseOwner, int runs) {
			this.id = id;
			this.owner = owner;
			this.action = action;
			this.total = total;
			this.succeeded = succeeded;
			this.failures = failures;
			this.finished = finished;
			this.leaseOwner = leaseOwner;
			this.runs = runs;
		}

		public String id() {
			return id;
		}

		public boolean finished() {
			return finished;
		}

		/** How often a node took the job up: 1, or more after a node that ran it died. */
		public int runs() {
			return runs;
		}

		/** Waits until the job has finished, at most {@code timeout}; whether it has (read from the database). */
		public boolean awaitFinished(Duration timeout) throws InterruptedException {
			return leases.awaitFinished(id, timeout);
		}

		public Summary summary() {
			return new Summary(id, action, total, succeeded.size() + failures.size(), succeeded, failures);
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
			status.put("finished", finished);
			status.put("succeededTaskIds", summary.succeeded());
			status.put("failures", summary.failures());
			return status;
		}

		@Override
		public String toString() {
			return "bulk job " + id + " (" + action + ", " + summary().done() + "/" + total + ", runner " + leaseOwner
					+ ", runs " + runs + ")";
		}
	}

	private final TaskActions actions;

	private final TaskList taskList;

	private final MessageSource messages;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final Accounts accounts;

	private final LeasedJobs jobs;

	private final LeasedJobs.Table leases;

	BulkJobs(TaskActions actions, TaskList taskList, MessageSource messages, JdbcTemplate jdbc,
			TransactionTemplate transaction, Accounts accounts, LeasedJobs jobs) {
		this.actions = actions;
		this.taskList = taskList;
		this.messages = messages;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.accounts = accounts;
		this.jobs = jobs;
		this.leases = jobs.table("bulk_job", "bulk job", null, id -> run(id, null));
	}

	/** Starts a job in the background; poll {@link #find} for its progress. */
	public Job start(Actor actor, Action action, List<String> taskIds, String note, Locale locale) {
		String id = create(actor, action, taskIds, note, locale);
		submit(id, actor);
		return load(id).orElseThrow();
	}

	/** Does the whole job now, in the caller's thread (a form posted without JavaScript). */
	public Job runNow(Actor actor, Action action, List<String> taskIds, String note, Locale locale) {
		String id = create(actor, action, taskIds, note, locale);
		run(id, actor);
		return load(id).orElseThrow();
	}

	/** A job of this owner, while it is kept. */
	public Optional<Job> find(String id, String owner) {
		return load(id).filter(j -> j.owner.equals(owner));
	}

	private String create(Actor actor, Action action, List<String> taskIds, String note, Locale locale) {
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
		if (ids.stream().anyMatch(id -> id.length() > 64)) {
			throw ProblemException.badField("taskIds", "problem.bulk.noneSelected");
		}
		if (action == Action.VERIFY_GENUINE && (note == null || note.isBlank())) {
			throw ProblemException.badField("note", "problem.bulk.noteRequired");
		}
		if (note != null && note.length() > 1000) {
			throw ProblemException.badField("note", "problem.bulk.noteTooLong", 1000);
		}
		Map<String, String> labels = new LinkedHashMap<>();
		Map<String, TaskView> listed = new LinkedHashMap<>();
		taskList.byIds(ids, actor).forEach(t -> listed.put(t.id(), t));
		ids.forEach(id -> labels.put(id, label(id, listed.get(id), locale)));
		String id = UUID.randomUUID().toString();
		transaction.executeWithoutResult(status -> {
			jdbc.update("insert into bulk_job (id, owner, action, locale, note, total, done, created_at, lease_owner,"
					+ " lease_until_ms, runs) values (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, 1)", id, actor.userId(), action.name(),
					locale.toLanguageTag(), note == null ? null : note.trim(), labels.size(), Timestamp.from(Instant.now()),
					jobs.node(), jobs.leaseUntil());
			List<Object[]> rows = new ArrayList<>();
			int index = 0;
			for (Map.Entry<String, String> item : labels.entrySet()) {
				rows.add(new Object[] { id, index++, item.getKey(), cut(item.getValue(), 500) });
			}
			jdbc.batchUpdate("insert into bulk_job_item (job_id, idx, task_id, label, state) values (?, ?, ?, ?, 'PENDING')",
					rows);
		});
		return id;
	}

	private void submit(String id, Actor actor) {
		leases.submit(id, () -> run(id, actor));
	}

	/** Does the job's remaining tasks while this node holds its lease. */
	private void run(String id, Actor given) {
		JobRow job = jdbc.query("select owner, action, locale, note from bulk_job where id = ?",
				rs -> rs.next() ? new JobRow(rs.getString(1), Action.valueOf(rs.getString(2)),
						Locale.forLanguageTag(rs.getString(3)), rs.getString(4)) : null, id);
		if (job == null) {
			return;
		}
		Actor actor = given != null ? given : actorNow(job.owner());
		List<Map<String, Object>> pending = jdbc.queryForList(
				"select idx, task_id, label from bulk_job_item where job_id = ? and state = 'PENDING' order by idx", id);
		for (Map<String, Object> item : pending) {
			if (!leases.renew(id)) {
				LOG.info("bulk job {}: lease lost to another node; leaving it", id);
				return;
			}
			int index = ((Number) item.get("idx")).intValue();
			String taskId = (String) item.get("task_id");
			try {
				transaction.executeWithoutResult(status -> {
					act(job, taskId, actor);
					record(id, index, "SUCCEEDED", null);
				});
			}
			catch (RuntimeException ex) {
				String reason = cut(reason(ex, job.locale()), 1000);
				transaction.executeWithoutResult(status -> record(id, index, "FAILED", reason));
			}
		}
		leases.finish(id, null);
	}

	private void act(JobRow job, String taskId, Actor actor) {
		switch (job.action()) {
			case CLAIM -> actions.claim(taskId, actor);
			case UNCLAIM -> actions.unclaim(taskId, actor);
			case VERIFY_GENUINE -> actions.verifyGenuine(taskId, job.note(), actor);
		}
	}

	private void record(String id, int index, String state, String reason) {
		int changed = jdbc.update("update bulk_job_item set state = ?, reason = ? where job_id = ? and idx = ? and state = 'PENDING'",
				state, reason, id, index);
		if (changed == 1) {
			jdbc.update("update bulk_job set done = done + 1 where id = ?", id);
		}
	}

	/**
	 * Takes up the jobs whose node died, where they stopped ({@link LeasedJobs} does so every sweep; tests call
	 * it at once).
	 */
	public void takeOverAbandoned() {
		leases.takeOverAbandoned();
	}

	/** The job as the database holds it. */
	Optional<Job> load(String id) {
		if (id == null || id.length() > 36) {
			return Optional.empty();
		}
		List<Job> jobs = jdbc.query("select owner, action, total, finished_at, lease_owner, runs from bulk_job where id = ?",
				(rs, n) -> {
					List<String> succeeded = new ArrayList<>();
					List<Failure> failures = new ArrayList<>();
					jdbc.query("select task_id, label, state, reason from bulk_job_item where job_id = ? and state <> 'PENDING'"
							+ " order by idx", item -> {
								if ("SUCCEEDED".equals(item.getString(3))) {
									succeeded.add(item.getString(1));
								}
								else {
									failures.add(new Failure(item.getString(1), item.getString(2), item.getString(4)));
								}
							}, id);
					return new Job(id, rs.getString(1), Action.valueOf(rs.getString(2)), rs.getInt(3),
							List.copyOf(succeeded), List.copyOf(failures), rs.getTimestamp(4) != null, rs.getString(5),
							rs.getInt(6));
				}, id);
		return jobs.stream().findFirst();
	}

	/** The owner with their groups as Camunda has them now (a job taken up by another node). */
	private Actor actorNow(String userId) {
		return accounts.actor(userId);
	}

	private String reason(RuntimeException ex, Locale locale) {
		ProblemException problem = ProblemException.find(ex);
		if (problem != null) {
			Object[] args = problem.args() == null ? null
					: java.util.Arrays.stream(problem.args()).map(a -> a instanceof Number ? a.toString() : a).toArray();
			return messages.getMessage(problem.messageKey(), args, problem.messageKey(), locale);
		}
		if (ProcessGateway.concurrentChange(ex)
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

	private static String cut(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

	private record JobRow(String owner, Action action, Locale locale, String note) {
	}
}
