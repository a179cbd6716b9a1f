package cn.needsloop.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.needsloop.cluster.NodeId;
import cn.needsloop.process.Accounts;
import cn.needsloop.process.Subject;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.shared.CommunityGroup;
import cn.needsloop.shared.Wording;

/**
 * The notification outbox: messages for e-mail, SMS and WeChat written as rows of {@code notification_outbox} in
 * the transaction of the step that causes them (through {@link Notifier}), and delivered after commit by this
 * node's {@link OutboxWorker} at once (woken after the commit, {@link OutboxNudge}) or, as the safety net, by this
 * node's or another node's every {@code needsloop.notifications.delivery.interval}. A
 * deployment turns each channel on ({@code needsloop.notifications.email|sms|wechat.enabled}); a person chooses
 * among those ({@link Preferences}).
 * <p>
 * Messages carry as little personal data as serves: the title of the notification (a step's name, or the
 * {@code outbox.*} text where the in-app title quotes what a person wrote) and the case number, never the body of
 * the in-app notification (what a resident wrote, addresses).
 */
@Component
public class Outbox {

	static final String NOTICE = "NOTICE";

	static final String DIGEST = "DIGEST";

	/** Members of one group a message fans out to, at most. */
	private static final int MAX_MEMBERS = 500;

	private final JdbcTemplate jdbc;

	private final Preferences preferences;

	private final Accounts accounts;

	private final MessageSource messages;

	private final Set<OutboxChannel> channels;

	private final OutboxWorker worker;

	/** Wakes {@link #worker} when a transaction that wrote messages commits. */
	private final OutboxNudge nudge;

	Outbox(JdbcTemplate jdbc, Preferences preferences, Accounts accounts, MessageSource messages, NodeId node,
			ObjectProvider<Sender> senderBeans, @Value("${needsloop.notifications.delivery.lease:PT2M}") Duration lease,
			@Value("${needsloop.notifications.delivery.max-attempts:6}") int maxAttempts,
			@Value("${needsloop.notifications.delivery.backoff:PT1M}") Duration backoff,
			@Value("${needsloop.notifications.delivery.batch:50}") int batch,
			@Value("${needsloop.notifications.delivery.wake-after-commit:true}") boolean wakeAfterCommit) {
		this.jdbc = jdbc;
		this.preferences = preferences;
		this.accounts = accounts;
		this.messages = messages;
		List<Sender> senders = senderBeans.orderedStream().toList();
		Set<OutboxChannel> enabled = EnumSet.noneOf(OutboxChannel.class);
		senders.forEach(s -> enabled.add(s.channel()));
		this.channels = Set.copyOf(enabled);
		this.worker = new OutboxWorker(jdbc, node.id(), senders, preferences::of, ENGINE_CLOCK, lease, maxAttempts,
				backoff, batch);
		this.nudge = new OutboxNudge(this::deliverDue, wakeAfterCommit && !senders.isEmpty());
	}

	@jakarta.annotation.PreDestroy
	void stopNudging() {
		nudge.close();
	}

	/** The engine's clock (tests move it), as a {@link Clock}. */
	static final Clock ENGINE_CLOCK = new Clock() {

		@Override
		public Instant instant() {
			return TimeLimits.nowInstant();
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}
	};

	/** The channels this deployment sends on. */
	public Set<OutboxChannel> channels() {
		return channels;
	}

	/**
	 * Writes the messages of a notification for each person it reaches, in the caller's transaction: a user, or
	 * every member of a group. Stewards who take the morning digest get no message for steps offered to their
	 * steward group unless it is urgent (the digest lists them).
	 */
	void notified(Collection<Recipient> recipients, Wording title, Subject subject, boolean urgent) {
		if (channels.isEmpty()) {
			return;
		}
		Set<String> direct = new LinkedHashSet<>();
		Set<String> viaStewardGroup = new LinkedHashSet<>();
		for (Recipient recipient : recipients) {
			if (recipient.user() != null) {
				direct.add(recipient.user());
			}
			else {
				(CommunityGroup.STEWARD.is(recipient.group()) ? viaStewardGroup : direct)
					.addAll(accounts.membersOf(recipient.group(), MAX_MEMBERS));
			}
		}
		viaStewardGroup.removeAll(direct);
		String reference = reference(subject);
		Set<String> everyone = new LinkedHashSet<>(direct);
		everyone.addAll(viaStewardGroup);
		java.util.Map<String, Preference> chosen = preferences.of(everyone);
		for (String user : direct) {
			write(chosen.get(user), NOTICE, externalTitle(title, reference), reference, urgent);
		}
		for (String user : viaStewardGroup) {
			Preference preference = chosen.get(user);
			if (urgent || !preference.digest()) {
				write(preference, NOTICE, externalTitle(title, reference), reference, urgent);
			}
		}
	}

