package cn.needsloop.process;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.impl.DmnModelConstants;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import cn.needsloop.shared.ProblemException.FieldProblem;

/**
 * What a decision table a person uploads (a manager revising the admission list, not an administrator) may
 * hold before it is deployed, because the engine evaluates whatever a deployed table says: an output in JUEL
 * ({@code expressionLanguage="juel"}) can call any Spring bean, a script any code. So an uploaded table is the
 * shipped table with other rows, and nothing else:
 * <ul>
 * <li>FEEL only: no {@code expressionLanguage} or {@code typeLanguage} other than FEEL on any element;</li>
 * <li>only the elements of a decision table (no imports, item definitions, other decisions, knowledge models,
 * literal expressions, default outputs or extension elements) and no {@code camunda:} attribute but
 * {@code historyTimeToLive} and {@code versionTag} on the decision;</li>
 * <li>the decision id, hit policy and outputs (names and types) of the shipped table; inputs only from the
 * shipped table's inputs (by expression and type);</li>
 * <li>output entries plain literals of the output's type (text in quotes, a number, true or false), within
 * the length the columns that keep them allow; input entries (unary tests) only quoted text, numbers,
 * comparisons, ranges and a few string functions on {@code ?}: no names, so no variables and no other
 * functions; and each must parse as FEEL.</li>
 * </ul>
 * Every rule broken is reported with the row number and id of the rule and the column, in the reader's
 * language (the locations are {@link MessageSourceResolvable}s resolved with the message).
 */
final class DecisionRevisionCheck {

	/** At most this many rules in an uploaded table. */
	static final int MAX_RULES = 500;

	/** At most this many problems are reported at once. */
	static final int MAX_PROBLEMS = 20;

	private static final Set<String> FEEL = Set.of(DmnModelConstants.FEEL_NS, DmnModelConstants.FEEL12_NS,
			DmnModelConstants.FEEL13_NS, DmnModelConstants.FEEL14_NS, DmnModelConstants.FEEL15_NS, "feel");

	/** The DMN elements a decision table is made of; anything else in the DMN namespace is refused. */
	private static final Set<String> TABLE_ELEMENTS = Set.of("definitions", "decision", "description", "question",
			"allowedAnswers", "decisionTable", "input", "inputExpression", "inputValues", "output", "outputValues",
			"rule", "inputEntry", "outputEntry", "annotation", "annotationEntry", "text");

	private static final Set<String> CAMUNDA_DECISION_ATTRIBUTES = Set.of("historyTimeToLive", "versionTag");

	/** The FEEL functions an input entry may call (on {@code ?} and literals). */
	private static final Set<String> FUNCTIONS = Set.of("contains", "starts with", "ends with", "lower case",
			"upper case", "string length", "not");

	private static final Set<String> WORDS = Set.of("and", "or", "true", "false", "null");

