package cn.needsloop.field;

import cn.needsloop.support.Dmn;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Row-by-row tests of {@code visit-frequency.dmn}: decision {@code visitFrequency}, hit policy FIRST. */
class VisitFrequencyDecisionTests {

	private static final DmnEngine DMN_ENGINE = Dmn.ENGINE;

	private static DmnDecision visitFrequency;

	@BeforeAll
	static void parseDecision() throws IOException {
		try (InputStream dmn = VisitFrequencyDecisionTests.class.getResourceAsStream("/processes/visit-frequency.dmn")) {
			assertThat(dmn).as("visit-frequency.dmn on the classpath").isNotNull();
			visitFrequency = DMN_ENGINE.parseDecision("visitFrequency", dmn);
		}
	}

	private static Map<String, Object> decide(List<String> tags) {
		return DMN_ENGINE.evaluateDecision(visitFrequency, Variables.createVariables().putValue("careTags", tags))
			.getSingleResult()
			.getEntryMap();
	}

	@ParameterizedTest(name = "[{index}] {0} alone -> every {1} days, {2}")
	@CsvSource({ "独居老人, 7, HOME", "特困, 7, HOME", "残疾, 14, HOME", "留守儿童, 14, HOME", "空巢, 14, PHONE",
			"低保, 30, HOME", "军属, 30, PHONE" })
	void eachTagRow(String tag, int days, String kind) {
		assertThat(decide(List.of(tag))).containsEntry("intervalDays", days).containsEntry("visitKind", kind);
	}

	@Test
	void aHouseholdWithoutTagsIsVisitedAtHomeOnceAQuarter() {
		assertThat(decide(List.of())).containsEntry("intervalDays", 90).containsEntry("visitKind", "HOME");
	}

	@ParameterizedTest(name = "[{index}] {0} -> every {1} days, {2}")
	@CsvSource(delimiter = '|', value = { "空巢、独居老人 | 7 | HOME", "低保、残疾 | 14 | HOME", "军属、空巢 | 14 | PHONE",
			"军属、低保 | 30 | HOME", "空巢、留守儿童 | 14 | HOME" })
	void severalTagsTakeTheRowOfTheMostNeedingTagFirst(String tags, int days, String kind) {
		assertThat(decide(Arrays.asList(tags.split("、")))).containsEntry("intervalDays", days).containsEntry("visitKind", kind);
	}

	@Test
	void everyKnownTagHasItsOwnRow() {
		for (String tag : CareTags.KNOWN) {
			assertThat(decide(List.of(tag)).get("intervalDays")).as(tag).isNotEqualTo(90);
		}
	}
}
