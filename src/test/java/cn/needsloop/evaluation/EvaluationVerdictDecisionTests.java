package cn.needsloop.evaluation;

import cn.needsloop.support.Dmn;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Row-by-row tests of {@code evaluation-verdict.dmn}: decisions {@code evaluationVerdict} and {@code needOutcome}.
 */
class EvaluationVerdictDecisionTests {

    private static final DmnEngine DMN_ENGINE = Dmn.ENGINE;

    private static DmnDecision evaluationVerdict;
    private static DmnDecision needOutcome;

    @BeforeAll
    static void parseDecisions() throws IOException {
        try (InputStream dmn = EvaluationVerdictDecisionTests.class.getResourceAsStream("/processes/evaluation-verdict.dmn")) {
            assertThat(dmn).as("evaluation-verdict.dmn on the classpath").isNotNull();
            List<DmnDecision> decisions = DMN_ENGINE.parseDecisions(dmn);
            evaluationVerdict = find(decisions, "evaluationVerdict");
            needOutcome = find(decisions, "needOutcome");
        }
    }

    private static DmnDecision find(List<DmnDecision> decisions, String key) {
        return decisions.stream().filter(d -> key.equals(d.getKey())).findFirst().orElseThrow();
    }

    private static String verdict(Double residentAverage, Integer communityScore, int evaluationRound) {
        return DMN_ENGINE.evaluateDecision(evaluationVerdict, Variables.createVariables()
                        .putValue("residentAverage", residentAverage)
                        .putValue("communityScore", communityScore)
                        .putValue("evaluationRound", evaluationRound))
                .getSingleResult()
                .getEntry("verdict");
    }

    private static String outcome(Integer needScore) {
        return DMN_ENGINE.evaluateDecision(needOutcome,
                        Variables.createVariables().putValue("needScore", needScore))
                .getSingleResult()
                .getEntry("needOutcome");
    }

    @ParameterizedTest(name = "[{index}] round {0}")
    @CsvSource({"1", "2"})
    void treatsNoRatingsAtAllAsDefaultPraise(int evaluationRound) {
        assertThat(verdict(null, null, evaluationRound)).isEqualTo("SATISFIED");
    }

    @ParameterizedTest(name = "[{index}] resident {0}, community {1}, round {2} -> SATISFIED")
    @CsvSource(nullValues = "null", value = {
            "3.0, 3, 1",
            "4.5, 5, 1",
            "3.0, null, 1",
            "null, 4, 1",
            "3.5, 3, 2",
    })
    void isSatisfiedWhenEveryGivenRatingIsAtLeastThree(Double residentAverage, Integer communityScore,
                                                       int evaluationRound) {
        assertThat(verdict(residentAverage, communityScore, evaluationRound)).isEqualTo("SATISFIED");
    }

    @ParameterizedTest(name = "[{index}] resident {0}, community {1} -> RECTIFY")
    @CsvSource(nullValues = "null", value = {
            "2.9, 5",
            "4.0, 2",
            "1.0, 1",
            "2.5, null",
            "null, 2",
    })
    void sendsPoorFirstEvaluationToRectification(Double residentAverage, Integer communityScore) {
        assertThat(verdict(residentAverage, communityScore, 1)).isEqualTo("RECTIFY");
    }

    @ParameterizedTest(name = "[{index}] resident {0}, community {1} -> FAILED")
    @CsvSource(nullValues = "null", value = {
            "2.9, 5",
            "4.0, 2",
            "null, 1",
    })
    void failsProjectThatIsStillPoorAfterRectification(Double residentAverage, Integer communityScore) {
        assertThat(verdict(residentAverage, communityScore, 2)).isEqualTo("FAILED");
    }

    @ParameterizedTest(name = "[{index}] score {0} -> REOPEN")
    @CsvSource({"1", "2"})
    void reopensNeedRatedTwoOrLess(int needScore) {
        assertThat(outcome(needScore)).isEqualTo("REOPEN");
    }

    @ParameterizedTest(name = "[{index}] score {0} -> RESOLVED")
    @CsvSource({"3", "4", "5"})
    void resolvesNeedRatedThreeOrMore(int needScore) {
        assertThat(outcome(needScore)).isEqualTo("RESOLVED");
    }

    @Test
    void resolvesNeedWhenConfirmationWindowExpiredWithoutScore() {
        assertThat(outcome(null)).isEqualTo("RESOLVED");
    }
}
