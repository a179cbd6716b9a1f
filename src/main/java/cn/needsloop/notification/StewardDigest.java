package cn.needsloop.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.needsloop.cluster.NodeId;
import cn.needsloop.process.Accounts;
import cn.needsloop.process.OpenTask;
import cn.needsloop.process.ProcessGateway;
import cn.needsloop.process.Subject;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Workflow;
import cn.needsloop.shared.ChinaTime;
import cn.needsloop.shared.CommunityGroup;
import cn.needsloop.shared.Wording;

/**
 * The stewards' morning digest (晨报): one e-mail to each steward who takes it, listing their steps that are
 * overdue or due today (China time), instead of a message for every new step. Written once a day for the whole
 * cluster: the node whose insert of the day's row in {@code notification_digest_day} succeeds writes the e-mails
 * to the outbox in the same transaction (another node's insert fails on the key and it does nothing; a node
 * that dies before committing leaves no row, and the next run writes the digest).
 */
@Component
public class StewardDigest {

	private static final Logger LOG = LoggerFactory.getLogger(StewardDigest.class);

	private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("MM-dd HH:mm");

	private static final int MAX_TASKS = 200;

	private final JdbcTemplate jdbc;

	private final Outbox outbox;

	private final Preferences preferences;

	private final Accounts accounts;

	private final ProcessGateway gateway;

	private final MessageSource messages;

	private final NodeId node;

	private final TransactionTemplate transaction;

	StewardDigest(JdbcTemplate jdbc, Outbox outbox, Preferences preferences, Accounts accounts, ProcessGateway gateway,
			MessageSource messages, NodeId node, TransactionTemplate transaction) {
		this.transaction = transaction;
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.preferences = preferences;
		this.accounts = accounts;
		this.gateway = gateway;
		this.messages = messages;
		this.node = node;
	}

	@Scheduled(cron = "${needsloop.notifications.digest.cron:0 30 7 * * *}", zone = "Asia/Shanghai")
	void everyMorning() {
		if (outbox.channels().contains(OutboxChannel.EMAIL)) {
			int written = writeDigests(TimeLimits.nowInstant().atZone(ChinaTime.ZONE).toLocalDate());
			if (written >= 0) {
				LOG.info("steward digest: {} e-mail(s) written", written);
			}
		}
	}

	/**
	 * Writes the day's digests to the outbox unless a node has written them already, in one transaction with the
	 * day's row.
	 * @return how many were written, or -1 when another node had written that day's
	 */
	public int writeDigests(LocalDate day) {
		if (!outbox.channels().contains(OutboxChannel.EMAIL)) {
			return 0;
		}
		return writeOnce(jdbc, transaction, node.id(), day, () -> writeDigestsNow(day));
	}

	/**
	 * Writes a day's digests once for the whole cluster: inserts the day's row and, in the same transaction, the
	 * messages ({@code writeMessages}, returning how many); a node whose insert fails on the key (another node wrote
	 * or is writing that day, and committed) writes nothing. A node that dies before committing leaves no row.
	 * @return how many were written, or -1 when another node had written that day's
	 */
	static int writeOnce(JdbcTemplate jdbc, TransactionTemplate transaction, String node, LocalDate day,
			java.util.function.IntSupplier writeMessages) {
		Integer written = transaction.execute(status -> {
			try {
				jdbc.update("insert into notification_digest_day (digest_day, written_by, written_at, messages) values (?, ?, ?, 0)",
						java.sql.Date.valueOf(day), node, Timestamp.from(Instant.now()));
			}
			catch (DuplicateKeyException ex) {
				return -1;
			}
			int messages = writeMessages.getAsInt();
			jdbc.update("update notification_digest_day set messages = ? where digest_day = ?", messages,
					java.sql.Date.valueOf(day));
			return messages;
		});
		return written == null ? 0 : written;
	}

	/** The day's digests, in the caller's transaction; returns how many. */
	private int writeDigestsNow(LocalDate day) {
		Instant now = TimeLimits.nowInstant();
		Instant endOfDay = day.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant();
		Set<String> stewards = new LinkedHashSet<>();
		accounts.groupsStartingWith(CommunityGroup.STEWARD.of("")).forEach(g -> stewards.addAll(accounts.membersOf(g, 500)));
		int written = 0;
		for (String steward : stewards) {
			Preference preference = preferences.of(steward);
			if (preference.digest() && preference.reachableBy(OutboxChannel.EMAIL)) {
				Digest digest = digestOf(steward, now, endOfDay);
				if (!digest.isEmpty()) {
					outbox.insert(preference, OutboxChannel.EMAIL, Outbox.DIGEST,
							digest.subject().render(messages, preference.locale()),
							digest.body().stream().map(w -> w.render(messages, preference.locale()))
								.reduce((a, b) -> a + "\n" + b).orElse(""),
							false);
					written++;
				}
			}
		}
		return written;
	}

	/** A steward's digest: the subject and the lines of the body (wordings, in the steward's language when sent). */
	record Digest(int overdue, int dueToday, Wording subject, List<Wording> body) {

		boolean isEmpty() {
			return overdue + dueToday == 0;
		}
	}

	/** The steps a steward may work on that are overdue at {@code now} or due before {@code endOfDay}. */
	Digest digestOf(String steward, Instant now, Instant endOfDay) {
		List<OpenTask> tasks = gateway.tasksFor(accounts.actor(steward), MAX_TASKS).stream()
			.filter(t -> t.getDueDate() != null && t.getDueDate().toInstant().isBefore(endOfDay))
			.toList();
		Map<String, Map<String, Object>> subjects = tasks.isEmpty() ? Map.of()
				: gateway.localVariables(tasks.stream().map(OpenTask::getId).toList(), Workflow.Var.NEED_ID,
						Workflow.Var.PROJECT_ID);
		List<Wording> overdue = new ArrayList<>();
		List<Wording> dueToday = new ArrayList<>();
		for (OpenTask task : tasks) {
			Map<String, Object> vars = subjects.getOrDefault(task.getId(), Map.of());
			String reference = Outbox.reference(new Subject(number(vars.get(Workflow.Var.NEED_ID)),
					number(vars.get(Workflow.Var.PROJECT_ID))));
			Wording line = Wording.of(reference.isEmpty() ? "outbox.digest.line" : "outbox.digest.line.case",
					Wording.step(task.getTaskDefinitionKey(), task.getName()),
					DUE.format(task.getDueDate().toInstant().atZone(ChinaTime.ZONE)), reference);
			(task.getDueDate().toInstant().isBefore(now) ? overdue : dueToday).add(line);
		}
		List<Wording> body = new ArrayList<>();
		body.add(Wording.of("outbox.digest.greeting"));
		if (!overdue.isEmpty()) {
			body.add(Wording.of("outbox.digest.overdue", overdue.size()));
			body.addAll(overdue);
		}
		if (!dueToday.isEmpty()) {
			body.add(Wording.of("outbox.digest.dueToday", dueToday.size()));
			body.addAll(dueToday);
		}
		body.add(Wording.of("outbox.digest.footer"));
		return new Digest(overdue.size(), dueToday.size(), Wording.of("outbox.digest.subject", overdue.size(), dueToday.size()),
				body);
	}

	private static Long number(Object value) {
		return value instanceof Number n ? n.longValue() : null;
	}
}
