package cn.needsloop.classification;

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
 * Row-by-row tests of {@code need-classification.dmn}: decisions {@code needCategory} (the steward's look at the
 * text model's proposal), {@code needUrgency} and {@code needScope}.
 */
class NeedClassificationDecisionTests {

    private static final DmnEngine DMN_ENGINE = Dmn.ENGINE;

    private static DmnDecision needCategory;
    private static DmnDecision needUrgency;
    private static DmnDecision needScope;

    @BeforeAll
    static void parseDecisions() throws IOException {
        try (InputStream dmn = NeedClassificationDecisionTests.class.getResourceAsStream("/processes/need-classification.dmn")) {
            assertThat(dmn).as("need-classification.dmn on the classpath").isNotNull();
            List<DmnDecision> decisions = DMN_ENGINE.parseDecisions(dmn);
            needCategory = find(decisions, "needCategory");
            needUrgency = find(decisions, "needUrgency");
            needScope = find(decisions, "needScope");
        }
    }

    private static DmnDecision find(List<DmnDecision> decisions, String key) {
        return decisions.stream().filter(d -> key.equals(d.getKey())).findFirst().orElseThrow();
    }

    private static Boolean stewardLook(String proposedCategory, Double confidence) {
        return DMN_ENGINE.evaluateDecision(needCategory, Variables.createVariables()
                        .putValue("proposedCategory", proposedCategory)
                        .putValue("confidence", confidence))
                .getSingleResult()
                .getEntry("stewardLook");
    }

    private static String urgency(Boolean textUrgent, Boolean reportedUrgent, String category) {
        return DMN_ENGINE.evaluateDecision(needUrgency, Variables.createVariables()
                        .putValue("textUrgent", textUrgent)
                        .putValue("reportedUrgent", reportedUrgent)
                        .putValue("category", category))
                .getSingleResult()
                .getEntry("urgency");
    }

    private static String scope(Integer householdCount, String category) {
        return DMN_ENGINE.evaluateDecision(needScope, Variables.createVariables()
                        .putValue("householdCount", householdCount)
                        .putValue("category", category))
                .getSingleResult()
                .getEntry("scope");
    }

    // ---- needCategory: does the steward have to look closely at the text model's proposal? ----

    @ParameterizedTest(name = "[{index}] {0} at {1} -> look {2}")
    @CsvSource({
            // rule lowConfidence: below 0.6, whatever the category
            "NEIGHBOR_DISPUTE, 0.59, true",
            "SAFETY, 0.1, true",
            "ELDERLY_CARE, 0.0, true",
            // rule weakCategories: legal aid and other, however confident
            "LEGAL_AID, 0.99, true",
            "OTHER, 0.6, true",
            // rule confident
            "NEIGHBOR_DISPUTE, 0.6, false",
            "MENTAL_HEALTH, 0.93, false",
            "FACILITIES, 1.0, false",
    })
    void asksForALookWhenTheModelIsUnsureOrTheCategoryIsOftenConfused(String category, double confidence,
            boolean look) {
        assertThat(stewardLook(category, confidence)).isEqualTo(look);
    }

    @Test
    void aProposalWithoutConfidenceNeedsNoLookUnlessItsCategoryDoes() {
        assertThat(stewardLook("CHILD_CARE", null)).isFalse();
        assertThat(stewardLook("LEGAL_AID", null)).isTrue();
    }

    // ---- needUrgency: urgent text or a reporter's "urgent" is URGENT whatever the category ----

    @ParameterizedTest(name = "[{index}] text {0}, reporter {1}, {2} -> {3}")
    @CsvSource({
            // rule textUrgent: whatever the category, even the ones that are otherwise LOW
            "true, false, MENTAL_HEALTH, URGENT",
            "true, false, FACILITIES, URGENT",
            "true, false, CULTURE_SPORTS, URGENT",
            "true, true, ELDERLY_CARE, URGENT",
            // rule reportedUrgent: never lowered
            "false, true, OTHER, URGENT",
            "false, true, CULTURE_SPORTS, URGENT",
            // rule vulnerable
            "false, false, MENTAL_HEALTH, HIGH",
            "false, false, HARDSHIP_RELIEF, HIGH",
            "false, false, SAFETY, HIGH",
            // rule leisure
            "false, false, CULTURE_SPORTS, LOW",
            // rule other
            "false, false, NEIGHBOR_DISPUTE, NORMAL",
            "false, false, ELDERLY_CARE, NORMAL",
            "false, false, FACILITIES, NORMAL",
            "false, false, OTHER, NORMAL",
    })
    void urgencyFollowsTheTextFirstAndTheCategoryOnlyAfter(boolean textUrgent, boolean reportedUrgent,
            String category, String urgency) {
        assertThat(urgency(textUrgent, reportedUrgent, category)).isEqualTo(urgency);
    }

    @Test
    void missingInputsAreNormal() {
        assertThat(urgency(null, null, null)).isEqualTo("NORMAL");
    }

    @ParameterizedTest(name = "[{index}] {0} households -> COMMON")
    @CsvSource({"3", "4", "120"})
    void treatsThreeOrMoreHouseholdsAsCommon(int householdCount) {
        assertThat(scope(householdCount, "ELDERLY_CARE")).isEqualTo("COMMON");
    }

    @ParameterizedTest(name = "[{index}] {0} -> COMMON")
    @CsvSource({"FACILITIES", "ENVIRONMENT", "CULTURE_SPORTS"})
    void treatsPublicAffairsCategoriesAsCommonEvenForOneHousehold(String category) {
        assertThat(scope(1, category)).isEqualTo("COMMON");
        assertThat(scope(null, category)).isEqualTo("COMMON");
    }

    @ParameterizedTest(name = "[{index}] {0} households, {1} -> INDIVIDUAL")
    @CsvSource({"1, ELDERLY_CARE", "2, NEIGHBOR_DISPUTE", "0, SAFETY", "2, OTHER"})
    void treatsFewHouseholdsInOtherCategoriesAsIndividual(int householdCount, String category) {
        assertThat(scope(householdCount, category)).isEqualTo("INDIVIDUAL");
    }

    @Test
    void treatsUnknownHouseholdCountAsIndividual() {
        assertThat(scope(null, "HARDSHIP_RELIEF")).isEqualTo("INDIVIDUAL");
    }

    @Test
    void treatsMissingCategoryAndHouseholdCountAsIndividual() {
        assertThat(scope(null, null)).isEqualTo("INDIVIDUAL");
    }
}
