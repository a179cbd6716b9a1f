package cn.needsloop.evidence;

import cn.needsloop.support.Dmn;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import cn.needsloop.shared.Category;

/** Row-by-row tests of {@code evidence-required.dmn}: decision {@code evidenceRequired} (step × category). */
class EvidenceRequiredDecisionTests {

	private static final DmnEngine DMN_ENGINE = Dmn.ENGINE;

	private static DmnDecision decision;

	@BeforeAll
	static void parseDecision() throws IOException {
		try (InputStream dmn = EvidenceRequiredDecisionTests.class.getResourceAsStream("/processes/evidence-required.dmn")) {
			assertThat(dmn).as("evidence-required.dmn on the classpath").isNotNull();
			decision = DMN_ENGINE.parseDecision(Evidence.REQUIRED_DECISION, dmn);
		}
	}

	private static Map<String, Object> decide(String step, String category) {
		return DMN_ENGINE.evaluateDecision(decision, Variables.createVariables()
			.putValue("step", step)
			.putValue("category", category)).getSingleResult().getEntryMap();
	}

	// rule 1: resolutionAfterSiteWork
	@ParameterizedTest(name = "[{index}] {0} settled -> 1 after-photo")
	@CsvSource({ "FACILITIES", "SAFETY" })
	void settlingARepairOrAHazardNeedsOneAfterPhoto(String category) {
		assertThat(decide("RESOLUTION_AFTER", category)).containsEntry("evidenceRequired", true)
			.containsEntry("minimumFiles", 1);
	}

	// rule 2: completionSiteWork
	@ParameterizedTest(name = "[{index}] {0} project completed -> 2 photos")
	@CsvSource({ "FACILITIES", "SAFETY" })
	void completingASiteWorkProjectNeedsTwoPhotos(String category) {
		assertThat(decide("COMPLETION", category)).containsEntry("evidenceRequired", true)
			.containsEntry("minimumFiles", 2);
	}

	// rule 3: rectificationSiteWork
	@ParameterizedTest(name = "[{index}] {0} project rectified -> 1 photo")
	@CsvSource({ "FACILITIES", "SAFETY" })
	void rectifyingASiteWorkProjectNeedsOnePhoto(String category) {
		assertThat(decide("RECTIFICATION", category)).containsEntry("evidenceRequired", true)
			.containsEntry("minimumFiles", 1);
	}

	// rule 4: otherwiseOptional
	@ParameterizedTest(name = "[{index}] settled on the spot, {0} -> 1 after-photo")
	@CsvSource({ "FACILITIES", "ENVIRONMENT", "NEIGHBOR_DISPUTE", "SAFETY", "OTHER", "ELDERLY_CARE" })
	void settlingOnTheSpotAlwaysNeedsOneAfterPhoto(String category) {
		assertThat(decide("SPOT_SETTLEMENT", category)).containsEntry("evidenceRequired", true)
			.containsEntry("minimumFiles", 1);
	}

	@ParameterizedTest(name = "[{index}] {0}, {1} -> optional")
	@CsvSource(nullValues = "null", value = { "RESOLUTION_AFTER, ELDERLY_CARE", "RESOLUTION_AFTER, ENVIRONMENT",
			"RESOLUTION_AFTER, null", "COMPLETION, ELDERLY_CARE", "COMPLETION, ENVIRONMENT", "RECTIFICATION, OTHER",
			"RESOLUTION_BEFORE, FACILITIES", "MILESTONE, FACILITIES", "MILESTONE, SAFETY", "VERIFICATION, null",
			"VERIFICATION, SAFETY", "REPORT, FACILITIES", "REPORT, null",
			"VISIT, null", "VISIT, ELDERLY_CARE", "SPOT_SETTLEMENT, null" })
	void everyOtherStepAndCategoryMayCarryFilesButNeedNot(String step, String category) {
		assertThat(decide(step, category)).containsEntry("evidenceRequired", false).containsEntry("minimumFiles", 0);
	}

	/** Every step the code knows has an answer for every category and for a need not yet classified. */
	@ParameterizedTest(name = "[{index}] {0}")
	@EnumSource(EvidenceStep.class)
	void everyStepHasAnAnswerForEveryCategory(EvidenceStep step) {
		for (Category category : Category.values()) {
			assertThat(decide(step.name(), category.name())).containsKeys("evidenceRequired", "minimumFiles");
		}
		assertThat(decide(step.name(), null)).containsEntry("evidenceRequired", false);
	}
}
