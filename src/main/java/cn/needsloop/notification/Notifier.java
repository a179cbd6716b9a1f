package cn.needsloop.notification;

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
 * Sends in-app notifications to lines (groups) and to people, and counts them in
 * {@code needsloop.notifications.sent{recipient=user|group}} once their transaction has committed
 * (a step that fails sends nothing).
 */
@Component
public class Notifier {

	private final Notifications notifications;

	private final Counter toUsers;

	private final Counter toGroups;

	Notifier(Notifications notifications, MeterRegistry meters) {
		this.notifications = notifications;
		this.toUsers = sent(meters, "user");
		this.toGroups = sent(meters, "group");
	}

	private static Counter sent(MeterRegistry meters, String recipient) {
		return Counter.builder("needsloop.notifications.sent")
			.tag("recipient", recipient)
			.description("In-app notifications sent (committed)")
			.register(meters);
	}

	public void notify(Collection<Recipient> recipients, String title, String body, Subject subject, String taskId) {
		for (Recipient recipient : recipients) {
			notifications.save(recipient.user() != null
					? Notification.toUser(recipient.user(), title, body, subject.needId(), subject.projectId(), taskId,
							TimeLimits.nowInstant())
					: Notification.toGroup(recipient.group(), title, body, subject.needId(), subject.projectId(), taskId,
							TimeLimits.nowInstant()));
			countOnCommit(recipient.user() != null ? toUsers : toGroups);
		}
	}

	public void notifyUser(String user, String title, String body, Subject subject) {
		if (user != null) {
			notifications.save(Notification.toUser(user, title, body, subject.needId(), subject.projectId(), null,
					TimeLimits.nowInstant()));
			countOnCommit(toUsers);
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
