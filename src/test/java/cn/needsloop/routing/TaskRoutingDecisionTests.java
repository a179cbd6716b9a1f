package cn.needsloop.routing;

import cn.needsloop.support.Dmn;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Row-by-row tests of {@code task-routing.dmn}: decision {@code taskRouting}.
 */
class TaskRoutingDecisionTests {

    private static final DmnEngine DMN_ENGINE = Dmn.ENGINE;

    private static DmnDecision taskRouting;

    @BeforeAll
    static void parseDecision() throws IOException {
        try (InputStream dmn = TaskRoutingDecisionTests.class.getResourceAsStream("/processes/task-routing.dmn")) {
            assertThat(dmn).as("task-routing.dmn on the classpath").isNotNull();
            taskRouting = DMN_ENGINE.parseDecision("taskRouting", dmn);
        }
    }

    private static String line(String phase, String step, String category) {
        return line(phase, step, category, false);
    }

    private static String line(String phase, String step, String category, boolean stewardLead) {
        return DMN_ENGINE.evaluateDecision(taskRouting, Variables.createVariables()
                        .putValue("phase", phase)
                        .putValue("step", step)
                        .putValue("category", category)
                        .putValue("stewardLead", stewardLead))
                .getSingleResult()
                .getEntry("line");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"ELDERLY_CARE", "SAFETY", "OTHER"})
    void routesVerificationToSteward(String category) {
        assertThat(line("DISCOVER", "userTask_verifyNeed", category)).isEqualTo("STEWARD");
    }

    @Test
    void routesClassificationToSteward() {
        assertThat(line("CATEGORIZE", "userTask_classifyNeed", "LEGAL_AID")).isEqualTo("STEWARD");
    }

    @ParameterizedTest(name = "[{index}] {0} -> SELF_GOVERNANCE")
    @ValueSource(strings = {"NEIGHBOR_DISPUTE", "ENVIRONMENT", "FACILITIES", "SAFETY"})
    void routesResolutionOfSelfGovernanceCategoriesToSelfGovernance(String category) {
        assertThat(line("IMPLEMENT", "userTask_resolveNeed", category)).isEqualTo("SELF_GOVERNANCE");
    }

    @Test
    void routesNeighbourDisputeResolutionToSelfGovernance() {
        assertThat(line("IMPLEMENT", "userTask_resolveNeed", "NEIGHBOR_DISPUTE")).isEqualTo("SELF_GOVERNANCE");
    }

    @ParameterizedTest(name = "[{index}] {0} -> PARTY")
    @ValueSource(strings = {"HARDSHIP_RELIEF", "EMPLOYMENT", "LEGAL_AID"})
    void routesResolutionOfPartyCategoriesToParty(String category) {
        assertThat(line("IMPLEMENT", "userTask_resolveNeed", category)).isEqualTo("PARTY");
    }

    @ParameterizedTest(name = "[{index}] {0} -> STEWARD")
    @ValueSource(strings = {"ELDERLY_CARE", "DISABILITY_SUPPORT", "CHILD_CARE", "CULTURE_SPORTS",
            "MENTAL_HEALTH", "OTHER"})
    void routesResolutionOfOtherCategoriesToGridWorkerAtStewardStation(String category) {
        assertThat(line("IMPLEMENT", "userTask_resolveNeed", category)).isEqualTo("STEWARD");
    }

    @Test
    void routesResolutionWithoutCategoryToSteward() {
        assertThat(line("IMPLEMENT", "userTask_resolveNeed", null)).isEqualTo("STEWARD");
    }

    @Test
    void routesResidentConfirmationToSteward() {
        assertThat(line("EVALUATE", "userTask_confirmResolution", "FACILITIES")).isEqualTo("STEWARD");
    }

    @Test
    void routesDesignRevisionToSteward() {
        assertThat(line("DESIGN", "userTask_reviseDesign", "ENVIRONMENT")).isEqualTo("STEWARD");
    }

    @Test
    void routesProjectApprovalToParty() {
        assertThat(line("DESIGN", "userTask_approveProject", "ENVIRONMENT")).isEqualTo("PARTY");
    }

    @ParameterizedTest(name = "[{index}] {0} -> SOCIAL_ORGANIZATION")
    @ValueSource(strings = {"userTask_claimProject", "userTask_reportMilestone", "userTask_completeProject",
            "userTask_rectifyProject"})
    void routesImplementationStepsToSocialOrganization(String step) {
        assertThat(line("IMPLEMENT", step, "FACILITIES")).isEqualTo("SOCIAL_ORGANIZATION");
    }

    @Test
    void routesAssignmentOfUnclaimedProjectToManager() {
        assertThat(line("IMPLEMENT", "userTask_assignProject", "ELDERLY_CARE")).isEqualTo("MANAGER");
    }

    @ParameterizedTest(name = "[{index}] {0} -> STEWARD")
    @ValueSource(strings = {"userTask_rateAsResident", "userTask_rateAsCommunity"})
    void routesResidentAndCommunityRatingToSteward(String step) {
        assertThat(line("EVALUATE", step, "CULTURE_SPORTS")).isEqualTo("STEWARD");
    }

    @Test
    void routesImplementerRatingToSocialOrganization() {
        assertThat(line("EVALUATE", "userTask_rateAsImplementer", "CULTURE_SPORTS"))
                .isEqualTo("SOCIAL_ORGANIZATION");
    }

    @ParameterizedTest(name = "[{index}] {0} -> PARTY")
    @ValueSource(strings = {"ELDERLY_CARE", "OTHER"})
    @NullSource
    void routesDispatchAnswersToParty(String category) {
        assertThat(line("IMPLEMENT", "userTask_answerDispatch", category)).isEqualTo("PARTY");
    }

    @Test
    void routesUnfilledDispatchToParty() {
        assertThat(line("IMPLEMENT", "userTask_handleUnfilledDispatch", null)).isEqualTo("PARTY");
    }

    @ParameterizedTest(name = "[{index}] {0} -> SELF_GOVERNANCE")
    @ValueSource(strings = {"userTask_fixParticipants", "userTask_publishAgenda", "userTask_recordMeeting",
            "userTask_applyResult"})
    void routesConsultationStepsToSelfGovernance(String step) {
        assertThat(line("DESIGN", step, null)).isEqualTo("SELF_GOVERNANCE");
        assertThat(line("DESIGN", step, "ELDERLY_CARE")).isEqualTo("SELF_GOVERNANCE");
    }

    @ParameterizedTest(name = "[{index}] {0} / {1} -> STEWARD")
    @CsvSource(nullValues = "null", value = {
            "IMPLEMENT, userTask_somethingNew, FACILITIES",
            "DESIGN, userTask_assignProject, OTHER",
            "DESIGN, userTask_answerDispatch, null",
            "null, null, null",
    })
    void routesUnknownStepsToStewardAsFallback(String phase, String step, String category) {
        assertThat(line(phase, step, category)).isEqualTo("STEWARD");
    }

    // admission and certificates
    @ParameterizedTest(name = "[{index}] {0} / {1} -> {2}")
    @CsvSource(nullValues = "null", value = {
            "DESIGN, userTask_reviewServiceContract, MANAGER",
            "null, userTask_reviewServiceContract, MANAGER",
            "DESIGN, userTask_reviseAdmissionList, MANAGER",
            "IMPLEMENT, userTask_issueCertificate, STEWARD",
    })
    void routesAdmissionAndCertificateStepsByStepWhateverThePhase(String phase, String step, String expected) {
        assertThat(line(phase, step, null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"DISCOVER", "CATEGORIZE", "IMPLEMENT"})
    void routesTheDecisionOnAnExtensionToTheManagerInEveryPhaseWhereTheCommunityHasNoLead(String phase) {
        assertThat(line(phase, "userTask_decideExtension", "NEIGHBOR_DISPUTE")).isEqualTo("MANAGER");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"DISCOVER", "CATEGORIZE", "DESIGN", "IMPLEMENT"})
    void routesTheDecisionOnAnExtensionToTheStewardsLeadOfACommunityThatHasOne(String phase) {
        assertThat(line(phase, "userTask_decideExtension", "NEIGHBOR_DISPUTE", true)).isEqualTo("STEWARD_LEAD");
        assertThat(line(phase, "userTask_decideExtension", null, true)).isEqualTo("STEWARD_LEAD");
    }

    @Test
    void aCommunitysLeadChangesTheRouteOfNoOtherStep() {
        assertThat(line("DISCOVER", "userTask_verifyNeed", "SAFETY", true)).isEqualTo("STEWARD");
        assertThat(line("IMPLEMENT", "userTask_resolveNeed", "HARDSHIP_RELIEF", true)).isEqualTo("PARTY");
    }

    @Test
    void routesTheReroutingOfAReturnedNeedToTheSteward() {
        assertThat(line("CATEGORIZE", "userTask_rerouteNeed", "NEIGHBOR_DISPUTE")).isEqualTo("STEWARD");
    }
}
