package cn.needsloop.consultation;

import cn.needsloop.support.Dmn;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Row-by-row tests of {@code consultation-catalog.dmn}: decisions {@code consultationCatalog} and
 * {@code consultationResult}.
 */
class ConsultationCatalogDecisionTests {

    private static final DmnEngine DMN_ENGINE = Dmn.ENGINE;

    private static DmnDecision catalog;
    private static DmnDecision result;

    @BeforeAll
    static void parseDecisions() throws IOException {
        try (InputStream dmn = ConsultationCatalogDecisionTests.class.getResourceAsStream("/processes/consultation-catalog.dmn")) {
            assertThat(dmn).as("consultation-catalog.dmn on the classpath").isNotNull();
            List<DmnDecision> decisions = DMN_ENGINE.parseDecisions(dmn);
            catalog = find(decisions, "consultationCatalog");
            result = find(decisions, "consultationResult");
        }
    }

    private static DmnDecision find(List<DmnDecision> decisions, String key) {
        return decisions.stream().filter(d -> key.equals(d.getKey())).findFirst().orElseThrow();
    }

    private static Map<String, Object> entry(String topicType) {
        DmnDecisionResultEntries single = DMN_ENGINE.evaluateDecision(catalog,
                Variables.createVariables().putValue("topicType", topicType)).getSingleResult();
        return single.getEntryMap();
    }

    private static Map<String, Object> outcome(boolean objected, int round, int participants, int attendees,
                                               int votesFor, int votesAgainst) {
        return DMN_ENGINE.evaluateDecision(result, Variables.createVariables()
                        .putValue("objected", objected)
                        .putValue("consultationRound", round)
                        .putValue("participantCount", participants)
                        .putValue("attendees", attendees)
                        .putValue("votesFor", votesFor)
                        .putValue("votesAgainst", votesAgainst))
                .getSingleResult().getEntryMap();
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}, {2}, notice {3}, publicity {4}")
    @CsvSource({
            "PUBLIC_SPACE, COMMUNITY, 'RESIDENT_REPRESENTATIVE,PARTY_MEMBER,PROPERTY_COMPANY,STAKEHOLDER', 5, 5",
            "PROPERTY_FEES, COMMUNITY, 'RESIDENT_REPRESENTATIVE,PARTY_MEMBER,PROPERTY_COMPANY,STAKEHOLDER', 7, 7",
            "ELDERLY_CHILD_SERVICES, COMMUNITY, 'RESIDENT_REPRESENTATIVE,PARTY_MEMBER,SOCIAL_ORGANIZATION,STAKEHOLDER', 5, 5",
            "ENVIRONMENT_SANITATION, RESIDENT_GROUP, 'RESIDENT_REPRESENTATIVE,PROPERTY_COMPANY,STAKEHOLDER', 3, 3",
            "PUBLIC_SECURITY, BUILDING, 'RESIDENT_REPRESENTATIVE,PARTY_MEMBER,PROPERTY_COMPANY,STAKEHOLDER', 3, 3",
            "COMMUNITY_FUNDS, TOWNSHIP, 'RESIDENT_REPRESENTATIVE,PARTY_MEMBER,SOCIAL_ORGANIZATION,STAKEHOLDER', 7, 7",
            "SERVICE_PROJECT, COMMUNITY, 'RESIDENT_REPRESENTATIVE,PARTY_MEMBER,SOCIAL_ORGANIZATION,STAKEHOLDER', 5, 5",
    })
    void catalogTopicTypesHaveLevelParticipantsAndDays(String topicType, String level, String kinds, int noticeDays,
                                                        int publicityDays) {
        Map<String, Object> entry = entry(topicType);
        assertThat(entry).containsEntry("inCatalog", true)
                .containsEntry("level", level)
                .containsEntry("participantKinds", kinds)
                .containsEntry("noticeDays", noticeDays)
                .containsEntry("publicityDays", publicityDays);
        assertThat((String) entry.get("catalogReason")).startsWith("列入协商目录");
        for (String kind : kinds.split(",")) {
            assertThat(ParticipantKind.valueOf(kind)).isNotNull();
        }
        assertThat(ConsultationLevel.valueOf(level)).isNotNull();
    }

