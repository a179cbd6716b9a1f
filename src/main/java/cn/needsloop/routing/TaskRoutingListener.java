package cn.needsloop.routing;

import org.springframework.context.MessageSource;
import java.util.Locale;
import cn.needsloop.shared.Wording;
import cn.needsloop.shared.ChinaTime;
import cn.needsloop.notification.Notifier;
import cn.needsloop.shared.Line;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

import cn.needsloop.calendar.WorkingCalendar;
import cn.needsloop.shared.Category;
import cn.needsloop.intake.Need;
import cn.needsloop.intake.NeedLog;
import cn.needsloop.intake.Needs;
import cn.needsloop.shared.Phase;
import cn.needsloop.process.Subject;
import cn.needsloop.process.TaskSteps;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow;
import cn.needsloop.notification.Recipient;

/**
 * Routes every user task when it is created: {@code task-routing.dmn} names the line, the line's
 * bean offers the task to the right group of the right community, and the line is recorded on the
 * task and in the history of the needs it is about, and told by notification.
 */
@Component("taskRoutingListener")
class TaskRoutingListener implements TaskListener {

	private final TaskRouter router;

	private final Map<Line, ServiceLine> lines = new EnumMap<>(Line.class);

	private final NeedLog log;

	private final Needs needs;

	private final Notifier notifier;

	private final TaskSteps steps;

	private final MessageSource messages;

	private final TimeLimits timeLimits;

	TaskRoutingListener(TaskRouter router, List<ServiceLine> lines, NeedLog log, Needs needs, Notifier notifier,
			TaskSteps steps, MessageSource messages, TimeLimits timeLimits) {
		this.messages = messages;
		this.timeLimits = timeLimits;
		this.router = router;
		lines.forEach(l -> this.lines.put(l.line(), l));
		this.log = log;
		this.needs = needs;
		this.notifier = notifier;
		this.steps = steps;
	}

	@Override
	public void notify(DelegateTask task) {
		Phase phase = Phase.valueOf(property(task, "phase", null));
		String category = Variables.string(task, Workflow.Var.CATEGORY);
		// a returned need goes to the line the steward re-routed it to, not where the table sent it first
		String rerouted = Workflow.Step.RESOLVE_NEED.equals(task.getTaskDefinitionKey())
				? Variables.string(task, Workflow.Var.REROUTED_LINE) : null;
		String community = Variables.string(task, Workflow.Var.COMMUNITY_CODE);
		Line line = rerouted != null ? Line.valueOf(rerouted)
				: router.lineFor(phase, task.getTaskDefinitionKey(), category == null ? null : Category.valueOf(category),
						community);
		List<Recipient> recipients = new ArrayList<>(lines.get(line).route(task, community));

		Subject subject = Subject.of(task);
		if (Boolean.parseBoolean(property(task, "reporterMayAct", "false"))) {
			Long needId = subject.isNeed() ? subject.needId() : Variables.longValue(task, Workflow.Var.RATED_NEED_ID);
			// the grid worker who settled a need on the spot is its reporter but does not confirm their own work
			String settler = Variables.string(task, Workflow.Var.SPOT_SETTLED_BY);
			needs.findById(needId).map(Need::getReporterUser).filter(reporter -> !reporter.equals(settler)).ifPresent(reporter -> {
				task.addCandidateUser(reporter);
				recipients.add(Recipient.user(reporter));
			});
		}
		task.setVariableLocal(Workflow.Var.LINE, line.name());
		// Tasklist shows this variable as it is: in Chinese, for community workers
		task.setVariableLocal(Workflow.Var.TASK_SUBJECT, what(task, subject).render(messages, Locale.SIMPLIFIED_CHINESE));
		task.setVariableLocal(Workflow.Var.PHASE, phase.name());
		// the version of time-limits.dmn that set the due date stays with the task, whatever later versions say
		timeLimits.recordOn(task);
		if (subject.isNeed()) {
			task.setVariableLocal(Workflow.Var.NEED_ID, subject.needId());
		}
		else {
			task.setVariableLocal(Workflow.Var.PROJECT_ID, subject.projectId());
		}
		if (Boolean.parseBoolean(property(task, "aside", "false"))) {
			// a step beside the case's own (an extension to decide): the case stays at its step, on its line
			log.record(subject, phase, Wording.of("history.step.open", named(task)), line, null);
		}
		else {
			log.stepEntered(subject, phase, Wording.of("history.step.open", named(task)), line,
					task.getDueDate() == null ? null : task.getDueDate().toInstant());
		}
		steps.forKey(task.getTaskDefinitionKey()).ifPresent(step -> step.entered(task));
		// an urgent need (danger to life and limb in its text, or marked urgent) reaches its line marked as such, at once
		boolean urgent = Boolean.TRUE.equals(task.getVariable(Workflow.Var.URGENT));
		notifier.notify(recipients,
				Wording.of(urgent ? "notification.task.newUrgent" : "notification.task.new",
						Wording.step(task.getTaskDefinitionKey(), task.getName())),
				describe(task, subject), subject, task.getId(), urgent);
	}

