package cn.needsloop.routing;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * One line a task can be routed to. Each line decides who in it gets the task; adding a line is
 * one new bean implementing this interface (and a value in {@code task-routing.dmn}).
 */
public interface ServiceLine {

	Line line();

	/**
	 * Offers or assigns the task to the people of this line in the given community.
	 * @return the groups or users to notify, as {@link Recipient}s
	 */
	List<Recipient> route(DelegateTask task, String communityCode);

	/** Who is told about a routed task: a group or a single user. */
	record Recipient(String group, String user) {

		public static Recipient group(String group) {
			return new Recipient(group, null);
		}

		public static Recipient user(String user) {
			return new Recipient(null, user);
		}
	}
}