    @ParameterizedTest(name = "[{index}] {0} is outside the catalog")
    @CsvSource({
            "PRIVATE_MATTER, 个人或家庭私事",
            "ADMINISTRATIVE_DECISION, 行政事项",
            "OTHER, 未列入本社区协商目录",
            "SOMETHING_NEW, 未列入本社区协商目录",
    })
    void topicsOutsideTheCatalogEndWithAReason(String topicType, String reasonPart) {
        Map<String, Object> entry = entry(topicType);
        assertThat(entry).containsEntry("inCatalog", false)
                .doesNotContainKeys("level", "participantKinds", "noticeDays", "publicityDays");
        assertThat((String) entry.get("catalogReason")).contains(reasonPart);
    }

    @Test
    void aMissingTopicTypeIsOutsideTheCatalog() {
        assertThat(entry(null)).containsEntry("inCatalog", false);
    }

    @ParameterizedTest(name = "[{index}] every topic type has a catalog answer: {0}")
    @EnumSource(TopicType.class)
    void everyTopicTypeHasAnAnswer(TopicType type) {
        assertThat(entry(type.name())).containsKeys("inCatalog", "catalogReason");
    }

    @ParameterizedTest(name = "[{index}] objection in round {0} -> ANOTHER_ROUND")
    @CsvSource({"1", "2"})
    void objectionBeforeTheThirdRoundSendsTopicToAnotherRound(int round) {
        assertThat(outcome(true, round, 10, 8, 8, 0)).containsEntry("result", "ANOTHER_ROUND");
    }

    @Test
    void objectionInTheThirdRoundRejects() {
        assertThat(outcome(true, 3, 10, 8, 8, 0)).containsEntry("result", "REJECTED");
    }

    @ParameterizedTest(name = "[{index}] {1} of {0} attended in round {2} -> ANOTHER_ROUND")
    @CsvSource({"10, 5, 1", "10, 0, 2", "9, 4, 1"})
    void meetingWithoutQuorumIsHeldAgain(int participants, int attendees, int round) {
        assertThat(outcome(false, round, participants, attendees, attendees, 0)).containsEntry("result", "ANOTHER_ROUND");
    }

    @Test
    void thirdMeetingWithoutQuorumRejects() {
        assertThat(outcome(false, 3, 10, 5, 5, 0)).containsEntry("result", "REJECTED");
    }

    @ParameterizedTest(name = "[{index}] {1} for of {0} attending in round {2} -> AGREED")
    @CsvSource({"6, 4, 1", "9, 5, 2", "9, 9, 3", "6, 6, 1"})
    void majorityOfAttendeesForAgrees(int attendees, int votesFor, int round) {
        assertThat(outcome(false, round, 10, attendees, votesFor, attendees - votesFor))
                .containsEntry("result", "AGREED");
    }

    @ParameterizedTest(name = "[{index}] {1} against of {0} attending -> REJECTED")
    @CsvSource({"6, 4", "9, 5"})
    void majorityOfAttendeesAgainstRejectsAtOnce(int attendees, int votesAgainst) {
        assertThat(outcome(false, 1, 10, attendees, 0, votesAgainst)).containsEntry("result", "REJECTED");
    }

    @ParameterizedTest(name = "[{index}] no majority in round {0} -> ANOTHER_ROUND")
    @CsvSource({"1", "2"})
    void noMajorityEitherWayIsConsultedAgain(int round) {
        assertThat(outcome(false, round, 10, 8, 4, 3)).containsEntry("result", "ANOTHER_ROUND");
    }

    @Test
    void noMajorityInTheThirdRoundRejects() {
        Map<String, Object> outcome = outcome(false, 3, 10, 8, 4, 4);
        assertThat(outcome).containsEntry("result", "REJECTED");
        assertThat((String) outcome.get("reason")).contains("三轮");
    }
}
