package cn.needsloop.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import cn.needsloop.shared.Category;

/**
 * Row-by-row tests of {@code spot-settlement.dmn}: decision {@code spotSettlement} (the grid worker's category,
 * the urgency, the estimated cost in yuan → ON_SPOT or why not), hit policy FIRST.
 */
class SpotSettlementDecisionTests {

	private static final DmnEngine DMN_ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	private static DmnDecision spotSettlement;

	@BeforeAll
	static void parseDecision() throws IOException {
		try (InputStream dmn = SpotSettlementDecisionTests.class.getResourceAsStream("/processes/spot-settlement.dmn")) {
			assertThat(dmn).as("spot-settlement.dmn on the classpath").isNotNull();
			spotSettlement = DMN_ENGINE.parseDecision("spotSettlement", dmn);
		}
	}

	static String decide(String category, String urgency, Double cost) {
		return DMN_ENGINE.evaluateDecision(spotSettlement, Variables.createVariables()
			.putValue("spotCategory", category)
			.putValue("urgency", urgency)
			.putValue("estimatedCost", cost)).getSingleResult().getSingleEntry();
	}

	@ParameterizedTest(name = "[{index}] urgent {0}, {1} yuan -> URGENT")
	@CsvSource({ "FACILITIES, 0", "SAFETY, 50", "ENVIRONMENT, 900", "ELDERLY_CARE, 0" })
	void rowUrgent_anUrgentNeedGoesToTheStewardWhateverItCosts(String category, double cost) {
		assertThat(decide(category, "URGENT", cost)).isEqualTo("URGENT");
	}

	@ParameterizedTest(name = "[{index}] {0}, {1}, {2} yuan -> COSTLY")
	@CsvSource({ "FACILITIES, NORMAL, 500.01", "ENVIRONMENT, LOW, 800", "OTHER, HIGH, 10000", "ELDERLY_CARE, NORMAL, 501" })
	void rowCostly_moreThan500YuanIsNoSmallMatter(String category, String urgency, double cost) {
		assertThat(decide(category, urgency, cost)).isEqualTo("COSTLY");
	}

	@ParameterizedTest(name = "[{index}] {0}, {1}, {2} yuan -> ON_SPOT")
	@CsvSource({ "FACILITIES, NORMAL, 0", "FACILITIES, HIGH, 500", "ENVIRONMENT, LOW, 30", "NEIGHBOR_DISPUTE, NORMAL, 0",
			"OTHER, NORMAL, 120.5" })
	void rowSmallRepair_aSmallRepairCleanUpOrDisputeIsSettledOnTheSpot(String category, String urgency, double cost) {
		assertThat(decide(category, urgency, cost)).isEqualTo("ON_SPOT");
	}

	@ParameterizedTest(name = "[{index}] SAFETY, {0} yuan -> {1}")
	@CsvSource({ "0, ON_SPOT", "200, ON_SPOT", "200.5, NOT_SMALL", "500, NOT_SMALL" })
	void rowSmallHazard_aHazardIsRemovedOnTheSpotUpTo200Yuan(double cost, String expected) {
		assertThat(decide("SAFETY", "HIGH", cost)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "[{index}] {0} -> NOT_SMALL")
	@EnumSource(value = Category.class, names = { "ELDERLY_CARE", "DISABILITY_SUPPORT", "CHILD_CARE", "EMPLOYMENT",
			"CULTURE_SPORTS", "LEGAL_AID", "MENTAL_HEALTH", "HARDSHIP_RELIEF" })
	void rowOtherwise_careReliefAndAdviceNeedTheStewardEvenAtNoCost(Category category) {
		assertThat(decide(category.name(), "NORMAL", 0d)).isEqualTo("NOT_SMALL");
	}

	@Test
	void rowOtherwise_noEstimatedCostIsNeverSettledOnTheSpot() {
		assertThat(decide("FACILITIES", "NORMAL", null)).isEqualTo("NOT_SMALL");
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@EnumSource(Category.class)
	void everyCategoryHasAnAnswer(Category category) {
		assertThat(decide(category.name(), "NORMAL", 10d)).isIn("ON_SPOT", "NOT_SMALL");
	}
}
