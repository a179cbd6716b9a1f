package cn.needsloop.consultation;

import cn.needsloop.support.Dmn;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Row-by-row tests of {@code consultation-required.dmn}: decision {@code consultationRequired}. */
class ConsultationRequiredDecisionTests {

    private static final DmnEngine DMN_ENGINE = Dmn.ENGINE;

    private static DmnDecision consultationRequired;

    @BeforeAll
    static void parseDecision() throws IOException {
        try (InputStream dmn = ConsultationRequiredDecisionTests.class.getResourceAsStream("/processes/consultation-required.dmn")) {
            assertThat(dmn).as("consultation-required.dmn on the classpath").isNotNull();
            consultationRequired = DMN_ENGINE.parseDecision("consultationRequired", dmn);
        }
    }

    private static boolean required(Boolean publicAffairs, Double budgetYuan, Integer householdCount) {
        return DMN_ENGINE.evaluateDecision(consultationRequired, Variables.createVariables()
                        .putValue("publicAffairs", publicAffairs)
                        .putValue("budgetYuan", budgetYuan)
                        .putValue("householdCount", householdCount))
                .getSingleResult().getSingleEntry();
    }

    @ParameterizedTest(name = "[{index}] public affairs, {1} yuan, {2} households -> required")
    @CsvSource(nullValues = "null", value = {"true, 0, 1", "true, 1000, 5", "true, null, null"})
    void publicAffairsAlwaysGoToConsultation(Boolean publicAffairs, Double budgetYuan, Integer householdCount) {
        assertThat(required(publicAffairs, budgetYuan, householdCount)).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0} yuan -> required")
    @CsvSource({"50000", "80000", "1000000"})
    void budgetOfFiftyThousandYuanOrMoreGoesToConsultation(double budgetYuan) {
        assertThat(required(false, budgetYuan, 20)).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0} households -> required")
    @CsvSource({"30", "31", "500"})
    void thirtyHouseholdsOrMoreGoToConsultation(int householdCount) {
        assertThat(required(false, 30000.0, householdCount)).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0} yuan, {1} households -> not required")
    @CsvSource(nullValues = "null", value = {"30000, 20", "49999.99, 29", "0, 1", "null, null"})
    void otherProjectsGoStraightToApproval(Double budgetYuan, Integer householdCount) {
        assertThat(required(false, budgetYuan, householdCount)).isFalse();
    }
}
