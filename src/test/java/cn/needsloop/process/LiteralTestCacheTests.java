package cn.needsloop.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/** The tables' literal cells answered from the kept answers exactly as FEEL answers them, and only those. */
class LiteralTestCacheTests {

	private static final String INPUT = "cellInput";

	@Test
	void onlyTestsMadeOfLiteralsAreKept() {
		assertThat(List.of("\"PARTY\"", "\"FACILITIES\",\"SAFETY\"", "< 3", ">= 3, null", "-", "true", "false", "null",
				"not(\"REJECTED\")", "[1..5]", "\"a \\\"quoted\\\" word\"", "", "\"行政执法、行政处罚\""))
			.allSatisfy(test -> assertThat(LiteralTestCache.literalsOnly(test)).as(test).isTrue());
		assertThat(List.of("category", "> householdCount", "date and time(\"2026-01-01T00:00:00\")", "now()",
				"< today()", "\"A\", step", "string length(?) > 3", "? = \"A\""))
			.allSatisfy(test -> assertThat(LiteralTestCache.literalsOnly(test)).as(test).isFalse());
	}

	@Test
	void keptAnswersAreFeelsAnswers() {
		FeelEngine feel = new ScalaFeelEngineFactory().createInstance();
		FeelEngine cached = new LiteralTestCache(new ScalaFeelEngineFactory()).createInstance();
		List<String> tests = List.of("\"PARTY\"", "\"FACILITIES\",\"SAFETY\"", "< 3", ">= 3, null", "-", "true", "null",
				"not(\"REJECTED\")", "[1..5]", "3");
		List<Object> values = Arrays.asList("PARTY", "SAFETY", "REJECTED", "3", 2, 3L, 7, 2.5, true, false, null);
		List<String> differences = new ArrayList<>();
		for (int round = 0; round < 2; round++) {
			for (String test : tests) {
				for (Object value : values) {
					boolean expected = feel.evaluateSimpleUnaryTests(test, INPUT, context(value));
					boolean answered = cached.evaluateSimpleUnaryTests(test, INPUT, context(value));
					if (expected != answered) {
						differences.add(test + " of " + value + " (round " + round + ")");
					}
				}
			}
		}
		assertThat(differences).isEmpty();
	}

	@Test
	void aLiteralTestGoesToFeelOncePerValueAndAnyOtherEveryTime() {
		AtomicInteger asked = new AtomicInteger();
		FeelEngine scala = new ScalaFeelEngineFactory().createInstance();
		FeelEngine counting = new FeelEngine() {

			@Override
			public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
				return scala.evaluateSimpleExpression(expression, variableContext);
			}

			@Override
			public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext context) {
				asked.incrementAndGet();
				return scala.evaluateSimpleUnaryTests(expression, inputVariable, context);
			}
		};
		FeelEngine cached = new LiteralTestCache(() -> counting).createInstance();
		for (int i = 0; i < 5; i++) {
			assertThat(cached.evaluateSimpleUnaryTests("\"PARTY\"", INPUT, context("PARTY"))).isTrue();
			assertThat(cached.evaluateSimpleUnaryTests("\"PARTY\"", INPUT, context("STEWARD"))).isFalse();
		}
		assertThat(asked).hasValue(2);

		VariableContext withLimit = Variables.createVariables().putValue(INPUT, 5).putValue("limit", 3).asVariableContext();
		VariableContext withHigherLimit = Variables.createVariables().putValue(INPUT, 5).putValue("limit", 9)
			.asVariableContext();
		assertThat(cached.evaluateSimpleUnaryTests("> limit", INPUT, withLimit)).isTrue();
		assertThat(cached.evaluateSimpleUnaryTests("> limit", INPUT, withHigherLimit)).as("names a variable: not kept")
			.isFalse();
		assertThat(asked).hasValue(4);
	}

	private static VariableContext context(Object value) {
		return Variables.createVariables().putValue(INPUT, value).asVariableContext();
	}
}
