package cn.needsloop.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Row-by-row tests of {@code need-classification.dmn}: decisions {@code needCategory} and {@code needScope}.
 */
class NeedClassificationDecisionTests {

    private static final DmnEngine DMN_ENGINE =
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private static DmnDecision needCategory;
    private static DmnDecision needScope;

    @BeforeAll
    static void parseDecisions() throws IOException {
        try (InputStream dmn = NeedClassificationDecisionTests.class.getResourceAsStream("/processes/need-classification.dmn")) {
            assertThat(dmn).as("need-classification.dmn on the classpath").isNotNull();
            List<DmnDecision> decisions = DMN_ENGINE.parseDecisions(dmn);
            needCategory = find(decisions, "needCategory");
            needScope = find(decisions, "needScope");
        }
    }

    private static DmnDecision find(List<DmnDecision> decisions, String key) {
        return decisions.stream().filter(d -> key.equals(d.getKey())).findFirst().orElseThrow();
    }

    private static DmnDecisionResultEntries classify(String text) {
        return DMN_ENGINE.evaluateDecision(needCategory, Variables.createVariables().putValue("text", text))
                .getSingleResult();
    }

    private static String scope(Integer householdCount, String category) {
        return DMN_ENGINE.evaluateDecision(needScope, Variables.createVariables()
                        .putValue("householdCount", householdCount)
                        .putValue("category", category))
                .getSingleResult()
                .getEntry("scope");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1} / {2}")
    @CsvSource({
            // rule safety
            "小区燃气管道有异味, SAFETY, URGENT",
            "楼下配电箱漏电, SAFETY, URGENT",
            "消防通道被堵, SAFETY, URGENT",
            "夜间治安差希望加强巡逻, SAFETY, URGENT",
            // rule elderlyAlone
            "独居老人无人照料, ELDERLY_CARE, HIGH",
            "空巢家庭需要定期探访, ELDERLY_CARE, HIGH",
            // rule elderly
            "希望社区开设老人助餐点, ELDERLY_CARE, NORMAL",
            "居家养老上门服务, ELDERLY_CARE, NORMAL",
            // rule disability
            "残疾人出行需要轮椅, DISABILITY_SUPPORT, NORMAL",
            "单元门口没有无障碍坡道, DISABILITY_SUPPORT, NORMAL",
            // rule child
            "双职工家庭儿童放学无人接, CHILD_CARE, NORMAL",
            "希望开办课后托管班, CHILD_CARE, NORMAL",
            // rule hardship
            "家庭生活困难申请低保, HARDSHIP_RELIEF, HIGH",
            "突发重病需要临时救助, HARDSHIP_RELIEF, HIGH",
            // rule mentalHealth
            "长期失眠需要心理疏导, MENTAL_HEALTH, HIGH",
            "产后抑郁需要帮助, MENTAL_HEALTH, HIGH",
            // rule neighbor
            "楼上装修噪音扰民, NEIGHBOR_DISPUTE, NORMAL",
            "楼上卫生间漏水到我家, NEIGHBOR_DISPUTE, NORMAL",
            // rule legal
            "需要法律咨询, LEGAL_AID, NORMAL",
            "工地欠薪三个月, LEGAL_AID, NORMAL",
            "租房合同押金不退, LEGAL_AID, NORMAL",
            // rule employment
            "下岗后想找工作, EMPLOYMENT, NORMAL",
            "希望参加技能培训, EMPLOYMENT, NORMAL",
            // rule environment
            "垃圾桶满了没人清运, ENVIRONMENT, NORMAL",
            "小区污水外溢, ENVIRONMENT, NORMAL",
            "绿化带被占用种菜, ENVIRONMENT, NORMAL",
            // rule facilities
            "路灯坏了晚上很黑, FACILITIES, NORMAL",
            "电梯经常停运, FACILITIES, NORMAL",
            "楼道堆放杂物, FACILITIES, NORMAL",
            "停车位不够, FACILITIES, NORMAL",
            "健身器材损坏, FACILITIES, NORMAL",
            // rule cultureSports
            "希望有场地跳广场舞, CULTURE_SPORTS, LOW",
            "社区活动室晚上能开放吗, CULTURE_SPORTS, LOW",
            // rule other
            "想了解社区办事流程, OTHER, NORMAL",
    })
    void classifiesByKeyword(String text, String category, String urgency) {
        DmnDecisionResultEntries result = classify(text);

        assertThat((String) result.getEntry("category")).isEqualTo(category);
        assertThat((String) result.getEntry("urgency")).isEqualTo(urgency);
    }

    @Test
    void safetyWinsOverEveryOtherKeyword() {
        DmnDecisionResultEntries result = classify("独居老人家中燃气泄漏");

        assertThat((String) result.getEntry("category")).isEqualTo("SAFETY");
        assertThat((String) result.getEntry("urgency")).isEqualTo("URGENT");
    }

    @Test
    void aBrokenFacilityWinsOverWhoIsAffected() {
        DmnDecisionResultEntries result = classify("楼道路灯坏了一周，独居老人夜里上下楼不安全");

        assertThat((String) result.getEntry("category")).isEqualTo("FACILITIES");
        assertThat((String) result.getEntry("urgency")).isEqualTo("NORMAL");
    }

    @Test
    void lonelyElderlyLivingAloneIsElderlyCareNotMentalHealth() {
        DmnDecisionResultEntries result = classify("独居老人很孤独");

        assertThat((String) result.getEntry("category")).isEqualTo("ELDERLY_CARE");
        assertThat((String) result.getEntry("urgency")).isEqualTo("HIGH");
    }

    @Test
    void neighbourDisputeMediationIsNeighbourDisputeNotLegalAid() {
        assertThat((String) classify("邻里纠纷调解").getEntry("category")).isEqualTo("NEIGHBOR_DISPUTE");
    }

    @Test
    void squareDanceNoiseIsNeighbourDispute() {
        assertThat((String) classify("广场舞噪音太大").getEntry("category")).isEqualTo("NEIGHBOR_DISPUTE");
    }

    @Test
    void classifiesMissingTextAsOtherWithNormalUrgency() {
        DmnDecisionResultEntries result = classify(null);

        assertThat((String) result.getEntry("category")).isEqualTo("OTHER");
        assertThat((String) result.getEntry("urgency")).isEqualTo("NORMAL");
    }

    @Test
    void classifiesEmptyTextAsOther() {
        assertThat((String) classify("").getEntry("category")).isEqualTo("OTHER");
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
