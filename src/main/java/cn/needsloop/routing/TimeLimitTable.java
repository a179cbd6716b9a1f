package cn.needsloop.routing;

import java.text.MessageFormat;
import java.text.ParsePosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.process.DecisionTables;
import cn.needsloop.process.DecisionTables.DecisionVersion;
import cn.needsloop.process.DecisionTables.Revision;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Workflow;
import cn.needsloop.shared.Actor;
import cn.needsloop.shared.ProblemException;
import cn.needsloop.shared.Wording;

/**
 * The time limits of the steps as the manager reads and revises them: {@code time-limits.dmn} (decision
 * {@code timeLimit}), its rows, its versions, and a revised table published as a new version after the checks every
 * uploaded table passes ({@code DecisionTables.deployRevision}) and one more: every limit parses and lies within
 * {@link TimeLimits#SHORTEST} and {@link TimeLimits#LONGEST}. The API and the page both come here, so both keep the
 * same rules; a step already started keeps its due date (the task records the version that set it).
 */
@Service
public class TimeLimitTable {

	static final String RESOURCE = "time-limits.dmn";

	/** A limit is short text: {@code PT2H}, {@code P14D}, {@code 20WD}. */
	static final Map<String, Integer> OUTPUT_LENGTHS = Map.of("limit", 20);

	private final DecisionTables decisionTables;

	private final TimeLimits timeLimits;

	private final MessageSource messages;

	/**
	 * The names a revision's deployment has had: {@code timeLimits.revisionName} in Chinese (as it is named now) and in
	 * English, and the English name of earlier versions of the app.
	 */
	private final List<MessageFormat> revisionNames;

	TimeLimitTable(DecisionTables decisionTables, TimeLimits timeLimits, MessageSource messages) {
		this.decisionTables = decisionTables;
		this.timeLimits = timeLimits;
		this.messages = messages;
		this.revisionNames = List.of(
				new MessageFormat(messages.getMessage("timeLimits.revisionName", null, Locale.SIMPLIFIED_CHINESE), Locale.ROOT),
				new MessageFormat(messages.getMessage("timeLimits.revisionName", null, Locale.ENGLISH), Locale.ROOT),
				new MessageFormat("time-limits revision by {0}", Locale.ROOT));
	}

	/**
	 * One version of the table: the name of its deployment as the engine keeps it (Cockpit shows it; in Chinese), who
	 * published it ({@code null} for the shipped table, which the pages show by its deployment's name) and when.
	 */
	public record Version(String id, int version, String deploymentId, String deployment, String revisedBy,
			Instant deployedAt) {
	}

	private Version versionOf(Revision revision) {
		DecisionVersion v = revision.version();
		return new Version(v.id(), v.version(), v.deploymentId(), revision.name(), revisedBy(revision.name()),
				revision.deployedAt());
	}

	/** Who published a revision, read from its deployment's name; {@code null} for a deployment of the app's own. */
	String revisedBy(String deploymentName) {
		if (deploymentName == null) {
			return null;
		}
		for (MessageFormat name : revisionNames) {
			ParsePosition position = new ParsePosition(0);
			Object[] parsed = name.parse(deploymentName, position);
			if (parsed != null && position.getIndex() == deploymentName.length() && parsed.length == 1
					&& parsed[0] instanceof String user && !user.isBlank()) {
				return user;
			}
		}
		return null;
	}

	/** One rule, as written in the table ({@code null} for "any"), with its note. */
	public record Row(int index, String ruleId, String step, String category, String urgency, String channel,
			String limit, String description) {
	}

	/** The table in force, rule by rule, and every version, the latest first. */
	public record Table(Version version, List<Row> rows, List<Version> versions) {
	}

	/** The table in force. */
	@Transactional(readOnly = true)
	public Table current() {
		List<Version> versions = decisionTables.revisions(Workflow.Decision.TIME_LIMIT).stream().map(this::versionOf).toList();
		DecisionVersion latest = decisionTables.latest(Workflow.Decision.TIME_LIMIT);
		Version version = versions.stream().filter(v -> v.id().equals(latest.id())).findFirst().orElseThrow();
		return new Table(version, rows(decisionTables.model(latest)), versions);
	}

	/** Publishes a revised table as a new version; only a manager may; a refused table changes nothing. */
	public Version revise(String dmnXml, Actor actor) {
		if (!actor.isManager()) {
			throw ProblemException.forbidden("problem.timeLimits.managerOnly");
		}
		DecisionVersion deployed = decisionTables.deployRevision(Workflow.Decision.TIME_LIMIT, RESOURCE, dmnXml,
				OUTPUT_LENGTHS,
				// the engine keeps the deployment's name as it is (Cockpit shows it): in the deployment's language; the
				// pages and the API tell who revised it in the reader's (revisedBy)
				Wording.of("timeLimits.revisionName", actor.userId()).render(messages, Locale.SIMPLIFIED_CHINESE), "dmnXml",
				(output, value) -> "limit".equals(output) ? timeLimits.problemWith(value) : null);
		return decisionTables.revisions(Workflow.Decision.TIME_LIMIT)
			.stream()
			.filter(r -> r.version().id().equals(deployed.id()))
			.map(this::versionOf)
			.findFirst()
			.orElseThrow();
	}

	private static List<Row> rows(DmnModelInstance model) {
		Decision decision = model.getModelElementById(Workflow.Decision.TIME_LIMIT);
		if (decision == null || !(decision.getExpression() instanceof DecisionTable table)) {
			return List.of();
		}
		List<String> inputs = table.getInputs().stream().map(i -> text(i.getInputExpression().getText())).toList();
		List<Row> rows = new ArrayList<>();
		int index = 0;
		for (Rule rule : table.getRules()) {
			index++;
			List<InputEntry> entries = List.copyOf(rule.getInputEntries());
			String[] cells = new String[4];
			List<String> columns = List.of("step", "category", "urgency", "channel");
			for (int i = 0; i < entries.size() && i < inputs.size(); i++) {
				int column = columns.indexOf(inputs.get(i));
				if (column >= 0) {
					cells[column] = any(text(entries.get(i).getText()));
				}
			}
			List<OutputEntry> outputs = List.copyOf(rule.getOutputEntries());
			String limit = outputs.isEmpty() ? null : unquote(text(outputs.get(0).getText()));
			String description = rule.getDescription() == null ? null : rule.getDescription().getTextContent().strip();
			rows.add(new Row(index, rule.getId(), cells[0], cells[1], cells[2], cells[3], limit, description));
		}
		return rows;
	}

	/** A condition for people: null for "any", else without the quotes of a single text. */
	private static String any(String condition) {
		return condition.isEmpty() || condition.equals("-") ? null : unquote(condition);
	}

	private static String unquote(String value) {
		return value.matches("\"[^\"]*\"") ? value.substring(1, value.length() - 1) : value;
	}

	private static String text(Text text) {
		return text == null || text.getTextContent() == null ? "" : text.getTextContent().strip();
	}
}
