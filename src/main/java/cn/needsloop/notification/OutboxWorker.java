package cn.needsloop.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Delivers the outbox from one node. Every change of a row is one conditional {@code UPDATE} on the shared
 * database (no {@code SELECT ... FOR UPDATE}, no {@code SKIP LOCKED}), so any number of nodes run side by side
 * and whichever wins a row's update owns it:
 * <ol>
 * <li>claim: {@code PENDING} and due → {@code CLAIMED}, with this node as lease owner until {@code now + lease};</li>
 * <li>just before sending: {@code CLAIMED} → {@code SENDING} (attempts + 1), only while this node owns it;</li>
 * <li>sent: {@code SENDING} → {@code SENT}, only while this node owns it;</li>
 * <li>a failed send → {@code PENDING} again after {@code backoff · 2^(attempts-1)} (at most a day), or
 * {@code FAILED} after {@code maxAttempts}: the manager sees it and may send it again.</li>
 * </ol>
 * What is guaranteed: a row committed with its step is never lost, and never sent twice by the app. A node that
 * dies holding {@code CLAIMED} rows had not begun to send them: when their lease runs out they are
 * {@code PENDING} again for any node. A node that dies during a send (or after it, before recording it) leaves one
 * {@code SENDING} row: it may have gone out (SMTP has no idempotency key), so when its lease runs out it becomes
 * {@code UNCERTAIN}, is not sent again by itself, and the manager decides (send again, or dismiss). At most the
 * messages in flight at the moment of a crash, one per sending thread, wait for that decision. Each message carries
 * its key ({@code outbox-<id>}) as Message-ID or Idempotency-Key, so a receiver that keeps keys can drop a copy.
 */
public class OutboxWorker {

