package cn.needsloop.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.intake.Need;
import cn.needsloop.intake.NeedLog;
import cn.needsloop.intake.Needs;
import cn.needsloop.process.DecisionTables;
import cn.needsloop.process.OpenTask;
import cn.needsloop.process.ProcessGateway;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.Actor;
import cn.needsloop.shared.ChinaTime;
import cn.needsloop.shared.Line;
import cn.needsloop.shared.Phase;
import cn.needsloop.shared.ProblemException;
import cn.needsloop.shared.Wording;

/**
 * Extension, return and transfer of a need's step (延期、退单、转办), and extension of a service project's or a
 * consultation's step, as the API and the pages ask for them. Each is a path of the case's process: an extension
 * request is a message to its event sub-process (in {@code needsLoop}, {@code serviceProject} and
 * {@code communityConsultation} alike), a return the completion of
 * {@code userTask_resolveNeed} with {@code returned}, a re-routing the completion of {@code userTask_rerouteNeed}, a
 * transfer a message to the boundary events of verification and classification (or the steward's choice when
 * re-routing). Tasklist completes the same tasks and passes the same steps ({@link RerouteNeedStep},
 * {@link DecideExtensionStep}, the resolution's step).
 */
@Service
@Transactional
public class StepChangeService {

	/** The most a reason, a note or a decision may say. */
	static final int MAX_TEXT = 1000;

	/** The lines that settle an individual need, and so may be given a returned one. */
	static final Set<Line> REROUTABLE = Set.of(Line.STEWARD, Line.PARTY, Line.SELF_GOVERNANCE);

	static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Needs needs;

	private final ProcessGateway process;

	private final DecisionTables decisions;

	private final StepChanges changes;

	private final NeedLog log;

	private final Map<StepChange.CaseKind, ExtensionCases> cases = new EnumMap<>(StepChange.CaseKind.class);

	StepChangeService(Needs needs, ProcessGateway process, DecisionTables decisions, StepChanges changes, NeedLog log,
			List<ExtensionCases> cases) {
		cases.forEach(c -> this.cases.put(c.kind(), c));
		this.needs = needs;
		this.process = process;
		this.decisions = decisions;
		this.changes = changes;
		this.log = log;
	}

	// ---- 延期 ------------------------------------------------------------------------------------

	/**
	 * The line holding a step of a need asks for more time: see
	 * {@link #requestExtension(StepChange.CaseKind, Long, String, Instant, String, Actor)}.
	 */
	public StepChange requestExtension(Long needId, String taskId, Instant due, String reason, Actor actor) {
		return requestExtension(StepChange.CaseKind.NEED, needId, taskId, due, reason, actor);
	}

	/**
	 * The line holding a step of a need, a service project or a consultation asks for more time: the step must be
	 * theirs to work on, allowed by {@code stepExtension.dmn} (by default once per step), with a reason, until a later
	 * time (later than now, too) no further than the table allows; one request of a case at a time. The stewards' lead
	 * of the community, or the manager where it has none ({@code task-routing.dmn}), decides in
	 * {@code userTask_decideExtension} of the case's event sub-process.
	 */
	public StepChange requestExtension(StepChange.CaseKind kind, Long id, String taskId, Instant due, String reason,
			Actor actor) {
		ExtensionCases cases = casesOf(kind);
		// a stranger to the case is refused as on its page; one who may see it but holds no step of it gets a 409
		ExtensionCase of = cases.require(id, actor);
		OpenTask task = heldTask(of, taskId, actor);
		String why = text("reason", reason);
		Instant now = TimeLimits.nowInstant();
		Instant current = task.getDueDate() == null ? now : task.getDueDate().toInstant();
		if (due == null) {
			throw ProblemException.badField("due", "problem.field.required");
		}
		Map<String, Object> input = new HashMap<>();
		input.put("step", task.getTaskDefinitionKey());
		input.put("requests", (int) changes.countByTaskIdAndKind(task.getId(), StepChange.Kind.EXTENSION));
		DecisionTables.Evaluation rule = decisions.evaluate(Workflow.Decision.STEP_EXTENSION, input);
		if (!Boolean.TRUE.equals(rule.result().get("extensionAllowed"))) {
			throw ProblemException.conflict("problem.extension.notAllowed", task.getName());
		}
		// an overdue step is extended to a time still to come, not to another time already past
		Instant floor = current.isAfter(now) ? current : now;
		if (!due.isAfter(floor)) {
			throw ProblemException.badField("due", "problem.extension.dueNotLater", format(floor));
		}
		Number maxDays = (Number) rule.result().get("maxDays");
		Instant latest = current.plus(Duration.ofDays(maxDays.longValue()));
		if (due.isAfter(latest)) {
			throw ProblemException.badField("due", "problem.extension.tooLong", maxDays, format(latest));
		}
		if (changes.existsByCaseKindAndCaseIdAndKindAndStatus(kind, id, StepChange.Kind.EXTENSION,
				StepChange.Status.REQUESTED)) {
			throw ProblemException.conflict(key("problem.extension.pending", kind), id);
		}
		Line line = lineOf(task.getId());
		Phase phase = phaseOf(task.getId());
		StepChange request = changes.save(StepChange.extensionAsked(of, task.getTaskDefinitionKey(), task.getId(), line,
				why, actor.userId(), now, current, due));
		Wording step = Wording.step(task.getTaskDefinitionKey(), task.getName());
		cases.record(of, phase, Wording.of("history.extension.requested", step, format(due), why), line, actor.userId());
		Map<String, Object> variables = new HashMap<>();
		variables.put(Var.EXTENSION_REQUEST_ID, request.getId());
		variables.put(Var.EXTENSION_TASK_ID, task.getId());
		variables.put(Var.EXTENSION_DUE, Date.from(due));
		variables.put(Var.EXTENSION_DUE_TEXT, format(due));
		variables.put(Var.EXTENSION_STEP_NAME, task.getName());
		variables.put(Var.EXTENSION_REASON, why);
		variables.put(Var.EXTENSION_PHASE, phase == null ? null : phase.name());
		process.correlateAs(Workflow.MESSAGE_STEP_EXTENSION_REQUESTED, of.processInstanceId(), variables, actor,
				key("problem.extension.notWaiting", kind), id);
		return request;
	}

