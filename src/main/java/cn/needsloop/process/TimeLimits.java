package cn.needsloop.process;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

import cn.needsloop.calendar.WorkingCalendar;
import cn.needsloop.process.DecisionTables.CellProblem;
import cn.needsloop.process.DecisionTables.Evaluation;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.ChinaTime;

/**
 * Time limits of the loop. The models use this bean for due dates and timers:
 * {@code ${timeLimits.due('verification')}}, {@code ${timeLimits.dueFor(execution, 'verification')}},
 * {@code ${timeLimits.escalationFor(execution, 'verification')}}. The limit of a step comes from the decision table
 * {@code processes/time-limits.dmn} (decision {@code timeLimit}: step × category × urgency × channel → limit, the
 * latest version, which the manager may revise); when no row matches, from configuration
 * ({@code needsloop.time-limits.*}, with {@code urgent-<step>} for an urgent need). The delay after which an overdue
 * step escalates is the table's step {@code escalation}, else {@code urgent-escalation} or {@code escalation-delay}.
 * <p>
 * A limit is an ISO-8601 duration ({@code PT24H}, {@code P7D}) or a number of working days on the Chinese holiday
 * calendar ({@code 3WD}). All times come from the engine clock, so tests move time with {@link ClockUtil}.
 * <p>
 * Every task keeps the version of the table that set its due date: the due date's limit is remembered on the
 * execution (a transient variable, gone with the transaction) and {@link #recordOn(DelegateTask)}, called when the
 * task is created, writes it on the task ({@code timeLimitVersion}, {@code timeLimit}).
 */
@Component("timeLimits")
public class TimeLimits {

	/** The step of the table that gives the delay after which an overdue step escalates. */
	public static final String ESCALATION = "escalation";

	/** The shortest limit a revised table may give: the job lock time must stay far below every limit. */
	public static final Duration SHORTEST = Duration.ofHours(1);

	/** The longest limit a revised table may give, as a duration and in working days. */
	public static final Duration LONGEST = Duration.ofDays(366);

	public static final int MOST_WORKING_DAYS = 250;

	private static final Logger log = LoggerFactory.getLogger(TimeLimits.class);

	/** The transient variable that carries the limit of a due date from its expression to the task it dates. */
	private static final String BASIS = "timeLimitBasis";

	private static final Pattern WORKING_DAYS = Pattern.compile("(\\d{1,4})WD");

	private final Settings settings;

	private final DatatypeFactory durations;

	private final WorkingCalendar calendar;

	private final ObjectProvider<DecisionTables> tables;

	/** Limits from configuration only (no decision table), for tests of the arithmetic. */
	public TimeLimits(Settings settings, WorkingCalendar calendar) throws DatatypeConfigurationException {
		this(settings, calendar, null);
	}

	@Autowired
	TimeLimits(Settings settings, WorkingCalendar calendar, ObjectProvider<DecisionTables> tables)
			throws DatatypeConfigurationException {
		this.settings = settings;
		this.calendar = calendar;
		this.tables = tables;
		this.durations = DatatypeFactory.newInstance();
		settings.limits().values().forEach(value -> plus(now(), value));
		plus(now(), settings.escalationDelay());
	}

	/** The limit of a step and where it came from: the version of the table, or null for configuration. */
	public record Limit(String step, String value, Integer tableVersion) {

		public boolean fromTable() {
			return tableVersion != null;
		}
	}

	/**
	 * What the table asks of a need besides the step: its category (the steward's, else the text model's proposal),
	 * urgency ({@code URGENT} when the need is urgent, else the steward's urgency) and channel; each may be null.
	 */
	public record Facts(String category, String urgency, String channel) {

		public static final Facts NONE = new Facts(null, null, null);

