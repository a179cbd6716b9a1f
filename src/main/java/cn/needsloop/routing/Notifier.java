package cn.needsloop.routing;

import java.util.Collection;

import org.springframework.stereotype.Component;

import cn.needsloop.process.Subject;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.routing.ServiceLine.Recipient;

/** Sends in-app notifications to lines (groups) and to people. */
@Component
public class Notifier {

	private final Notifications notifications;

	Notifier(Notifications notifications) {
		this.notifications = notifications;
	}

	public void notify(Collection<Recipient> recipients, String title, String body, Subject subject, String taskId) {
		for (Recipient recipient : recipients) {
			notifications.save(recipient.user() != null
					? Notification.toUser(recipient.user(), title, body, subject.needId(), subject.projectId(), taskId,
							TimeLimits.nowInstant())
					: Notification.toGroup(recipient.group(), title, body, subject.needId(), subject.projectId(), taskId,
							TimeLimits.nowInstant()));
		}
	}

	public void notifyUser(String user, String title, String body, Subject subject) {
		if (user != null) {
			notifications.save(Notification.toUser(user, title, body, subject.needId(), subject.projectId(), null,
					TimeLimits.nowInstant()));
		}
	}
}
