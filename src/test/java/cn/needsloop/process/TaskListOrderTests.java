package cn.needsloop.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.needsloop.shared.Actor;
import cn.needsloop.support.ApiTest;

/**
 * A person's task list is read as two queries (assigned to them; offered to them or their groups) and merged: one
 * list in due order (no due date first, then by creation), each task once, nobody else's, at most the size asked.
 */
class TaskListOrderTests extends ApiTest {

	@Autowired
	private ProcessGateway process;

	@Autowired
	private TaskService tasks;

	private final String user = "lister" + System.nanoTime();

	private final String group = "listgroup" + System.nanoTime();

	@AfterEach
	void removeTasks() {
		tasks.createTaskQuery().taskNameLike(user + "%").list().forEach(t -> tasks.deleteTask(t.getId(), true));
	}

	@Test
	void assignedAndOfferedTasksAreOneListInDueOrder() {
		long now = System.currentTimeMillis();
		String assignedLate = task("assigned, due in 3 days", new Date(now + 3 * 86_400_000L), user, null);
		String offeredSoon = task("offered to the group, due tomorrow", new Date(now + 86_400_000L), null, group);
		String offeredToUser = task("offered to the user, due in 2 days", new Date(now + 2 * 86_400_000L), null, null);
		tasks.addCandidateUser(offeredToUser, user);
		String noDue = task("offered to the group, no due date", null, null, group);
		String both = task("assigned and offered to the group, due in 4 days", new Date(now + 4 * 86_400_000L), user, group);
		task("offered to another group", new Date(now), null, "other" + group);
		task("assigned to someone else", new Date(now), "someone" + user, null);

		List<String> listed = process.tasksFor(new Actor(user, List.of(group)), 50).stream().map(OpenTask::getId).toList();

		assertThat(listed).containsExactly(noDue, offeredSoon, offeredToUser, assignedLate, both);
		assertThat(process.tasksFor(new Actor(user, List.of(group)), 2).stream().map(OpenTask::getId).toList())
			.as("at most the size asked, the first in order").containsExactly(noDue, offeredSoon);
	}

	private String task(String name, Date due, String assignee, String candidateGroup) {
		Task task = tasks.newTask();
		task.setName(user + ": " + name);
		task.setDueDate(due);
		task.setAssignee(assignee);
		tasks.saveTask(task);
		if (candidateGroup != null) {
			tasks.addCandidateGroup(task.getId(), candidateGroup);
		}
		return task.getId();
	}
}
