package cn.needsloop.process;

import java.util.Date;

import org.camunda.bpm.engine.task.Task;

/**
 * An open user task as the rest of the app sees it: what {@link ProcessGateway} returns instead of
 * the engine's own {@code Task}, so that no module outside {@code process} depends on the engine's
 * query types. A snapshot taken when the task was read; the engine stays the source of truth. Its
 * getters read as the engine's do.
 */
public final class OpenTask {

	private final String id;

	private final String name;

	private final String taskDefinitionKey;

	private final String processInstanceId;

	private final String processDefinitionId;

	private final String assignee;

	private final Date createTime;

	private final Date dueDate;

	private final String tenantId;

	public OpenTask(String id, String name, String taskDefinitionKey, String processInstanceId,
			String processDefinitionId, String assignee, Date createTime, Date dueDate, String tenantId) {
		this.id = id;
		this.name = name;
		this.taskDefinitionKey = taskDefinitionKey;
		this.processInstanceId = processInstanceId;
		this.processDefinitionId = processDefinitionId;
		this.assignee = assignee;
		this.createTime = createTime;
		this.dueDate = dueDate;
		this.tenantId = tenantId;
	}

	static OpenTask of(Task task) {
		return new OpenTask(task.getId(), task.getName(), task.getTaskDefinitionKey(), task.getProcessInstanceId(),
				task.getProcessDefinitionId(), task.getAssignee(), task.getCreateTime(), task.getDueDate(),
				task.getTenantId());
	}

	public String getId() {
		return id;
	}

	/** The step's name as the model gives it (Chinese). */
	public String getName() {
		return name;
	}

	/** The step: the BPMN id of the user task ({@code Workflow.Step}). */
	public String getTaskDefinitionKey() {
		return taskDefinitionKey;
	}

	/** Null for a task outside any process (a supervision task). */
	public String getProcessInstanceId() {
		return processInstanceId;
	}

	public String getProcessDefinitionId() {
		return processDefinitionId;
	}

	/** Who holds the task, or null while it is offered. */
	public String getAssignee() {
		return assignee;
	}

	public Date getCreateTime() {
		return createTime;
	}

	public Date getDueDate() {
		return dueDate;
	}

	public String getTenantId() {
		return tenantId;
	}

	@Override
	public String toString() {
		return "OpenTask[" + id + " " + taskDefinitionKey + "]";
	}
}