		static Facts of(VariableScope scope) {
			if (scope == null) {
				return NONE;
			}
			String category = text(scope.getVariable(Var.CATEGORY));
			if (category == null) {
				category = text(scope.getVariable(Var.PROPOSED_CATEGORY));
			}
			String urgency = Boolean.TRUE.equals(scope.getVariable(Var.URGENT)) ? "URGENT"
					: text(scope.getVariable(Var.URGENCY));
			return new Facts(category, urgency, text(scope.getVariable(Var.CHANNEL)));
		}

		boolean urgent() {
			return "URGENT".equals(urgency);
		}

		private static String text(Object value) {
			return value == null || value.toString().isBlank() ? null : value.toString();
		}
	}

	/** When a step that starts now is due; in a process, with the facts of the process that runs it. */
	public Date due(String step) {
		return dueFor(currentExecution(), step);
	}

	/** When a step of the need or project in {@code scope} that starts now is due. */
	public Date dueFor(VariableScope scope, String step) {
		Limit limit = limit(step, Facts.of(scope));
		Date due = plus(now(), limit.value());
		remember(scope, limit, due);
		return due;
	}

	/** When an overdue step that starts now escalates to the manager: the escalation delay after it is due. */
	public Date escalation(String step) {
		return escalationFor(currentExecution(), step);
	}

	/** When an overdue step of the need or project in {@code scope} escalates: the escalation delay after it is due. */
	public Date escalationFor(VariableScope scope, String step) {
		Facts facts = Facts.of(scope);
		return plus(plus(now(), limit(step, facts).value()), limit(ESCALATION, facts).value());
	}

	/**
	 * When a step now due at {@code due} escalates: the escalation delay after it, for the need or project in
	 * {@code scope} (an extended step escalates as long after its new due date as it would have after the first).
	 */
	public Date escalationAfter(Date due, VariableScope scope) {
		return plus(due, limit(ESCALATION, Facts.of(scope)).value());
	}

	/**
	 * The limit of a step for these facts: the first row of the latest table that matches, else configuration
	 * ({@code urgent-<step>} for an urgent need if configured, else {@code <step>}).
	 * @throws IllegalArgumentException when neither knows the step
	 */
	public Limit limit(String step, Facts facts) {
		Limit fromTable = fromTable(step, facts);
		return fromTable != null ? fromTable : fallback(step, facts);
	}

	/** The limit configuration gives a step, used when no row of the table matches. */
	public Limit fallback(String step, Facts facts) {
		if (facts.urgent() && settings.limits().containsKey("urgent-" + step)) {
			return new Limit(step, settings.limits().get("urgent-" + step), null);
		}
		String value = settings.limits().get(step);
		if (value == null && ESCALATION.equals(step)) {
			value = settings.escalationDelay();
		}
		if (value == null) {
			throw new IllegalArgumentException("No time limit for step " + step
					+ " in time-limits.dmn or needsloop.time-limits.limits");
		}
		return new Limit(step, value, null);
	}

	private Limit fromTable(String step, Facts facts) {
		DecisionTables decisions = tables == null ? null : tables.getIfAvailable();
		if (decisions == null) {
			return null;
		}
		Map<String, Object> input = new HashMap<>();
		input.put("step", step);
		input.put("category", facts.category());
		input.put("urgency", facts.urgency());
		input.put("channel", facts.channel());
		Evaluation evaluation;
		try {
			CommandContext command = Context.getCommandContext();
			// inside a step of a process the engine evaluates for the process, whoever's action led there
			// a lookup without a decision history record: the task keeps the limit and the version that set it
			evaluation = command == null ? decisions.lookUp(Workflow.Decision.TIME_LIMIT, input)
					: command.runWithoutAuthorization(() -> decisions.lookUp(Workflow.Decision.TIME_LIMIT, input));
		}
		catch (IllegalStateException notDeployed) {
			log.debug("time-limits.dmn is not deployed; {} from configuration", step);
			return null;
		}
		Object value = evaluation.result().get("limit");
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		return new Limit(step, value.toString().strip(), evaluation.decision().version());
	}

