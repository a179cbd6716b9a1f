package cn.needsloop.process;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * FEEL for the decision tables, with the answers of a table cell's test kept when the test is made of literals only
 * ({@code "PARTY"}, {@code "FACILITIES","SAFETY"}, {@code < 3}, {@code >= 3, null}, {@code -}, {@code true}): such a
 * test's answer depends on the cell's text and the value tested, nothing else, so it is worked out once per text and
 * value. A test that names anything (a variable, a function such as {@code date and time(...)} or {@code now()}) is
 * always handed to FEEL, as are the input and output expressions.
 * <p>
 * Why: the FEEL engine Camunda 7.24 ships (feel-scala 1.19) builds its whole library of built-in functions again
 * for every expression it evaluates; a step of the loop evaluates the routing and time-limit tables, each cell of
 * each row, and that was most of the CPU time a step cost. At most {@link #MAX_ANSWERS} answers are kept; the table
 * text is part of the key, so a revised table never reads an answer of the old one.
 */
final class LiteralTestCache implements FeelEngineFactory {

	/** The most answers kept before they are all forgotten and collected again. */
	static final int MAX_ANSWERS = 20_000;

	private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

	private static final Pattern WORDS_OF_LITERALS = Pattern.compile("\\b(?:null|true|false|not)\\b");

	private static final Pattern LITERAL_SYMBOLS = Pattern.compile("[\\s0-9.,<>=!\\-\\[\\]()]*");

	private final FeelEngineFactory feel;

	LiteralTestCache(FeelEngineFactory feel) {
		this.feel = feel;
	}

	@Override
	public FeelEngine createInstance() {
		return new Engine(feel.createInstance());
	}

	/** Whether a unary test is made of literals only, so that its answer depends on the tested value alone. */
	static boolean literalsOnly(String test) {
		if (test == null || test.length() > 2_000) {
			return false;
		}
		String rest = WORDS_OF_LITERALS.matcher(STRING_LITERAL.matcher(test).replaceAll("")).replaceAll("");
		return !rest.contains("\"") && LITERAL_SYMBOLS.matcher(rest).matches();
	}

	/** A test and the value it was asked of (its class too: {@code 3} and {@code "3"} are different answers). */
	private record Question(String test, Class<?> type, Object value) {
	}

	static final class Engine implements FeelEngine {

		private final FeelEngine feel;

		private final Map<Question, Boolean> answers = new ConcurrentHashMap<>();

		private final Map<String, Boolean> literal = new ConcurrentHashMap<>();

		Engine(FeelEngine feel) {
			this.feel = feel;
		}

		@Override
		public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
			return feel.evaluateSimpleExpression(expression, variableContext);
		}

		@Override
		public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
			TypedValue input = variableContext.resolve(inputVariable);
			Object value = input == null ? null : input.getValue();
			if (!cacheable(value) || !literal.computeIfAbsent(expression, LiteralTestCache::literalsOnly)) {
				return feel.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
			}
			Question question = new Question(expression, value == null ? null : value.getClass(), value);
			Boolean answer = answers.get(question);
			if (answer == null) {
				answer = feel.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
				if (answers.size() >= MAX_ANSWERS) {
					answers.clear();
				}
				answers.put(question, answer);
			}
			if (literal.size() >= MAX_ANSWERS) {
				literal.clear();
			}
			return answer;
		}

		/** Values whose equality is their content and that cannot change: text, numbers, yes/no, nothing. */
		private static boolean cacheable(Object value) {
			return value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
					|| value instanceof Long || value instanceof Short || value instanceof Double
					|| value instanceof java.math.BigDecimal;
		}
	}
}
