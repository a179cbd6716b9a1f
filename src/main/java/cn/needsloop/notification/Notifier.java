package cn.needsloop.notification;

import java.util.Locale;
import org.springframework.context.MessageSource;
import cn.needsloop.shared.Wording;
import java.util.Collection;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.needsloop.process.Subject;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.notification.Recipient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The one way to notify: in-app notifications to lines (groups) and to people, and their messages for the
 * channels outside the app through the {@link Outbox} (same transaction). Counts the in-app ones in
 * {@code needsloop.notifications.sent{recipient=user|group}} once their transaction has committed
 * (a step that fails sends nothing).
 */
@Component
public class Notifier {

	private final Notifications notifications;

	private final Counter toUsers;

	private final Counter toGroups;

	private final MessageSource messages;

	private final Outbox outbox;

	Notifier(Notifications notifications, MeterRegistry meters, MessageSource messages, Outbox outbox) {
		this.notifications = notifications;
		this.outbox = outbox;
		this.messages = messages;
		this.toUsers = sent(meters, "user");
		this.toGroups = sent(meters, "group");
	}

	private static Counter sent(MeterRegistry meters, String recipient) {
		return Counter.builder("needsloop.notifications.sent")
			.tag("recipient", recipient)
			.description("In-app notifications sent (committed)")
			.register(meters);
	}

	/**
	 * Notifies lines and people; title and body are wordings ({@code notification.*} in the messages), read
	 * by each recipient in their language.
	 */
	public void notify(Collection<Recipient> recipients, Wording title, Wording body, Subject subject, String taskId) {
		notify(recipients, title, body, subject, taskId, false);
	}

	/**
	 * As {@link #notify(Collection, Wording, Wording, Subject, String)}, and writes the messages for e-mail, SMS and
	 * WeChat to the outbox in the same transaction (each person's channels; urgent ones ignore quiet hours and the
	 * stewards' digest).
	 */
	public void notify(Collection<Recipient> recipients, Wording title, Wording body, Subject subject, String taskId,
			boolean urgent) {
		String chineseTitle = title.render(messages, Locale.SIMPLIFIED_CHINESE);
		String chineseBody = body.render(messages, Locale.SIMPLIFIED_CHINESE);
		for (Recipient recipient : recipients) {
			notifications.save((recipient.user() != null
					? Notification.toUser(recipient.user(), chineseTitle, chineseBody, subject.needId(), subject.projectId(),
							taskId, TimeLimits.nowInstant())
					: Notification.toGroup(recipient.group(), chineseTitle, chineseBody, subject.needId(),
							subject.projectId(), taskId, TimeLimits.nowInstant())).worded(title, body));
			countOnCommit(recipient.user() != null ? toUsers : toGroups);
		}
		outbox.notified(recipients, title, subject, urgent);
	}

	public void notifyUser(String user, Wording title, Wording body, Subject subject) {
		if (user != null) {
			notify(java.util.List.of(Recipient.user(user)), title, body, subject, null);
		}
	}

	private static void countOnCommit(Counter counter) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			counter.increment();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				counter.increment();
			}
		});
	}
}
