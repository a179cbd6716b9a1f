package cn.needsloop.process;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.needsloop.shared.Actor;
import cn.needsloop.shared.ProblemException;

/**
 * What a person may do to the engine's tasks and cases, whichever way they reach it (the API, Tasklist,
 * {@code /engine-rest}), enforced on the engine's commands so that no way in skips it. For a signed-in user who is
 * not an administrator, on the command they call (not the commands the loop's own listeners and delegates run inside
 * it):
 * <ul>
 * <li><b>Claiming</b> takes a task onto their own list only: not for someone else, not one another holds (409), not
 * one that is not offered to them, and only if the rules of its step let them ({@link TaskStep#claiming}: an
 * organisation claims a project only if qualified). Giving it back (unclaim) only if they hold it and it is offered
 * to their line.</li>
 * <li><b>Nobody but an administrator</b> assigns a task to another person, delegates it, sets its owner, or adds or
 * removes its candidates; nor sets or removes a variable of a task, an execution or a process instance.</li>
 * <li><b>Completing</b> from outside the application ({@link EngineCall}) carries exactly the fields of the task's
 * Camunda Form, by the form's rules ({@link TaskForms}); the step's own checks follow as through the API.</li>
 * <li><b>Anything else</b> that changes a case from outside (starting an instance, messages, signals, modification,
 * jobs, external tasks, deployments, decisions, new tasks, comments, attachments, filters) is refused; the web
 * filter in front of the engine's APIs refuses these first, this is the second wall.</li>
 * </ul>
 * The permission Camunda grants on a task to the users and groups it is offered to is {@code TASK_WORK} (claim,
 * complete), not {@code UPDATE}. A refusal of a step's rule is a {@link ProblemException}; it leaves the engine as a
 * {@link StepRefusal} (a bad user request, which the engine does not log as an error) and is logged here at WARN in
 * one line.
 */
@Component
public class EngineRules extends AbstractProcessEnginePlugin {

	private static final Logger LOG = LoggerFactory.getLogger(EngineRules.class);

	private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

	/** Commands that change a case and that nobody but an administrator calls from outside. */
	private static final Set<String> OUTSIDE_WRITES = Set.of("StartProcessInstanceCmd", "StartProcessInstanceAtActivitiesCmd",
			"SubmitStartFormCmd", "CorrelateMessageCmd", "CorrelateAllMessageCmd", "CorrelateStartMessageCmd",
			"MessageEventReceivedCmd", "SignalEventReceivedCmd", "SignalCmd", "ModifyProcessInstanceCmd",
			"ModifyProcessInstanceAsyncCmd", "ProcessInstanceModificationCmd", "SaveTaskCmd", "AddCommentCmd",
			"UpdateCommentCmd", "DeleteTaskCommentCmd", "CreateAttachmentCmd", "SaveAttachmentCmd", "DeleteAttachmentCmd",
			"SaveFilterCmd", "DeleteFilterCmd", "SetJobRetriesCmd", "SetJobsRetriesCmd", "SetJobsRetriesBatchCmd",
			"SetJobDuedateCmd", "ExecuteJobsCmd", "DeployCmd", "DeleteDeploymentCmd", "EvaluateDecisionCmd",
			"EvaluateDecisionTableCmd", "FetchExternalTasksCmd", "CompleteExternalTaskCmd", "HandleExternalTaskFailureCmd",
			"HandleExternalTaskBpmnErrorCmd", "DeleteProcessInstanceCmd", "DeleteProcessInstancesCmd",
			"DeleteProcessInstancesBatchCmd", "UpdateProcessInstanceSuspensionStateCmd", "SetRemovalTimeToHistoricProcessInstancesCmd",
			"DeleteTaskCmd", "ResolveTaskCmd", "SetTaskVariablesCmd", "SetVariablesToProcessInstancesBatchCmd",
			"RestartProcessInstancesCmd", "MigrateProcessInstanceCmd", "SetExecutionVariablesCmd");

	private final ObjectProvider<TaskSteps> steps;

	private final TaskForms forms;

