package cn.needsloop.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Row-by-row tests of {@code step-extension.dmn}: decision {@code stepExtension}. */
class StepExtensionDecisionTests {

	private static final DmnEngine DMN_ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	private static DmnDecision stepExtension;

	@BeforeAll
	static void parseDecision() throws IOException {
		try (InputStream dmn = StepExtensionDecisionTests.class.getResourceAsStream("/processes/step-extension.dmn")) {
			assertThat(dmn).as("step-extension.dmn on the classpath").isNotNull();
			stepExtension = DMN_ENGINE.parseDecision("stepExtension", dmn);
		}
	}

	private static Map<String, Object> decide(String step, int requests) {
		return DMN_ENGINE
			.evaluateDecision(stepExtension, Variables.createVariables().putValue("step", step).putValue("requests", requests))
			.getSingleResult()
			.getEntryMap();
	}

	@ParameterizedTest(name = "[{index}] {0} × {1} → {2}, {3} days")
	@CsvSource({
			// the line resolving a need: once, a week at most
			"userTask_resolveNeed, 0, true, 7",
			"userTask_resolveNeed, 1, false, 0",
			// the steward's own steps: once, two days at most
			"userTask_verifyNeed, 0, true, 2",
			"userTask_classifyNeed, 0, true, 2",
			"userTask_rerouteNeed, 0, true, 2",
			"userTask_verifyNeed, 1, false, 0",
			"userTask_classifyNeed, 2, false, 0",
			// a service project's design steps: once, three days at most
			"userTask_approveProject, 0, true, 3",
			"userTask_reviseDesign, 0, true, 3",
			"userTask_approveProject, 1, false, 0",
			// a project's implementation: once, two weeks at most
			"userTask_reportMilestone, 0, true, 14",
			"userTask_completeProject, 0, true, 14",
			"userTask_rectifyProject, 0, true, 14",
			"userTask_completeProject, 1, false, 0",
			// a consultation's steps: once, a week at most
			"userTask_fixParticipants, 0, true, 7",
			"userTask_publishAgenda, 0, true, 7",
			"userTask_recordMeeting, 0, true, 7",
			"userTask_applyResult, 0, true, 7",
			"userTask_publishAgenda, 1, false, 0",
			// a claim has its deadline and the ratings their window: no extension
			"userTask_claimProject, 0, false, 0",
			"userTask_rateAsResident, 0, false, 0",
			"userTask_assignProject, 0, false, 0",
			// the resident's confirmation has its own window, an approval no extension of its own
			"userTask_confirmResolution, 0, false, 0",
			"userTask_decideExtension, 0, false, 0" })
	void allowsOneExtensionPerStepOfTheStepsThatMayBeExtended(String step, int requests, boolean allowed, int maxDays) {
		Map<String, Object> result = decide(step, requests);
		assertThat(result.get("extensionAllowed")).isEqualTo(allowed);
		assertThat(((Number) result.get("maxDays")).intValue()).isEqualTo(maxDays);
	}
}
