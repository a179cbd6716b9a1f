package cn.needsloop.admission;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

import cn.needsloop.admission.WorkItemView.ListVersion;
import cn.needsloop.process.Workflow.Var;

/**
 * The admission list in force, read from its DMN table for people: one row per rule, in the order the
 * table applies them (hit policy FIRST), with its conditions, the decision and the rule's text. A
 * revised list with other inputs still reads: a condition it does not recognise is shown as written.
 */
public record AdmissionList(ListVersion version, String name, String hitPolicy, List<Row> rows) {

	/** What a condition asks of one input. */
	public enum Test {
		/** The input is one of the values (a code). */
		EQUALS,
		/** The input contains one of the values (keywords). */
		CONTAINS,
		/** Anything else: the FEEL expression as written. */
		EXPRESSION
	}

	/** One condition of a rule: the input's label and expression, what it tests and the values. */
	public record Condition(String label, String input, Test test, List<String> values) {
	}

	/** One rule of the list. {@code admitted} is null when the rule does not say. */
	public record Row(int index, String description, List<Condition> conditions, Boolean admitted, String ruleId,
			String ruleText) {

		/** The code of the list entry this rule admits or refuses by ({@code itemType} = "…"), or null. */
		public String itemType() {
			return conditions.stream()
				.filter(c -> c.test() == Test.EQUALS && Var.ITEM_TYPE.equals(c.input()) && c.values().size() == 1)
				.map(c -> c.values().get(0))
				.findFirst()
				.orElse(null);
		}
	}

	/** An entry a department may choose when it submits an item: the code and how the list describes it. */
	public record ItemType(String code, String ruleId, String description) {
	}

	private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

	private static final Pattern STRINGS = Pattern.compile("\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*(,\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*)*");

	private static final Pattern CONTAINS = Pattern
		.compile("\\s*contains\\(\\s*\\?\\s*,\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*\\)(\\s+or\\s+contains\\(\\s*\\?\\s*,\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*\\))*\\s*");

	static AdmissionList of(ListVersion version, DmnModelInstance model, String decisionKey) {
		Decision decision = model.getModelElementById(decisionKey);
		if (decision == null || !(decision.getExpression() instanceof DecisionTable table)) {
			return new AdmissionList(version, null, null, List.of());
		}
		List<Input> inputs = List.copyOf(table.getInputs());
		List<Output> outputs = List.copyOf(table.getOutputs());
		List<Row> rows = new ArrayList<>();
		int index = 0;
		for (Rule rule : table.getRules()) {
			index++;
			List<Condition> conditions = new ArrayList<>();
			List<InputEntry> entries = List.copyOf(rule.getInputEntries());
			for (int i = 0; i < entries.size() && i < inputs.size(); i++) {
				Condition condition = condition(inputs.get(i), text(entries.get(i).getText()));
				if (condition != null) {
					conditions.add(condition);
				}
			}
			Boolean admitted = null;
			String ruleId = null;
			String ruleText = null;
			List<OutputEntry> values = List.copyOf(rule.getOutputEntries());
			for (int i = 0; i < values.size() && i < outputs.size(); i++) {
				String value = text(values.get(i).getText());
				switch (String.valueOf(outputs.get(i).getName())) {
					case Var.ADMITTED -> admitted = "true".equals(value) ? Boolean.TRUE
							: "false".equals(value) ? Boolean.FALSE : null;
					case Var.RULE_ID -> ruleId = unquote(value);
					case Var.RULE_TEXT -> ruleText = unquote(value);
					default -> {
					}
				}
			}
			String description = rule.getDescription() == null ? null : rule.getDescription().getTextContent();
			rows.add(new Row(index, description == null ? null : description.trim(), List.copyOf(conditions), admitted,
					ruleId, ruleText));
		}
		return new AdmissionList(version, decision.getName(),
				table.getHitPolicy() == null ? null : table.getHitPolicy().name(), List.copyOf(rows));
	}

	/** The entries of the list a department may choose (admitting rules chosen by code), in the list's order. */
	public List<ItemType> itemTypes() {
		List<ItemType> types = new ArrayList<>();
		for (Row row : rows) {
			String code = row.itemType();
			if (code != null && Boolean.TRUE.equals(row.admitted()) && types.stream().noneMatch(t -> t.code().equals(code))) {
				types.add(new ItemType(code, row.ruleId(), row.description() != null ? row.description() : row.ruleText()));
			}
		}
		return types;
	}

	private static Condition condition(Input input, String text) {
		if (text == null || text.isBlank() || text.trim().equals("-")) {
			return null;
		}
		String label = input.getLabel() != null ? input.getLabel()
				: input.getInputExpression() != null ? text(input.getInputExpression().getText()) : input.getId();
		String name = input.getInputExpression() == null ? null : text(input.getInputExpression().getText());
		if (STRINGS.matcher(text).matches()) {
			return new Condition(label, name, Test.EQUALS, strings(text));
		}
		if (CONTAINS.matcher(text).matches()) {
			return new Condition(label, name, Test.CONTAINS, strings(text));
		}
		return new Condition(label, name, Test.EXPRESSION, List.of(text.trim()));
	}

	private static List<String> strings(String text) {
		List<String> values = new ArrayList<>();
		Matcher m = STRING.matcher(text);
		while (m.find()) {
			values.add(m.group(1).replace("\\\"", "\""));
		}
		return List.copyOf(values);
	}

	private static String unquote(String value) {
		if (value == null) {
			return null;
		}
		String v = value.trim();
		return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1).replace("\\\"", "\"") : v;
	}

	private static String text(org.camunda.bpm.model.dmn.instance.Text text) {
		return text == null ? null : text.getTextContent().trim();
	}
}
