package cn.needsloop.process;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

import cn.needsloop.shared.Actor;
import cn.needsloop.shared.ProblemException;

/**
 * The one place that calls the engine's runtime and task services: starting instances,
 * finding the current step, completing it as a user, correlating messages between needs and
 * projects. Everything else calls this class.
 */
@Component
public class ProcessGateway {

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final IdentityService identity;

	private final RepositoryService repository;

	private final HistoryService history;

	private final CommandExecutor commands;

	/** The prefix of the engine's table names (none by default), for native queries. */
	private final String tablePrefix;

	private final org.springframework.beans.factory.ObjectProvider<TimeLimits> timeLimits;

	ProcessGateway(RuntimeService runtime, TaskService tasks, IdentityService identity, RepositoryService repository,
			HistoryService history, ProcessEngine engine, org.springframework.beans.factory.ObjectProvider<TimeLimits> timeLimits) {
		this.timeLimits = timeLimits;
		this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
		String prefix = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseTablePrefix();
		this.tablePrefix = prefix == null ? "" : prefix;
		this.runtime = runtime;
		this.tasks = tasks;
		this.identity = identity;
		this.repository = repository;
		this.history = history;
	}

	/** The BPMN XML of the model an instance runs (or ran), for the diagram on a case's page. */
	public Optional<String> modelXml(String processInstanceId) {
		if (processInstanceId == null) {
			return Optional.empty();
		}
		HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult();
		if (instance == null) {
			return Optional.empty();
		}
		try (java.io.InputStream xml = repository.getProcessModel(instance.getProcessDefinitionId())) {
			return Optional.of(new String(xml.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** The activities an instance waits in now (none once it ended). */
	public List<String> activeActivities(String processInstanceId) {
		if (processInstanceId == null
				|| runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
			return List.of();
		}
		return runtime.getActiveActivityIds(processInstanceId);
	}

	private static List<OpenTask> opened(List<Task> found) {
		return found.stream().map(OpenTask::of).toList();
	}

	/** A variable as a task sees it (its own, then its execution's and the instance's). */
	public Object taskVariable(String taskId, String name) {
		return tasks.getVariable(taskId, name);
	}

	/** The open tasks of an instance that the user may work on now. */
	public List<OpenTask> workableTasks(String processInstanceId, Actor actor) {
		if (processInstanceId == null) {
			return List.of();
		}
		return openTasks(processInstanceId).stream().filter(t -> mayWork(t, actor)).toList();
	}

	public String startNeed(Long needId, Map<String, Object> variables) {
		return runtime.startProcessInstanceByKey(Workflow.NEEDS_LOOP, String.valueOf(needId), variables).getId();
	}

	public String startProject(Long projectId, Map<String, Object> variables) {
		return runtime.startProcessInstanceByKey(Workflow.SERVICE_PROJECT, String.valueOf(projectId), variables).getId();
	}

	/** Starts an instance of any of the loop's processes; the business key is the domain record's id. */
	public String start(String processKey, Long businessKey, Map<String, Object> variables) {
		return runtime.startProcessInstanceByKey(processKey, String.valueOf(businessKey), variables).getId();
	}

	public String startDispatch(Long dispatchId, Map<String, Object> variables) {
		return start(Workflow.VOLUNTEER_DISPATCH, dispatchId, variables);
	}

	public String startConsultation(Long consultationId, Map<String, Object> variables) {
		return start(Workflow.COMMUNITY_CONSULTATION, consultationId, variables);
	}

	/** The open task of a step, or a 409 saying the case is not at that step. */
	public OpenTask currentTask(String processInstanceId, String taskKey, String problemKey, Object subjectId) {
		return findTask(processInstanceId, taskKey)
			.orElseThrow(() -> ProblemException.conflict(problemKey, subjectId));
	}

	public Optional<OpenTask> findTask(String processInstanceId, String taskKey) {
		if (processInstanceId == null) {
			return Optional.empty();
		}
		return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).list().stream()
			.findFirst()
			.map(OpenTask::of);
	}

	/**
	 * The open task of a step whose variable has a value: one instance of a multi-instance step, found by its
	 * element variable. That variable lives on the instance's execution, not on the task, so it is read through
	 * the task's scope hierarchy; numbers compare by value (a JSON list may hold Integers for Longs).
	 */
	public Optional<OpenTask> findTask(String processInstanceId, String taskKey, String variable, Object value) {
		if (processInstanceId == null) {
			return Optional.empty();
		}
		return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).list().stream()
			.filter(t -> sameValue(value, variableOfOpenTask(t.getId(), variable)))
			.findFirst()
			.map(OpenTask::of);
	}

	/**
	 * A task variable (through the task's scope hierarchy), or null when the task was completed by a step beside
	 * this one since it was listed. Read in a command that does not fail for a task that is gone: a failed engine
	 * command would mark the whole transaction for rollback, even when its exception is caught here.
	 */
	private Object variableOfOpenTask(String taskId, String variable) {
		return commands.execute(context -> {
			TaskEntity task = context.getTaskManager().findTaskById(taskId);
			return task == null ? null : task.getVariable(variable);
		});
	}

	private static boolean sameValue(Object expected, Object actual) {
		if (expected instanceof Number a && actual instanceof Number b) {
			return a.longValue() == b.longValue();
		}
		return expected.equals(actual);
	}

	public List<OpenTask> openTasks(String processInstanceId) {
		return opened(tasks.createTaskQuery().processInstanceId(processInstanceId).list());
	}

	/**
	 * Whether the user may work on the task: it is assigned to them, or offered to them or to one of
	 * their groups. Routing decides this for every task, so the API asks the same question Tasklist
	 * does.
	 */
	public boolean mayWork(OpenTask task, Actor actor) {
		if (actor.userId().equals(task.getAssignee())) {
			return true;
		}
		if (task.getAssignee() != null) {
			return false;
		}
		return offeredTo(task, actor);
	}

	/** Whether the task is offered to the user or to one of their groups (whoever holds it now). */
	public boolean offeredTo(OpenTask task, Actor actor) {
		return tasks.getIdentityLinksForTask(task.getId()).stream()
			.filter(link -> org.camunda.bpm.engine.task.IdentityLinkType.CANDIDATE.equals(link.getType()))
			.anyMatch(link -> actor.userId().equals(link.getUserId())
					|| (link.getGroupId() != null && actor.groups().contains(link.getGroupId())));
	}

	/** The open tasks among these ids (done or unknown ones are left out). */
	public List<OpenTask> tasks(Collection<String> taskIds) {
		return opened(inSlices(taskIds, slice -> tasks.createTaskQuery().taskIdIn(slice).list()));
	}

	/** An open task by its id. */
	public Optional<OpenTask> task(String taskId) {
		return Optional.ofNullable(tasks.createTaskQuery().taskId(taskId).singleResult()).map(OpenTask::of);
	}

	/**
	 * Claims a task for the user, as Tasklist's claim button does, with the user's Camunda
	 * authorizations; a 409 ({@code problem.task.claimedByOther}) when someone else took it meanwhile.
	 */
	public void claim(OpenTask task, Actor actor) {
		identity.setAuthentication(actor.userId(), actor.groups());
		try {
			tasks.claim(task.getId(), actor.userId());
		}
		catch (TaskAlreadyClaimedException | OptimisticLockingException ex) {
			throw ProblemException.conflict("problem.task.claimedByOther");
		}
		finally {
			identity.clearAuthentication();
		}
	}

	/**
	 * Gives a claimed task back to the users and groups it is offered to, as Tasklist's unclaim does; a 409
	 * ({@code problem.concurrentChange}) when the task changed meanwhile.
	 */
	public void unclaim(OpenTask task, Actor actor) {
		identity.setAuthentication(actor.userId(), actor.groups());
		try {
			tasks.setAssignee(task.getId(), null);
		}
		catch (OptimisticLockingException ex) {
			throw ProblemException.conflict("problem.concurrentChange");
		}
		finally {
			identity.clearAuthentication();
		}
	}

	/**
	 * Whether an exception says that two transactions changed the same case at once (the engine's optimistic
	 * lock): the caller answers a 409 or runs the step again ({@link ConflictRetry}).
	 */
	public static boolean concurrentChange(Throwable ex) {
		return ex instanceof OptimisticLockingException;
	}

	/** The account acting in the current engine command (a step's listener), or {@code "system"} for the engine's own jobs. */
	public String actingUser() {
		org.camunda.bpm.engine.impl.identity.Authentication authentication = identity.getCurrentAuthentication();
		return authentication == null ? "system" : authentication.getUserId();
	}

	/**
	 * Opens a supervision task outside any process, offered to a group: an overdue step escalated to the district.
	 * Its local variables say which task it supervises ({@link Workflow.Var#ESCALATED_TASK_ID}) and what it is about.
	 * @return the new task's id
	 */
	public String openSupervision(String name, String description, java.util.Date due, String tenantId, String group,
			Map<String, Object> locals) {
		Task supervision = tasks.newTask();
		supervision.setName(name);
		supervision.setDescription(description);
		supervision.setDueDate(due);
		supervision.setPriority(80);
		supervision.setTenantId(tenantId);
		tasks.saveTask(supervision);
		tasks.addCandidateGroup(supervision.getId(), group);
		tasks.setVariablesLocal(supervision.getId(), locals);
		return supervision.getId();
	}

	/** Closes the supervision tasks of a task that is done (the escalated step was completed after all). */
	public void closeSupervisionsOf(String escalatedTaskId, String reason) {
		// as the engine: the person whose step closes it (a steward, a stewards' lead) may not read the manager's task
		asEngine(() -> {
			supervisionsOf(escalatedTaskId).forEach(supervision -> tasks.deleteTask(supervision.getId(), reason));
			return null;
		});
	}

	/**
	 * The supervision tasks of a task: the tasks outside any process whose local variable names it. Read from the
	 * tasks outside a process (an index on the process instance) joined to their variables (an index on the task), not
	 * with the task query's variable filter, which tests every open task of the district (18,000 at a district's scale:
	 * 37 ms on every completed step).
	 */
	private List<Task> supervisionsOf(String escalatedTaskId) {
		return tasks.createNativeTaskQuery()
			.sql("select RES.* from " + tablePrefix + "ACT_RU_TASK RES inner join " + tablePrefix
					+ "ACT_RU_VARIABLE V on V.TASK_ID_ = RES.ID_ where RES.PROC_INST_ID_ is null and V.NAME_ = #{name}"
					+ " and V.TEXT_ = #{escalated}")
			.parameter("name", Workflow.Var.ESCALATED_TASK_ID)
			.parameter("escalated", escalatedTaskId)
			.list();
	}

	/** Runs engine calls that a step of a process makes for the process, whoever's action led there. */
	private <T> T asEngine(java.util.function.Supplier<T> calls) {
		return commands.execute(context -> {
			boolean checked = context.isAuthorizationCheckEnabled();
			context.disableAuthorizationCheck();
			try {
				return calls.get();
			}
			finally {
				if (checked) {
					context.enableAuthorizationCheck();
				}
			}
		});
	}

	/** The open task of a step that the user may work on: 409 if the case is elsewhere, 403 if not theirs. */
	public OpenTask taskToWork(String processInstanceId, String taskKey, Actor actor, String problemKey, Object subjectId) {
		OpenTask task = currentTask(processInstanceId, taskKey, problemKey, subjectId);
		requireMayWork(task, actor);
		return task;
	}

	public void requireMayWork(OpenTask task, Actor actor) {
		if (!mayWork(task, actor)) {
			throw ProblemException.forbidden("problem.task.notYours", task.getName());
		}
	}

	/**
	 * Completes a task as the given user. The identity is set for the duration of the call so that
	 * listeners and Camunda's history know who acted, exactly as when the user completes the task in
	 * Tasklist.
	 */
	/**
	 * Completes a task that was not offered to the actor but that they did on the spot (a grid worker who verified
	 * a need they found): they become a candidate of the task, so that the engine lets them and history names them.
	 */
	public void completeOnTheSpot(OpenTask task, Map<String, Object> variables, Actor actor) {
		tasks.addCandidateUser(task.getId(), actor.userId());
		complete(task, variables, actor);
	}

	public void complete(OpenTask task, Map<String, Object> variables, Actor actor) {
		identity.setAuthentication(actor.userId(), actor.groups());
		try {
			tasks.complete(task.getId(), variables);
		}
		catch (NullValueException gone) {
			// someone completed the same task since it was found (a double click, two tabs): a 409, not a 500
			if (task(task.getId()).isPresent()) {
				throw gone;
			}
			throw ProblemException.conflict("problem.task.done", task.getName());
		}
		finally {
			identity.clearAuthentication();
		}
	}

	public void correlate(String message, String businessKey, Map<String, Object> variables) {
		runtime.createMessageCorrelation(message)
			.processInstanceBusinessKey(businessKey)
			.setVariables(variables)
			.correlateWithResult();
	}

	/** Delivers a message to the one process instance that waits for it, whatever its business key. */
	public void correlateToInstance(String message, String processInstanceId, Map<String, Object> variables) {
		runtime.createMessageCorrelation(message)
			.processInstanceId(processInstanceId)
			.setVariables(variables)
			.correlateWithResult();
	}

	/**
	 * Delivers a message to an instance as a person does it (history and the steps' listeners know who), or a 409 with
	 * {@code problemKey} when the instance does not wait for that message at its current step.
	 */
	public void correlateAs(String message, String processInstanceId, Map<String, Object> variables, Actor actor,
			String problemKey, Object subjectId) {
		if (runtime.createEventSubscriptionQuery()
			.processInstanceId(processInstanceId)
			.eventType("message")
			.eventName(message)
			.count() == 0) {
			throw ProblemException.conflict(problemKey, subjectId);
		}
		identity.setAuthentication(actor.userId(), actor.groups());
		try {
			// the caller checked who may ask; a person has no right to update a case instance in the engine's terms
			commands.execute(context -> {
				context.disableAuthorizationCheck();
				try {
					runtime.createMessageCorrelation(message)
						.processInstanceId(processInstanceId)
						.setVariables(variables)
						.correlateWithResult();
					return null;
				}
				finally {
					context.enableAuthorizationCheck();
				}
			});
		}
		catch (org.camunda.bpm.engine.MismatchingMessageCorrelationException ex) {
			throw ProblemException.conflict(problemKey, subjectId);
		}
		finally {
			identity.clearAuthentication();
		}
	}

	/**
	 * Moves an open task's due date (an extension granted): the task falls due at {@code due}, and its timers (the
	 * reminder at the due date, the escalation after it) move by as much as the due date did. A timer that already
	 * fired (the step was overdue, even escalated, before the grant) is set again from its declaration in the model:
	 * the reminder at {@code due}, the escalation the escalation delay after it ({@link TimeLimits}), so the new due
	 * date is honoured as the first one was.
	 * @return the due date it had, or empty when the task is done meanwhile (nothing moves)
	 */
	public Optional<java.util.Date> moveDue(String taskId, java.util.Date due) {
		// inside the step that granted it, as the engine: the person who granted it may not edit the task or its jobs
		return commands.execute(context -> {
			context.disableAuthorizationCheck();
			try {
				TaskEntity task = context.getTaskManager().findTaskById(taskId);
				if (task == null) {
					return Optional.<java.util.Date>empty();
				}
				java.util.Date before = task.getDueDate();
				long shift = before == null ? 0 : due.getTime() - before.getTime();
				task.setDueDate(due);
				task.triggerUpdateEvent();
				java.util.Set<String> waiting = new java.util.HashSet<>();
				for (org.camunda.bpm.engine.impl.persistence.entity.JobEntity job : context.getJobManager()
					.findJobsByExecutionId(task.getExecutionId())) {
					if (job instanceof org.camunda.bpm.engine.impl.persistence.entity.TimerEntity
							&& task.getTaskDefinitionKey().equals(job.getActivityId()) && job.getDuedate() != null) {
						if (shift != 0) {
							job.setDuedate(new java.util.Date(job.getDuedate().getTime() + shift));
						}
						if (job.getJobHandlerConfiguration() instanceof org.camunda.bpm.engine.impl.jobexecutor.TimerEventJobHandler.TimerJobConfiguration timer) {
							waiting.add(timer.getTimerElementSecondaryKey());
						}
					}
				}
				org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity execution = task.getExecution();
				// the model keeps a task's timeout listeners on the task when it is a scope, else on its event scope
				org.camunda.bpm.engine.impl.pvm.process.ActivityImpl activity = execution.getActivity();
				Map<String, org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl> declared =
						org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl
							.getTimeoutListenerDeclarationsForScope(activity).get(task.getTaskDefinitionKey());
				if (declared == null && activity.getEventScope() != null) {
					declared = org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl
						.getTimeoutListenerDeclarationsForScope(activity.getEventScope()).get(task.getTaskDefinitionKey());
				}
				if (declared == null) {
					declared = Map.of();
				}
				declared.forEach((listenerId, declaration) -> {
					if (!waiting.contains(listenerId)) {
						org.camunda.bpm.engine.impl.persistence.entity.TimerEntity timer = declaration.createTimer(execution);
						timer.setDuedate(Workflow.TIMER_ESCALATION.equals(listenerId)
								? timeLimits.getObject().escalationAfter(due, execution) : due);
					}
				});
				return Optional.ofNullable(before);
			}
			finally {
				context.enableAuthorizationCheck();
			}
		});
	}

	/** The groups and users an open task is offered to (its candidates), and its assignee. */
	public List<String> candidateGroups(String taskId) {
		// as the engine: whoever decided an extension may tell the groups of a task they may not read
		return asEngine(() -> tasks.getIdentityLinksForTask(taskId).stream()
			.filter(link -> org.camunda.bpm.engine.task.IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(org.camunda.bpm.engine.task.IdentityLink::getGroupId)
			.toList());
	}

	public void setVariables(String processInstanceId, Map<String, Object> variables) {
		runtime.setVariables(processInstanceId, variables);
	}

	/** The tasks a user may work on: assigned to them, offered to them or to one of their groups. */
	public List<OpenTask> tasksFor(Actor actor, int max) {
		// two queries, each on an index (the assignee; the candidate links of the user and their groups), merged
		// here: the engine's one query with "assigned or offered" read every unassigned task of the district and
		// sorted them (130 ms with 9,000 unassigned of 18,000 open tasks on MariaDB)
		List<Task> assigned = tasks.createTaskQuery()
			.taskAssignee(actor.userId())
			.orderByDueDate().asc()
			.orderByTaskCreateTime().asc()
			.listPage(0, max);
		List<Task> offered = tasks.createTaskQuery()
			.or()
			.taskCandidateUser(actor.userId())
			.taskCandidateGroupIn(actor.groups().isEmpty() ? List.of("-none-") : actor.groups())
			.endOr()
			.orderByDueDate().asc()
			.orderByTaskCreateTime().asc()
			.listPage(0, max);
		Map<String, Task> both = new java.util.LinkedHashMap<>();
		assigned.forEach(task -> both.put(task.getId(), task));
		offered.forEach(task -> both.putIfAbsent(task.getId(), task));
		// as the database ordered them: by due date (none first), then by creation
		List<Task> merged = both.values()
			.stream()
			.sorted(java.util.Comparator
				.comparing(Task::getDueDate, java.util.Comparator.nullsFirst(java.util.Comparator.<java.util.Date>naturalOrder()))
				.thenComparing(Task::getCreateTime, java.util.Comparator.nullsFirst(java.util.Comparator.<java.util.Date>naturalOrder())))
			.limit(max)
			.toList();
		return opened(merged);
	}

	public List<OpenTask> overdueTasks(java.util.Date now) {
		return opened(tasks.createTaskQuery().dueBefore(now).list());
	}

	/**
	 * Open tasks past due at {@code now} that were created in [{@code createdFrom}, {@code createdBefore}),
	 * of one community (process variable {@code communityCode}) when it is given, by due date. Null
	 * bounds or community leave that filter out.
	 */
	public List<OpenTask> overdueTasks(java.util.Date now, String communityCode, java.util.Date createdFrom,
			java.util.Date createdBefore) {
		TaskQuery query = tasks.createTaskQuery().dueBefore(now);
		if (createdFrom != null) {
			// the engine's bounds are exclusive: one millisecond earlier keeps a task created at the very start
			query.taskCreatedAfter(new java.util.Date(createdFrom.getTime() - 1));
		}
		if (createdBefore != null) {
			query.taskCreatedBefore(createdBefore);
		}
		if (communityCode != null) {
			query.processVariableValueEquals(Workflow.Var.COMMUNITY_CODE, communityCode);
		}
		return opened(query.orderByDueDate().asc().list());
	}

	/** Variables of many process instances at once (their own scope), by process instance id then name. */
	public Map<String, Map<String, Object>> processVariables(Collection<String> processInstanceIds, String... names) {
		Map<String, Map<String, Object>> result = new HashMap<>();
		for (VariableInstance variable : inSlices(processInstanceIds, slice -> runtime.createVariableInstanceQuery()
			.processInstanceIdIn(slice)
			.variableNameIn(names)
			.disableBinaryFetching()
			.list())) {
			// only the process instance's own variables, not those of a task or a sub-scope
			if (variable.getExecutionId() != null && variable.getExecutionId().equals(variable.getProcessInstanceId())
					&& variable.getTaskId() == null) {
				result.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
					.put(variable.getName(), variable.getValue());
			}
		}
		return result;
	}

	/**
	 * The business keys of running process instances, by instance id: for a consultation or a certificate request the
	 * key is the id of its record.
	 */
	public Map<String, String> businessKeys(Collection<String> processInstanceIds) {
		Map<String, String> keys = new HashMap<>();
		inSlices(processInstanceIds, slice -> runtime.createProcessInstanceQuery()
			.processInstanceIds(new java.util.HashSet<>(Arrays.asList(slice)))
			.list())
			.forEach(instance -> keys.put(instance.getId(), instance.getBusinessKey()));
		return keys;
	}

	/** Task-local variables of many tasks at once, by task id then variable name. */
	public Map<String, Map<String, Object>> localVariables(Collection<String> taskIds, String... names) {
		Map<String, Map<String, Object>> result = new HashMap<>();
		if (taskIds.isEmpty()) {
			return result;
		}
		for (VariableInstance variable : inSlices(taskIds, slice -> runtime.createVariableInstanceQuery()
			.taskIdIn(slice)
			.variableNameIn(names)
			.disableBinaryFetching()
			.list())) {
			result.computeIfAbsent(variable.getTaskId(), id -> new HashMap<>()).put(variable.getName(), variable.getValue());
		}
		return result;
	}

	/** Variables of many process instances at once (any scope), by process instance id then variable name. */
	public Map<String, Map<String, Object>> instanceVariables(Collection<String> processInstanceIds, String... names) {
		Map<String, Map<String, Object>> result = new HashMap<>();
		inSlices(processInstanceIds, slice -> runtime.createVariableInstanceQuery()
			.processInstanceIdIn(slice)
			.variableNameIn(names)
			.disableBinaryFetching()
			.list())
			.forEach(v -> result.computeIfAbsent(v.getProcessInstanceId(), id -> new HashMap<>())
				.putIfAbsent(v.getName(), v.getValue()));
		return result;
	}

	/**
	 * Runs a query over many ids in slices of {@value #SLICE}, so that no {@code IN (...)} list grows past what a
	 * database takes (Oracle's 1,000, and long statements on MySQL); the ids are taken once each.
	 */
	static <T> List<T> inSlices(Collection<String> ids, java.util.function.Function<String[], List<T>> query) {
		List<String> distinct = ids.stream().distinct().toList();
		List<T> found = new ArrayList<>();
		for (int from = 0; from < distinct.size(); from += SLICE) {
			found.addAll(query.apply(distinct.subList(from, Math.min(distinct.size(), from + SLICE)).toArray(String[]::new)));
		}
		return found;
	}

	private static final int SLICE = 500;
}