	/** The lead or the manager grants or refuses the pending extension of a need (as in Tasklist). */
	public void decideExtension(Long needId, boolean granted, String note, Actor actor) {
		decideExtension(StepChange.CaseKind.NEED, needId, granted, note, actor);
	}

	/** The lead or the manager grants or refuses the pending extension of a case (as in Tasklist). */
	public void decideExtension(StepChange.CaseKind kind, Long id, boolean granted, String note, Actor actor) {
		ExtensionCase of = casesOf(kind).require(id, actor);
		OpenTask task = process.taskToWork(of.processInstanceId(), Step.DECIDE_EXTENSION, actor,
				key("problem.extension.notPending", kind), id);
		Map<String, Object> variables = new HashMap<>();
		variables.put(Var.EXTENSION_DECISION, granted ? "GRANTED" : "REFUSED");
		variables.put(Var.EXTENSION_DECISION_NOTE, note);
		process.complete(task, variables, actor);
	}

	/** The cases of a kind (needs, projects, consultations). */
	ExtensionCases casesOf(StepChange.CaseKind kind) {
		ExtensionCases found = cases.get(kind);
		if (found == null) {
			throw new IllegalStateException("No ExtensionCases bean for " + kind);
		}
		return found;
	}

	/** A problem's message key for a kind of case: the need's as it was, {@code .PROJECT} / {@code .CONSULTATION}. */
	private static String key(String base, StepChange.CaseKind kind) {
		return kind == StepChange.CaseKind.NEED ? base : base + "." + kind.name();
	}

	// ---- 退单 ------------------------------------------------------------------------------------

	/** The line holding the resolution of a need returns it, with a reason: it goes back to the steward. */
	public void returnTask(Long needId, String reason, Actor actor) {
		Need need = needs.require(needId);
		OpenTask task = process.taskToWork(need.getProcessInstanceId(), Step.RESOLVE_NEED, actor,
				"problem.need.notAtStep.resolve", needId);
		Map<String, Object> variables = new HashMap<>();
		variables.put(Var.RETURNED, true);
		variables.put(Var.RETURN_REASON, reason);
		process.complete(task, variables, actor);
	}

	/**
	 * A resolution was completed as returned (by the API or in Tasklist alike): the reason is required; the return is
	 * counted for its line and category and written into the need's history.
	 */
	public void returned(DelegateTask task, Need need, String actor) {
		String reason = Variables.requiredString(task, Var.RETURN_REASON);
		if (reason.length() > MAX_TEXT) {
			throw ProblemException.badField(Var.RETURN_REASON, "problem.field.maxLength", MAX_TEXT);
		}
		Line line = lineOf(task);
		changes.save(StepChange.returned(need.getId(), need.getCommunityCode(), task.getTaskDefinitionKey(), task.getId(),
				line, need.getCategory(), reason, actor, TimeLimits.nowInstant()));
		log.record(need, need.getPhase(),
				Wording.of("history.step.returned", Wording.step(task.getTaskDefinitionKey(), task.getName()), reason), line,
				actor);
	}