	EngineRules(ObjectProvider<TaskSteps> steps, TaskForms forms) {
		this.steps = steps;
		this.forms = forms;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setDefaultUserPermissionNameForTask(Permissions.TASK_WORK.getName());
		configuration.setCustomPreCommandInterceptorsTxRequired(
				prepend(configuration.getCustomPreCommandInterceptorsTxRequired(), new Outermost()));
		configuration.setCustomPreCommandInterceptorsTxRequiresNew(
				prepend(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), new Outermost()));
		configuration.setCustomPostCommandInterceptorsTxRequired(
				append(configuration.getCustomPostCommandInterceptorsTxRequired(), new Rules()));
		configuration.setCustomPostCommandInterceptorsTxRequiresNew(
				append(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new Rules()));
	}

	private static List<CommandInterceptor> prepend(List<CommandInterceptor> list, CommandInterceptor interceptor) {
		List<CommandInterceptor> all = new ArrayList<>();
		all.add(interceptor);
		if (list != null) {
			all.addAll(list);
		}
		return all;
	}

	private static List<CommandInterceptor> append(List<CommandInterceptor> list, CommandInterceptor interceptor) {
		List<CommandInterceptor> all = list == null ? new ArrayList<>() : new ArrayList<>(list);
		all.add(interceptor);
		return all;
	}

	/** A step's rule refused what a person asked of the engine; carries the {@link ProblemException}. */
	public static class StepRefusal extends BadUserRequestException {

		private static final long serialVersionUID = 1L;

		StepRefusal(ProblemException problem) {
			super(problem.messageKey(), problem);
		}
	}

	/** Counts how deep in engine commands the thread is; records the outermost command's failure for the web filter. */
	static final class Outermost extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			int[] depth = DEPTH.get();
			depth[0]++;
			try {
				return next.execute(command);
			}
			catch (RuntimeException | Error ex) {
				if (depth[0] == 1) {
					EngineCall.current().ifPresent(call -> call.failed(ex));
				}
				throw ex;
			}
			finally {
				depth[0]--;
			}
		}
	}

	/** The rules, on the command a person called. */
	final class Rules extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			if (DEPTH.get()[0] != 1) {
				return next.execute(command);
			}
			CommandContext context = Context.getCommandContext();
			Authentication authentication = context == null ? null : context.getAuthentication();
			if (authentication == null || authentication.getUserId() == null) {
				return next.execute(command);
			}
			Actor actor = new Actor(authentication.getUserId(),
					authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds());
			try {
				return actor.isAdmin() ? next.execute(command) : checked(command, context, actor);
			}
			catch (StepRefusal ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				ProblemException problem = ProblemException.find(ex);
				if (problem == null) {
					throw ex;
				}
				LOG.warn("Refused {} for {}: {} {}", command.getClass().getSimpleName(), actor.userId(), problem.status().value(),
						problem.messageKey());
				throw new StepRefusal(labelled(problem, command, context));
			}
		}

		private <T> T checked(Command<T> command, CommandContext context, Actor actor) {
			boolean outside = EngineCall.current().isPresent();
			if (command instanceof ClaimTaskCmd) {
				return claim(command, context, actor, (String) field(command, "taskId"), (String) field(command, "userId"));
			}
			if (command instanceof AssignTaskCmd) {
				String assignee = (String) field(command, "userId");
				if (assignee == null) {
					return unclaim(command, context, actor, (String) field(command, "taskId"));
				}
				throw ProblemException.forbidden("problem.engine.assign");
			}
			if (command instanceof AbstractAddIdentityLinkCmd || command instanceof DeleteIdentityLinkCmd
					|| command instanceof DelegateTaskCmd) {
				throw ProblemException.forbidden("problem.engine.assign");
			}
			if (command instanceof AbstractVariableCmd || command instanceof AbstractPatchVariablesCmd) {
				throw ProblemException.forbidden("problem.engine.variables");
			}
			if (outside && command instanceof CompleteTaskCmd) {
				completing(context, (String) field(command, "taskId"), variables(field(command, "variables")));
			}
			else if (outside && command instanceof SubmitTaskFormCmd) {
				completing(context, (String) field(command, "taskId"), variables(field(command, "properties")));
			}
			else if (outside && OUTSIDE_WRITES.contains(command.getClass().getSimpleName())) {
				throw ProblemException.forbidden("problem.engine.onlyThroughApp");
			}
			return next.execute(command);
		}

		private <T> T claim(Command<T> command, CommandContext context, Actor actor, String taskId, String userId) {
			TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
			if (task == null) {
				return next.execute(command);
			}
			if (userId == null) {
				return unclaim(command, context, actor, taskId);
			}
			if (!userId.equals(actor.userId())) {
				throw ProblemException.forbidden("problem.engine.holderNotSelf");
			}
			if (userId.equals(task.getAssignee())) {
				return next.execute(command);
			}
			if (task.getAssignee() != null) {
				throw ProblemException.conflict("problem.task.claimedByOther");
			}
			if (!offeredTo(task, actor)) {
				throw ProblemException.forbidden("problem.task.notYours", task.getName());
			}
			steps.getObject().forKey(task.getTaskDefinitionKey()).ifPresent(step -> {
				context.disableAuthorizationCheck();
				try {
					step.claiming(taskId, actor);
				}
				finally {
					context.enableAuthorizationCheck();
				}
			});
			return next.execute(command);
		}

		private <T> T unclaim(Command<T> command, CommandContext context, Actor actor, String taskId) {
			TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
			if (task == null) {
				return next.execute(command);
			}
			if (!actor.userId().equals(task.getAssignee())) {
				throw ProblemException.conflict("problem.task.notClaimedByYou");
			}
			if (!offeredTo(task, actor)) {
				throw ProblemException.conflict("problem.task.assignedToYou");
			}
			// TASK_WORK lets a person claim and complete, not set an assignee: giving one's own task back is allowed here
			context.disableAuthorizationCheck();
			try {
				return next.execute(command);
			}
			finally {
				context.enableAuthorizationCheck();
			}
		}

		private void completing(CommandContext context, String taskId, Map<String, Object> variables) {
			TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
			if (task == null) {
				return;
			}
			Actor actor = actorOf(context);
			if (task.getAssignee() != null && !task.getAssignee().equals(actor.userId())) {
				throw ProblemException.conflict("problem.task.claimedByOther");
			}
			if (task.getAssignee() == null && !offeredTo(task, actor)) {
				throw ProblemException.forbidden("problem.task.notYours", task.getName());
			}
			UserTask element = task.getBpmnModelElementInstance();
			String formRef = element == null ? null : element.getCamundaFormRef();
			forms.check(formRef == null ? "" : formRef, variables, task::getVariable,
					EngineCall.current().map(EngineCall::locale).orElse(null));
		}
	}

	/**
	 * A step's refusal of fields, from outside the application in Chinese: each field named by its label on the
	 * task's form ("协商主体", not "participants"), as the person saw it.
	 */
	private ProblemException labelled(ProblemException problem, Command<?> command, CommandContext context) {
		java.util.Locale locale = EngineCall.current().map(EngineCall::locale).orElse(null);
		if (problem.fieldProblems().isEmpty() || locale == null || !"zh".equals(locale.getLanguage())
				|| !(command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd)) {
			return problem;
		}
		try {
			TaskEntity task = context.getTaskManager().findTaskById((String) field(command, "taskId"));
			String formRef = task == null || task.getBpmnModelElementInstance() == null ? null
					: task.getBpmnModelElementInstance().getCamundaFormRef();
			Map<String, TaskForms.Field> fields = formRef == null ? Map.of() : forms.fields(formRef).orElse(Map.of());
			List<ProblemException.FieldProblem> named = problem.fieldProblems().stream()
				.map(f -> fields.containsKey(f.field())
						? new ProblemException.FieldProblem(fields.get(f.field()).label(), f.messageKey(), f.args())
						: f)
				.toList();
			return new ProblemException(problem.status(), problem.messageKey(), named, problem.args());
		}
		catch (RuntimeException ex) {
			return problem;
		}
	}

	private static Actor actorOf(CommandContext context) {
		Authentication authentication = context.getAuthentication();
		return new Actor(authentication.getUserId(),
				authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds());
	}

	private static boolean offeredTo(TaskEntity task, Actor actor) {
		for (IdentityLinkEntity link : task.getIdentityLinks()) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType()) && (actor.userId().equals(link.getUserId())
					|| link.getGroupId() != null && actor.groups().contains(link.getGroupId()))) {
				return true;
			}
		}
		return false;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> variables(Object value) {
		return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
	}

	/** A field of an engine command (they have no getters); looked up along the class hierarchy. */
	private static Object field(Object command, String name) {
		for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
			try {
				Field field = type.getDeclaredField(name);
				field.setAccessible(true);
				return field.get(command);
			}
			catch (NoSuchFieldException ex) {
				// look in the superclass
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException(command.getClass().getName() + " has no field " + name);
	}
}