	private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"", Pattern.DOTALL);

	private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

	private static final Pattern BOOLEAN = Pattern.compile("true|false");

	private static final Set<String> NUMBER_TYPES = Set.of("integer", "long", "double", "number");

	/** A FEEL engine of its own, only to see whether an input entry parses; never sees the process engine. */
	private static final FeelEngine FEEL_ENGINE = feelEngine();

	private final String field;

	private final List<FieldProblem> problems = new ArrayList<>();

	private final DecisionTables.OutputCheck outputCheck;

	private DecisionRevisionCheck(String field, DecisionTables.OutputCheck outputCheck) {
		this.field = field;
		this.outputCheck = outputCheck;
	}

	/**
	 * The problems of an uploaded table, compared with the shipped one; empty when it may be deployed.
	 * @param maxLengths the longest text an output may hold (by output name), where a column keeps it
	 */
	static List<FieldProblem> problems(String xml, DmnModelInstance uploaded, DmnModelInstance shipped,
			String decisionKey, Map<String, Integer> maxLengths, String field) {
		return problems(xml, uploaded, shipped, decisionKey, maxLengths, field, null);
	}

	/**
	 * The problems of an uploaded table, compared with the shipped one, with a further check of every output entry
	 * (such as a time limit that must parse and lie within bounds); empty when it may be deployed.
	 */
	static List<FieldProblem> problems(String xml, DmnModelInstance uploaded, DmnModelInstance shipped,
			String decisionKey, Map<String, Integer> maxLengths, String field, DecisionTables.OutputCheck outputCheck) {
		DecisionRevisionCheck check = new DecisionRevisionCheck(field, outputCheck);
		check.checkElements(xml);
		if (check.problems.isEmpty()) {
			check.checkTable(uploaded, shipped, decisionKey, maxLengths);
		}
		return List.copyOf(check.problems.subList(0, Math.min(check.problems.size(), MAX_PROBLEMS)));
	}

	// ---------------------------------------------------------------- the XML: elements, attributes, languages

	private void checkElements(String xml) {
		Document document;
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			// the model parser read it, so this does not happen; refuse rather than deploy unchecked
			problem("problem.decision.unreadable", String.valueOf(ex.getMessage()));
			return;
		}
		walk(document.getDocumentElement());
	}

	private void walk(Element element) {
		String namespace = element.getNamespaceURI();
		String name = element.getLocalName();
		if (isDmnModel(namespace)) {
			if (!TABLE_ELEMENTS.contains(name)) {
				problem("problem.decision.notAllowed", where(element), "<" + name + ">");
				return;
			}
		}
		else if (!isDiagram(namespace)) {
			problem("problem.decision.notAllowed", where(element), "<" + element.getTagName() + ">");
			return;
		}
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Attr attribute = (Attr) attributes.item(i);
			String attributeNamespace = attribute.getNamespaceURI();
			String local = attribute.getLocalName() != null ? attribute.getLocalName() : attribute.getName();
			if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attributeNamespace)) {
				continue;
			}
			if (DmnModelConstants.CAMUNDA_NS.equals(attributeNamespace)
					&& !("decision".equals(name) && CAMUNDA_DECISION_ATTRIBUTES.contains(local))) {
				problem("problem.decision.notAllowed", where(element), "camunda:" + local);
			}
			else if (attributeNamespace == null && ("expressionLanguage".equals(local) || "typeLanguage".equals(local))
					&& !isFeel(attribute.getValue())) {
				problem("problem.decision.notFeel", where(element), shorten(attribute.getValue()));
			}
		}
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element childElement) {
				walk(childElement);
			}
		}
	}

	private static boolean isDmnModel(String namespace) {
		return namespace != null && (namespace.startsWith("http://www.omg.org/spec/DMN/")
				|| namespace.startsWith("https://www.omg.org/spec/DMN/")) && !isDiagram(namespace);
	}

	/** The diagram (DMNDI, DC, DI): shapes and bounds, nothing the engine evaluates. */
	private static boolean isDiagram(String namespace) {
		return namespace != null && (namespace.startsWith("http://www.omg.org/spec/DMN/")
				|| namespace.startsWith("https://www.omg.org/spec/DMN/"))
				&& (namespace.endsWith("/DMNDI/") || namespace.endsWith("/DC/") || namespace.endsWith("/DI/"));
	}

	private static boolean isFeel(String language) {
		return language == null || FEEL.contains(language.strip()) || "feel".equalsIgnoreCase(language.strip());
	}

	/** Where an element is, for people: the rule and column of a cell, an input or output column, or the element. */
	private static MessageSourceResolvable where(Element element) {
		Element rule = ancestor(element, "rule");
		if (rule != null) {
			Element table = (Element) rule.getParentNode();
			int row = indexAmong(rule, "rule");
			String id = rule.getAttribute("id").isEmpty() ? "-" : rule.getAttribute("id");
			Element entry = ancestor(element, "inputEntry");
			if (entry != null) {
				return cell(row, id, columnLabel(table, "input", indexAmong(entry, "inputEntry")));
			}
			entry = ancestor(element, "outputEntry");
			if (entry != null) {
				return cell(row, id, columnLabel(table, "output", indexAmong(entry, "outputEntry")));
			}
			return at("problem.decision.at.rule", String.valueOf(row), id);
		}
		Element column = ancestor(element, "input");
		if (column != null) {
			return at("problem.decision.at.input", columnLabel((Element) column.getParentNode(), "input",
					indexAmong(column, "input")));
		}
		column = ancestor(element, "output");
		if (column != null) {
			return at("problem.decision.at.output", columnLabel((Element) column.getParentNode(), "output",
					indexAmong(column, "output")));
		}
		String id = element.getAttribute("id");
		return at("problem.decision.at.element", "<" + element.getLocalName() + (id.isEmpty() ? "" : " id=\"" + id + "\"") + ">");
	}

	private static Element ancestor(Element element, String localName) {
		for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
			if (localName.equals(e.getLocalName()) && isDmnModel(e.getNamespaceURI())) {
				return e;
			}
		}
		return null;
	}

	/** 1-based position of an element among its siblings of the same name. */
	private static int indexAmong(Element element, String localName) {
		int index = 0;
		for (Node node = element.getParentNode().getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element e && localName.equals(e.getLocalName())) {
				index++;
				if (e == element) {
					return index;
				}
			}
		}
		return index;
	}

	/** The label of the n-th input or output of a table (its expression or name without one). */
	private static String columnLabel(Element table, String kind, int index) {
		int seen = 0;
		for (Node node = table.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element e && kind.equals(e.getLocalName()) && ++seen == index) {
				if (!e.getAttribute("label").isBlank()) {
					return e.getAttribute("label");
				}
				if (!e.getAttribute("name").isBlank()) {
					return e.getAttribute("name");
				}
				return e.getTextContent() == null ? "#" + index : shorten(e.getTextContent().strip());
			}
		}
		return "#" + index;
	}

	// ---------------------------------------------------------------- the table: structure and cells

	private void checkTable(DmnModelInstance uploaded, DmnModelInstance shipped, String decisionKey,
			Map<String, Integer> maxLengths) {
		List<Decision> decisions = List.copyOf(uploaded.getModelElementsByType(Decision.class));
		for (Decision other : decisions) {
			if (!decisionKey.equals(other.getId())) {
				problem("problem.decision.onlyOne", decisionKey, String.valueOf(other.getId()));
			}
		}
		Decision decision = uploaded.getModelElementById(decisionKey);
		if (decision == null || !problems.isEmpty()) {
			return;
		}
		if (!(decision.getExpression() instanceof DecisionTable table)) {
			problem("problem.decision.notTable", decisionKey);
			return;
		}
		DecisionTable original = ((Decision) shipped.getModelElementById(decisionKey)).getChildElementsByType(DecisionTable.class)
			.iterator()
			.next();
		if (table.getHitPolicy() != original.getHitPolicy() || table.getAggregation() != original.getAggregation()) {
			problem("problem.decision.hitPolicy", String.valueOf(original.getHitPolicy()),
					table.getHitPolicy() + (table.getAggregation() == null ? "" : " " + table.getAggregation()));
		}
		List<Input> inputs = List.copyOf(table.getInputs());
		checkInputs(inputs, List.copyOf(original.getInputs()));
		List<Output> outputs = List.copyOf(table.getOutputs());
		checkOutputs(outputs, List.copyOf(original.getOutputs()));
		if (!problems.isEmpty()) {
			return;
		}
		List<Rule> rules = List.copyOf(table.getRules());
		if (rules.isEmpty() || rules.size() > MAX_RULES) {
			problem("problem.decision.ruleCount", MAX_RULES, rules.size());
			return;
		}
		for (int r = 0; r < rules.size() && problems.size() < MAX_PROBLEMS; r++) {
			checkRule(r + 1, rules.get(r), inputs, outputs, maxLengths);
		}
	}

	private void checkInputs(List<Input> inputs, List<Input> known) {
		if (inputs.isEmpty()) {
			problem("problem.decision.noInputs", knownInputs(known));
		}
		Set<String> seen = new HashSet<>();
		for (Input input : inputs) {
			String expression = input.getInputExpression() == null ? "" : text(input.getInputExpression().getText());
			MessageSourceResolvable where = at("problem.decision.at.input", label(input));
			Input match = known.stream()
				.filter(k -> k.getInputExpression() != null && text(k.getInputExpression().getText()).equals(expression))
				.findFirst()
				.orElse(null);
			if (match == null) {
				problem("problem.decision.inputUnknown", where, shorten(expression), knownInputs(known));
			}
			else if (!same(typeRef(match), typeRef(input))) {
				problem("problem.decision.inputType", where, typeRef(match), String.valueOf(typeRef(input)));
			}
			if (!seen.add(expression)) {
				problem("problem.decision.inputTwice", where, shorten(expression));
			}
		}
	}

	private void checkOutputs(List<Output> outputs, List<Output> known) {
		String expected = known.stream().map(o -> o.getName() + ":" + o.getTypeRef()).collect(Collectors.joining(", "));
		String found = outputs.stream().map(o -> o.getName() + ":" + o.getTypeRef()).collect(Collectors.joining(", "));
		if (!expected.equals(found)) {
			problem("problem.decision.outputs", expected, found.isEmpty() ? "-" : shorten(found));
		}
	}

	private void checkRule(int row, Rule rule, List<Input> inputs, List<Output> outputs,
			Map<String, Integer> maxLengths) {
		String id = rule.getId() == null ? "-" : rule.getId();
		List<InputEntry> conditions = List.copyOf(rule.getInputEntries());
		List<OutputEntry> results = List.copyOf(rule.getOutputEntries());
		if (conditions.size() != inputs.size() || results.size() != outputs.size()) {
			problem("problem.decision.cells", at("problem.decision.at.rule", String.valueOf(row), id), inputs.size(),
					outputs.size(), conditions.size(), results.size());
			return;
		}
		for (int i = 0; i < conditions.size(); i++) {
			checkCondition(cell(row, id, label(inputs.get(i))), text(conditions.get(i).getText()), typeRef(inputs.get(i)));
		}
		for (int i = 0; i < results.size(); i++) {
			Output output = outputs.get(i);
			checkResult(cell(row, id, label(output)), text(results.get(i).getText()), output.getTypeRef(),
					maxLengths.get(output.getName()), output.getName());
		}
	}

	/** An input entry: "-" or a unary test of quoted text, numbers, comparisons and a few functions of {@code ?}. */
	private void checkCondition(MessageSourceResolvable where, String condition, String type) {
		if (condition.isEmpty() || condition.equals("-")) {
			return;
		}
		String refused = firstRefusedToken(condition);
		if (refused != null) {
			problem("problem.decision.condition", where, shorten(refused), String.join(", ", FUNCTIONS.stream().sorted().toList()));
			return;
		}
		try {
			Object input = type == null || !NUMBER_TYPES.contains(type.toLowerCase(Locale.ROOT)) ? "" : 0;
			FEEL_ENGINE.evaluateSimpleUnaryTests(condition, "cellInput",
					Variables.createVariables().putValue("cellInput", input).asVariableContext());
		}
		catch (RuntimeException ex) {
			problem("problem.decision.conditionSyntax", where, shorten(condition));
		}
	}

	/** The first word or sign of a condition that is not allowed, or null when every one is. */
	static String firstRefusedToken(String condition) {
		int i = 0;
		int n = condition.length();
		while (i < n) {
			char c = condition.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
				continue;
			}
			var string = STRING.matcher(condition).region(i, n);
			if (c == '"') {
				if (!string.lookingAt()) {
					return condition.substring(i);
				}
				i = string.end();
				continue;
			}
			var number = NUMBER.matcher(condition).region(i, n);
			if ((Character.isDigit(c) || c == '-') && number.lookingAt()) {
				i = number.end();
				continue;
			}
			if (condition.startsWith("..", i) || condition.startsWith("<=", i) || condition.startsWith(">=", i)
					|| condition.startsWith("!=", i)) {
				i += 2;
				continue;
			}
			if ("?<>=(),[]".indexOf(c) >= 0) {
				i++;
				continue;
			}
			if (Character.isLetter(c)) {
				int end = wordEnd(condition, i);
				String word = condition.substring(i, end);
				int next = skipSpaces(condition, end);
				if (Set.of("starts", "ends", "lower", "upper", "string").contains(word) && next < n
						&& Character.isLetter(condition.charAt(next))) {
					int secondEnd = wordEnd(condition, next);
					String two = word + " " + condition.substring(next, secondEnd);
					if (FUNCTIONS.contains(two)) {
						word = two;
						end = secondEnd;
						next = skipSpaces(condition, end);
					}
				}
				if (FUNCTIONS.contains(word) ? next < n && condition.charAt(next) == '(' : WORDS.contains(word)) {
					i = end;
					continue;
				}
				return word;
			}
			return String.valueOf(c);
		}
		return null;
	}

	private static int wordEnd(String text, int from) {
		int end = from;
		while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
			end++;
		}
		return end;
	}

	private static int skipSpaces(String text, int from) {
		int i = from;
		while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
			i++;
		}
		return i;
	}

	/** An output entry: a plain literal of the output's type, not empty, within its column's length. */
	private void checkResult(MessageSourceResolvable where, String value, String type, Integer maxLength,
			String outputName) {
		if (value.isEmpty()) {
			problem("problem.decision.resultEmpty", where);
			return;
		}
		String kind = type == null ? "string" : type.toLowerCase(Locale.ROOT);
		boolean literal = kind.equals("boolean") ? BOOLEAN.matcher(value).matches()
				: NUMBER_TYPES.contains(kind) ? NUMBER.matcher(value).matches() : STRING.matcher(value).matches();
		if (!literal) {
			boolean anyLiteral = BOOLEAN.matcher(value).matches() || NUMBER.matcher(value).matches()
					|| STRING.matcher(value).matches();
			problem(anyLiteral ? "problem.decision.resultType" : "problem.decision.resultNotLiteral", where,
					shorten(value), new DefaultMessageSourceResolvable(new String[] { "problem.decision.type." + kind },
							kind));
			return;
		}
		if (maxLength != null && value.length() - 2 > maxLength) {
			problem("problem.decision.resultTooLong", where, maxLength);
			return;
		}
		if (outputCheck != null) {
			String plain = STRING.matcher(value).matches() ? value.substring(1, value.length() - 1) : value;
			DecisionTables.CellProblem wrong = outputCheck.check(outputName, plain);
			if (wrong != null) {
				Object[] args = new Object[wrong.args().length + 1];
				args[0] = where;
				System.arraycopy(wrong.args(), 0, args, 1, wrong.args().length);
				problem(wrong.key(), args);
			}
		}
	}

	// ---------------------------------------------------------------- helpers

	private void problem(String key, Object... args) {
		if (problems.size() < MAX_PROBLEMS) {
			problems.add(new FieldProblem(field, key, args));
		}
	}

	private static MessageSourceResolvable cell(int row, String ruleId, String column) {
		return at("problem.decision.at.cell", String.valueOf(row), ruleId, column);
	}

	private static MessageSourceResolvable at(String key, Object... args) {
		return new DefaultMessageSourceResolvable(new String[] { key }, args, key);
	}

	private static String label(Input input) {
		if (input.getLabel() != null && !input.getLabel().isBlank()) {
			return input.getLabel();
		}
		return input.getInputExpression() == null ? String.valueOf(input.getId()) : text(input.getInputExpression().getText());
	}

	private static String label(Output output) {
		return output.getLabel() != null && !output.getLabel().isBlank() ? output.getLabel() : String.valueOf(output.getName());
	}

	private static String typeRef(Input input) {
		return input.getInputExpression() == null ? null : input.getInputExpression().getTypeRef();
	}

	private static boolean same(String a, String b) {
		return a == null ? b == null : a.equals(b);
	}

	private static String knownInputs(List<Input> known) {
		return known.stream()
			.filter(k -> k.getInputExpression() != null)
			.map(k -> text(k.getInputExpression().getText()))
			.collect(Collectors.joining(", "));
	}

	private static String text(Text text) {
		return text == null || text.getTextContent() == null ? "" : text.getTextContent().strip();
	}

	/** A value as it may appear in a message: one line, at most 80 characters. */
	private static String shorten(String value) {
		String line = value.replaceAll("\\s+", " ").strip();
		return line.length() > 80 ? line.substring(0, 80) + "…" : line;
	}

	private static FeelEngine feelEngine() {
		DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
			.createDefaultDmnEngineConfiguration();
		configuration.buildEngine();
		return configuration.getFeelEngine();
	}
}