	/** The steward re-routes a returned need: to another line, back to classification, or to another community. */
	public void reroute(Long needId, RerouteDecision decision, Line line, String community, String note, Actor actor) {
		Need need = stewardsNeed(needId, actor);
		OpenTask task = process.taskToWork(need.getProcessInstanceId(), Step.REROUTE_NEED, actor,
				"problem.need.notAtStep.reroute", needId);
		Map<String, Object> variables = new HashMap<>();
		variables.put(Var.REROUTE_DECISION, decision == null ? null : decision.name());
		variables.put(Var.REROUTE_LINE, line == null ? null : line.name());
		variables.put(Var.TRANSFER_TO, community);
		variables.put(Var.REROUTE_NOTE, note);
		process.complete(task, variables, actor);
	}

	/** The line that last returned a need's resolution, if any. */
	Optional<Line> lastReturnedBy(Long needId) {
		List<StepChange> all = changes.findByNeedIdOrderByIdAsc(needId);
		for (int i = all.size() - 1; i >= 0; i--) {
			if (all.get(i).getKind() == StepChange.Kind.RETURN) {
				return Optional.ofNullable(all.get(i).getLine());
			}
		}
		return Optional.empty();
	}

	// ---- 转办 ------------------------------------------------------------------------------------

	/**
	 * A steward of the need's community transfers it to another community: while it waits for verification or
	 * classification (a message to the step's boundary event), or as the steward's choice when re-routing a returned
	 * need. The transfer itself ({@link TransferNeedDelegate}) checks the community, the same for every way in.
	 */
	public void transfer(Long needId, String community, String reason, Actor actor) {
		Need need = stewardsNeed(needId, actor);
		Optional<OpenTask> rerouting = process.findTask(need.getProcessInstanceId(), Step.REROUTE_NEED);
		if (rerouting.isPresent()) {
			reroute(needId, RerouteDecision.TRANSFER, null, community, reason, actor);
			return;
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put(Var.TRANSFER_TO, community);
		variables.put(Var.TRANSFER_REASON, reason);
		process.correlateAs(Workflow.MESSAGE_NEED_TRANSFER_REQUESTED, need.getProcessInstanceId(), variables, actor,
				"problem.transfer.notAtStep", needId);
	}

	// ---- helpers ---------------------------------------------------------------------------------

	private Need stewardsNeed(Long needId, Actor actor) {
		Need need = needs.require(needId);
		if (!actor.isStewardOf(need.getCommunityCode())) {
			throw ProblemException.forbidden("problem.need.stewardOnly", needId);
		}
		return need;
	}

	/** The open step of a case that the person holds: the one named, or the first they may work on. */
	private OpenTask heldTask(ExtensionCase of, String taskId, Actor actor) {
		String noStep = key("problem.extension.noStep", of.kind());
		if (taskId == null || taskId.isBlank()) {
			return process.workableTasks(of.processInstanceId(), actor).stream()
				.filter(t -> !Step.DECIDE_EXTENSION.equals(t.getTaskDefinitionKey()))
				.findFirst()
				.orElseThrow(() -> ProblemException.conflict(noStep, of.id()));
		}
		OpenTask task = process.task(taskId)
			.filter(t -> t.getProcessInstanceId() != null && t.getProcessInstanceId().equals(of.processInstanceId()))
			.orElseThrow(() -> ProblemException.conflict(noStep, of.id()));
		process.requireMayWork(task, actor);
		return task;
	}

	private Phase phaseOf(String taskId) {
		Object phase = process.taskVariable(taskId, Var.PHASE);
		return phase == null ? null : Phase.valueOf(phase.toString());
	}

	private Line lineOf(String taskId) {
		Object line = process.taskVariable(taskId, Var.LINE);
		return line == null ? null : Line.valueOf(line.toString());
	}

	private static Line lineOf(DelegateTask task) {
		Object line = task.getVariableLocal(Var.LINE);
		return line == null ? null : Line.valueOf(line.toString());
	}

	private static String text(String field, String value) {
		if (value == null || value.isBlank()) {
			throw ProblemException.badField(field, "problem.field.required");
		}
		if (value.length() > MAX_TEXT) {
			throw ProblemException.badField(field, "problem.field.maxLength", MAX_TEXT);
		}
		return value.trim();
	}

	/** A due date as a person in China reads it: Beijing time, to the minute. */
	public static String format(Instant at) {
		return DUE.format(at.atZone(ChinaTime.ZONE));
	}
}