	private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);

	private static final long MAX_BACKOFF_MS = Duration.ofDays(1).toMillis();

	private final JdbcTemplate jdbc;

	private final String owner;

	private final Map<OutboxChannel, Sender> senders;

	private final Function<String, Preference> preferences;

	private final Clock clock;

	private final Duration lease;

	private final int maxAttempts;

	private final Duration backoff;

	private final int batch;

	public OutboxWorker(JdbcTemplate jdbc, String owner, List<Sender> senders, Function<String, Preference> preferences,
			Clock clock, Duration lease, int maxAttempts, Duration backoff, int batch) {
		this.jdbc = jdbc;
		this.owner = owner;
		this.senders = senders.stream().collect(Collectors.toUnmodifiableMap(Sender::channel, s -> s));
		this.preferences = preferences;
		this.clock = clock;
		this.lease = lease;
		this.maxAttempts = maxAttempts;
		this.backoff = backoff;
		this.batch = batch;
	}

	/** Whether this node sends on any channel. */
	public boolean active() {
		return !senders.isEmpty();
	}

	/** Marks the abandoned rows, then claims and sends what is due; returns how many were sent. */
	public int deliverDue() {
		if (!active()) {
			return 0;
		}
		markAbandoned();
		int sent = 0;
		for (long id : claimDue()) {
			if (deliver(id)) {
				sent++;
			}
		}
		return sent;
	}

	/** Claims due rows of the channels this node sends on; returns the ids this node won. */
	List<Long> claimDue() {
		long now = clock.millis();
		String channels = senders.keySet().stream().map(c -> "'" + c.name() + "'").collect(Collectors.joining(", "));
		List<Long> due = jdbc.queryForList("select id from notification_outbox where state = 'PENDING' and next_attempt_ms <= ?"
				+ " and channel in (" + channels + ") order by next_attempt_ms, id", Long.class, now);
		List<Long> claimed = new ArrayList<>();
		for (Long id : due) {
			if (claimed.size() >= batch) {
				break;
			}
			int won;
			try {
				won = jdbc.update("update notification_outbox set state = 'CLAIMED', lease_owner = ?, lease_until_ms = ?"
						+ " where id = ? and state = 'PENDING' and next_attempt_ms <= ?", owner,
						now + lease.toMillis(), id, now);
			}
			catch (org.springframework.dao.TransientDataAccessException busy) {
				// another node is claiming the same row: it is that node's, or due again on the next round
				continue;
			}
			if (won == 1) {
				claimed.add(id);
			}
		}
		return claimed;
	}

	/** Sends one claimed row and records the result; true when it went out. */
	boolean deliver(long id) {
		if (!startSending(id)) {
			return false;
		}
		List<Map<String, Object>> rows = jdbc.queryForList("select recipient_user, channel, subject, body, attempts"
				+ " from notification_outbox where id = ? and state = 'SENDING' and lease_owner = ?", id, owner);
		if (rows.isEmpty()) {
			return false;
		}
		Map<String, Object> row = rows.get(0);
		OutboxChannel channel = OutboxChannel.valueOf((String) row.get("channel"));
		int attempts = ((Number) row.get("attempts")).intValue();
		String address = preferences.apply((String) row.get("recipient_user")).addressFor(channel);
		if (address == null) {
			fail(id, attempts, "no address for " + channel, true);
			return false;
		}
		try {
			send(id, channel, address, (String) row.get("subject"), (String) row.get("body"));
		}
		catch (Exception ex) {
			LOG.info("outbox {}: {} attempt {} failed: {}", id, channel, attempts, ex.toString());
			fail(id, attempts, ex.toString(), false);
			return false;
		}
		markSent(id);
		return true;
	}

	/** CLAIMED → SENDING while this node still owns the row; from here on a crash leaves it UNCERTAIN. */
	boolean startSending(long id) {
		return jdbc.update("update notification_outbox set state = 'SENDING', attempts = attempts + 1, lease_until_ms = ?"
				+ " where id = ? and state = 'CLAIMED' and lease_owner = ?", clock.millis() + lease.toMillis(), id, owner) == 1;
	}

	void send(long id, OutboxChannel channel, String address, String subject, String body) throws Exception {
		senders.get(channel).send("outbox-" + id, address, subject, body);
	}

	/** Records a sent row; also an UNCERTAIN one this node still owns (its send outlasted the lease). */
	boolean markSent(long id) {
		int marked = jdbc.update("update notification_outbox set state = 'SENT', sent_at = ?, sent_by = ?, lease_until_ms = null,"
				+ " last_error = null where id = ? and lease_owner = ? and state in ('SENDING', 'UNCERTAIN')",
				Timestamp.from(clock.instant()), owner, id, owner);
		return marked == 1;
	}

	private void fail(long id, int attempts, String error, boolean permanent) {
		String reason = error.length() > 1000 ? error.substring(0, 1000) : error;
		if (permanent || attempts >= maxAttempts) {
			jdbc.update("update notification_outbox set state = 'FAILED', lease_owner = null, lease_until_ms = null,"
					+ " last_error = ? where id = ? and lease_owner = ? and state = 'SENDING'", reason, id, owner);
			return;
		}
		jdbc.update("update notification_outbox set state = 'PENDING', lease_owner = null, lease_until_ms = null,"
				+ " next_attempt_ms = ?, last_error = ? where id = ? and lease_owner = ? and state = 'SENDING'",
				clock.millis() + backoffAfter(attempts), reason, id, owner);
	}

	/** The wait after the n-th failed attempt: backoff, 2·backoff, 4·backoff, … at most a day. */
	long backoffAfter(int attempts) {
		long wait = backoff.toMillis() << Math.min(Math.max(attempts - 1, 0), 30);
		return wait <= 0 || wait > MAX_BACKOFF_MS ? MAX_BACKOFF_MS : wait;
	}

	/**
	 * Rows left by a node that stopped: CLAIMED ones (not begun) are PENDING again; SENDING ones become UNCERTAIN:
	 * they may have gone out, so they wait for the manager's decision instead of going out again.
	 */
	int markAbandoned() {
		long now = clock.millis();
		int released = 0;
		int marked = 0;
		try {
			// the candidates by a plain read, then one row at a time by its key and the same condition: a range update
			// would lock every row it passes and deadlock with another node's claims and sends
			for (Long id : jdbc.queryForList("select id from notification_outbox where state = 'CLAIMED' and lease_until_ms < ?",
					Long.class, now)) {
				released += jdbc.update("update notification_outbox set state = 'PENDING', lease_owner = null,"
						+ " lease_until_ms = null where id = ? and state = 'CLAIMED' and lease_until_ms < ?", id, now);
			}
			for (Long id : jdbc.queryForList("select id from notification_outbox where state = 'SENDING' and lease_until_ms < ?",
					Long.class, now)) {
				marked += jdbc.update("update notification_outbox set state = 'UNCERTAIN', last_error = ?"
						+ " where id = ? and state = 'SENDING' and lease_until_ms < ?",
						"node stopped while sending (lease ran out)", id, now);
			}
		}
		catch (org.springframework.dao.TransientDataAccessException busy) {
			// another node is at the same rows: what is left is looked at again on the next round
			LOG.debug("outbox: abandoned rows left for the next round ({})", busy.getMessage());
		}
		if (released > 0) {
			LOG.info("outbox: {} message(s) claimed by a stopped node are due again", released);
		}
		if (marked > 0) {
			LOG.warn("outbox: {} message(s) left while sending by a stopped node; the manager decides whether to send them again",
					marked);
		}
		return marked;
	}
}