	/** The execution whose step is being started, when called from a model's expression or a delegate. */
	private static VariableScope currentExecution() {
		try {
			BpmnExecutionContext context = Context.getBpmnExecutionContext();
			return context == null ? null : context.getExecution();
		}
		catch (ClassCastException notBpmn) {
			return null;
		}
	}

	private static void remember(VariableScope scope, Limit limit, Date due) {
		if (scope == null) {
			return;
		}
		String basis = (limit.tableVersion() == null ? "" : limit.tableVersion()) + "|" + limit.value() + "|"
				+ due.getTime();
		scope.setVariableLocal(BASIS, org.camunda.bpm.engine.variable.Variables.stringValue(basis, true));
	}

	/**
	 * Writes on a task just created the limit that set its due date and the version of the table it came from
	 * ({@code timeLimit}, {@code timeLimitVersion}); nothing when the task has no due date from this bean.
	 */
	public void recordOn(DelegateTask task) {
		if (task.getDueDate() == null || !(task.getVariable(BASIS) instanceof String basis)) {
			return;
		}
		String[] parts = basis.split("\\|", -1);
		if (parts.length != 3 || Long.parseLong(parts[2]) != task.getDueDate().getTime()) {
			return;
		}
		task.setVariableLocal(Var.TIME_LIMIT, parts[1]);
		if (!parts[0].isEmpty()) {
			task.setVariableLocal(Var.TIME_LIMIT_VERSION, Integer.valueOf(parts[0]));
		}
	}

	/**
	 * What is wrong with a limit as a revised table may give it, or null: it must be an ISO-8601 duration or
	 * {@code <n>WD}, at least {@link #SHORTEST} and at most {@link #LONGEST} (or {@link #MOST_WORKING_DAYS} working
	 * days). The problem's message takes the cell as {0}.
	 */
	public CellProblem problemWith(String limit) {
		String value = limit == null ? "" : limit.strip();
		Matcher workingDays = WORKING_DAYS.matcher(value);
		if (workingDays.matches()) {
			int days = Integer.parseInt(workingDays.group(1));
			return days >= 1 && days <= MOST_WORKING_DAYS ? null
					: new CellProblem("problem.timeLimit.workingDays", value, MOST_WORKING_DAYS);
		}
		Duration length;
		try {
			Date from = new Date(0);
			Date to = new Date(0);
			durations.newDuration(value).addTo(to);
			length = Duration.ofMillis(to.getTime() - from.getTime());
		}
		catch (RuntimeException ex) {
			return new CellProblem("problem.timeLimit.unreadable", value);
		}
		if (length.compareTo(SHORTEST) < 0 || length.compareTo(LONGEST) > 0) {
			return new CellProblem("problem.timeLimit.outOfBounds", value, SHORTEST.toString(), "P" + LONGEST.toDays() + "D");
		}
		return null;
	}

	/** A moment plus a limit, an ISO-8601 duration or {@code <n>WD} working days. */
	public Date plus(Date from, String limit) {
		Matcher workingDays = WORKING_DAYS.matcher(limit.strip());
		if (workingDays.matches()) {
			return Date.from(calendar
				.plusWorkingDays(from.toInstant().atZone(ChinaTime.ZONE), Integer.parseInt(workingDays.group(1)))
				.toInstant());
		}
		Date result = new Date(from.getTime());
		durations.newDuration(limit.strip()).addTo(result);
		return result;
	}

	public static Date now() {
		return ClockUtil.getCurrentTime();
	}

	public static Instant nowInstant() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	/** The configured limits, the fallback of {@code time-limits.dmn}. */
	@ConfigurationProperties("needsloop.time-limits")
	public record Settings(Map<String, String> limits, String escalationDelay) {

		public Settings {
			limits = limits == null ? Map.of() : Map.copyOf(limits);
			escalationDelay = escalationDelay == null ? "P1D" : escalationDelay;
		}
	}
}
