package cn.needsloop.routing;

import cn.needsloop.notification.Recipient;

import cn.needsloop.shared.Line;
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
}