	/** N123 for a need, P45 for a project, empty otherwise. */
	static String reference(Subject subject) {
		return subject == null ? "" : subject.needId() != null ? "N" + subject.needId()
				: subject.projectId() != null ? "P" + subject.projectId() : "";
	}

	/** The title for outside the app: {@code outbox.<key>} (the case number only) where the messages have one. */
	private Wording externalTitle(Wording title, String reference) {
		String key = "outbox." + title.key();
		return messages.getMessage(key, null, null, Locale.SIMPLIFIED_CHINESE) != null ? Wording.of(key, reference) : title;
	}

	private void write(Preference preference, String kind, Wording title, String reference, boolean urgent) {
		// an outbox.* title carries the case number already
		Wording body = reference.isEmpty() || title.key().startsWith("outbox.") ? Wording.of("outbox.body", title)
				: Wording.of("outbox.body.case", title, reference);
		for (OutboxChannel channel : channels) {
			if (preference.reachableBy(channel)) {
				insert(preference, channel, kind, title.render(messages, preference.locale()),
						body.render(messages, preference.locale()), urgent);
			}
		}
	}

	/** Writes one message for one person on one channel, after their quiet hours unless urgent. */
	void insert(Preference preference, OutboxChannel channel, String kind, String subject, String body, boolean urgent) {
		insert(jdbc, preference, channel, kind, subject, body, urgent, TimeLimits.nowInstant());
		nudge.wakeAfterCommit();
	}

	static void insert(JdbcTemplate jdbc, Preference preference, OutboxChannel channel, String kind, String subject,
			String body, boolean urgent, Instant now) {
		jdbc.update("insert into notification_outbox (recipient_user, channel, kind, subject, body, urgent, state, attempts,"
				+ " next_attempt_ms, created_at) values (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)", preference.userId(),
				channel.name(), kind, cut(subject, 200), cut(body, 4000), urgent,
				preference.deliverableFrom(now, urgent).toEpochMilli(), Timestamp.from(now));
	}

	private static String cut(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}

	/** Sends what is due, on this node. */
	@Scheduled(initialDelayString = "${needsloop.notifications.delivery.interval:PT5S}",
			fixedDelayString = "${needsloop.notifications.delivery.interval:PT5S}")
	public int deliverDue() {
		return worker.deliverDue();
	}

	/** A message that did not go out as it should: FAILED, or UNCERTAIN. */
	public record Trouble(long id, String recipientUser, OutboxChannel channel, String kind, String subject, String state,
			int attempts, String lastError, Instant createdAt) {
	}

	/** The messages that failed or may have gone out once already, newest first. */
	public List<Trouble> troubles(int max) {
		return jdbc.query("select id, recipient_user, channel, kind, subject, state, attempts, last_error, created_at"
				+ " from notification_outbox where state in ('FAILED', 'UNCERTAIN') order by created_at desc, id desc",
				rs -> {
					List<Trouble> list = new java.util.ArrayList<>();
					while (rs.next() && list.size() < max) {
						list.add(new Trouble(rs.getLong(1), rs.getString(2), OutboxChannel.valueOf(rs.getString(3)),
								rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8),
								rs.getTimestamp(9).toInstant()));
					}
					return list;
				});
	}

	/** The manager sends a failed or uncertain message again (from the first attempt); false if it is neither. */
	public boolean retry(long id) {
		return jdbc.update("update notification_outbox set state = 'PENDING', attempts = 0, next_attempt_ms = ?,"
				+ " lease_owner = null, lease_until_ms = null where id = ? and state in ('FAILED', 'UNCERTAIN')",
				TimeLimits.nowInstant().toEpochMilli(), id) == 1;
	}

	/** The manager gives up on a failed or uncertain message (for example: the person confirmed they got it). */
	public boolean dismiss(long id) {
		return jdbc.update("update notification_outbox set state = 'DISMISSED', lease_owner = null, lease_until_ms = null"
				+ " where id = ? and state in ('FAILED', 'UNCERTAIN')", id) == 1;
	}
}