	/** Due dates as a person in China reads them: Beijing time, to the minute. */
	private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	static Wording describe(DelegateTask task, Subject subject) {
		return task.getDueDate() == null ? what(task, subject)
				: Wording.of("task.describe.due", what(task, subject),
						DUE.format(task.getDueDate().toInstant().atZone(ChinaTime.ZONE)));
	}

	/** What a task is about, for people: a need, a project, a consultation or another subject. */
	static Wording what(DelegateTask task, Subject subject) {
		if (isConsultation(task)) {
			return Wording.of("task.about", label(task, subject), Variables.string(task, Workflow.Var.CONSULTATION_TOPIC));
		}
		return subject.isNeed() ? Wording.of("task.about", label(task, subject), Variables.string(task, Workflow.Var.NEED_TITLE))
				: subject.projectId() != null
						? Wording.of("task.about", label(task, subject), Variables.string(task, Workflow.Var.PROJECT_TITLE))
						: label(task, subject);
	}

	/**
	 * A task's name for the histories of the needs it is about: a step about one need of a project (a resident's
	 * rating) says which need, since a project's steps are written into the history of each of its needs.
	 */
	static Wording named(DelegateTask task) {
		Long rated = Variables.longValue(task, Workflow.Var.RATED_NEED_ID);
		Wording step = Wording.step(task.getTaskDefinitionKey(), task.getName());
		return rated == null ? step : Wording.of("history.step.ofNeed", step, rated);
	}

	static boolean isConsultation(DelegateTask task) {
		return task.getProcessDefinitionId() != null
				&& task.getProcessDefinitionId().startsWith(Workflow.COMMUNITY_CONSULTATION + ":");
	}

	/** A short name of what a task is about: 民需 #12, 项目 #3, 协商 #5, or the subject's title. */
	static Wording label(DelegateTask task, Subject subject) {
		if (isConsultation(task)) {
			return Wording.of("task.label.consultation", Variables.longValue(task, Workflow.Var.CONSULTATION_ID));
		}
		if (subject.isNeed()) {
			return Wording.of("task.label.need", subject.needId());
		}
		if (subject.projectId() != null) {
			return Wording.of("task.label.project", subject.projectId());
		}
		// dispatches, work items, certificate requests, the annual review: the process names its subject
		String title = Variables.string(task, Workflow.Var.SUBJECT_TITLE);
		if (title == null) {
			title = Variables.string(task, Workflow.Var.DISPATCH_TITLE);
		}
		return title != null ? Wording.of("text", title) : Wording.step(task.getTaskDefinitionKey(), task.getName());
	}

	static String property(DelegateTask task, String name, String fallback) {
		UserTask element = task.getBpmnModelElementInstance();
		ExtensionElements extensions = element == null ? null : element.getExtensionElements();
		if (extensions != null) {
			for (CamundaProperties properties : extensions.getChildElementsByType(CamundaProperties.class)) {
				for (CamundaProperty property : properties.getCamundaProperties()) {
					if (name.equals(property.getCamundaName())) {
						return property.getCamundaValue();
					}
				}
			}
		}
		if (fallback == null) {
			throw new IllegalStateException("User task " + task.getTaskDefinitionKey() + " has no property " + name);
		}
		return fallback;
	}
}
