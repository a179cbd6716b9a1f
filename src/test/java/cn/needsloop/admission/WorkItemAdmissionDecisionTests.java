package cn.needsloop.admission;

import cn.needsloop.support.Dmn;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Row-by-row tests of {@code work-item-admission.dmn}: decision {@code workItemAdmission}.
 */
class WorkItemAdmissionDecisionTests {

    private static final DmnEngine DMN_ENGINE = Dmn.ENGINE;

    private static DmnDecision workItemAdmission;

    @BeforeAll
    static void parseDecision() throws IOException {
        try (InputStream dmn = WorkItemAdmissionDecisionTests.class.getResourceAsStream("/processes/work-item-admission.dmn")) {
            assertThat(dmn).as("work-item-admission.dmn on the classpath").isNotNull();
            workItemAdmission = DMN_ENGINE.parseDecision("workItemAdmission", dmn);
        }
    }

    private static DmnDecisionResultEntries decide(String itemType, String text) {
        return DMN_ENGINE.evaluateDecision(workItemAdmission, Variables.createVariables()
                        .putValue("itemType", itemType)
                        .putValue("text", text))
                .getSingleResult();
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
            "MIN_LIVING_ALLOWANCE, ZR-01, 居民最低生活保障申请受理与入户调查初审",
            "SPECIAL_HARDSHIP, ZR-02, 特困人员救助供养申请受理与初审",
            "ELDERLY_ALLOWANCE, ZR-03, 80周岁以上老年人高龄津贴申领受理",
            "ELDERLY_CARE_SURVEY, ZR-04, 居家社区养老服务需求摸底与探访关爱",
            "FAMILY_PLANNING, ZR-05, 计划生育服务与奖励扶助对象信息初审",
            "VETERAN_SERVICE, ZR-06, 退役军人服务站服务与优抚对象信息采集",
            "DISABILITY_CERTIFICATE, ZR-07, 残疾人证办理协助与残疾人两项补贴申请受理",
            "EMPLOYMENT_REGISTRATION, ZR-08, 就业困难人员认定登记与就业创业服务",
            "MEDICAL_INSURANCE, ZR-09, 城乡居民基本医疗保险参保登记协助",
            "COMMUNITY_CORRECTION, ZR-10, 社区矫正对象日常帮教协助",
            "PEOPLE_MEDIATION, ZR-11, 人民调解与矛盾纠纷排查化解",
            "FIRE_SAFETY_PUBLICITY, ZR-12, 消防安全宣传与群防群治",
            "CENSUS, ZR-13, 人口普查、经济普查等法定统计调查入户配合",
            "ELECTION, ZR-14, 村（居）民委员会选举与人大代表选举选民登记",
            "PUBLIC_HEALTH, ZR-15, 爱国卫生运动与传染病防控宣传配合",
            "CHILD_PROTECTION, ZR-16, 困境儿童、留守儿童关爱保护与信息报告",
    })
    void admitsEveryItemOfTheListByItsCode(String itemType, String ruleId, String name) {
        DmnDecisionResultEntries result = decide(itemType, "协助开展相关工作 依据有关规定");
        assertThat((Boolean) result.getEntry("admitted")).isTrue();
        assertThat((String) result.getEntry("ruleId")).isEqualTo(ruleId);
        assertThat((String) result.getEntry("ruleText"))
                .startsWith("《社区工作事项准入清单》第" + Integer.parseInt(ruleId.substring(3)) + "项：")
                .contains(name);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
            "MIN_LIVING_ALLOWANCE, 2026年低保工作考核指标",
            "CENSUS, 人口普查入户率排名",
            "FIRE_SAFETY_PUBLICITY, 签订消防安全责任书",
            ", 社区签订创卫承诺书",
    })
    void refusesQuotasPledgesAndAssessmentsWhateverTheCode(String itemType, String text) {
        DmnDecisionResultEntries result = decide(itemType, text);
        assertThat((Boolean) result.getEntry("admitted")).isFalse();
        assertThat((String) result.getEntry("ruleId")).isEqualTo("JZ-01");
        assertThat((String) result.getEntry("ruleText")).contains("派任务、下指标、签承诺、乱考核");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
            "ADMINISTRATIVE_ENFORCEMENT, JZ-02",
            "TAX_AND_FEE_COLLECTION, JZ-03",
            "LAND_ACQUISITION, JZ-04",
            "CREATION_INSPECTION, JZ-05",
    })
    void refusesTheNegativeListByCode(String itemType, String ruleId) {
        DmnDecisionResultEntries result = decide(itemType, "配合开展相关工作");
        assertThat((Boolean) result.getEntry("admitted")).isFalse();
        assertThat((String) result.getEntry("ruleId")).isEqualTo(ruleId);
        assertThat((String) result.getEntry("ruleText")).contains("不得交由社区落实");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
            "协助查处违法建设, JZ-02",
            "代征城市垃圾处理费征缴, JZ-03",
            "协助开展招商引资, JZ-03",
            "老旧小区拆迁动员, JZ-04",
            "文明城市创建达标台账报送, JZ-05",
    })
    void refusesTheNegativeListByKeywordWithoutCode(String text, String ruleId) {
        DmnDecisionResultEntries result = decide(null, text);
        assertThat((Boolean) result.getEntry("admitted")).isFalse();
        assertThat((String) result.getEntry("ruleId")).isEqualTo(ruleId);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
            "居民最低生活保障申请初审 《社会救助暂行办法》, ZR-01",
            "特困人员供养申请受理, ZR-02",
            "高龄津贴申领受理, ZR-03",
            "独居老人探访关爱, ZR-04",
            "计划生育奖励扶助对象初审, ZR-05",
            "退役军人信息采集, ZR-06",
            "残疾人证办理协助, ZR-07",
            "就业困难人员认定, ZR-08",
            "居民医保参保登记, ZR-09",
            "社区矫正对象帮教, ZR-10",
            "人民调解员培训, ZR-11",
            "消防安全宣传进社区, ZR-12",
            "第八次人口普查入户登记, ZR-13",
            "人大代表换届选举选民登记, ZR-14",
            "爱国卫生月活动, ZR-15",
            "留守儿童关爱, ZR-16",
    })
    void fallsBackToKeywordsOfTitleAndLegalBasis(String text, String ruleId) {
        DmnDecisionResultEntries result = decide(null, text);
        assertThat((Boolean) result.getEntry("admitted")).isTrue();
        assertThat((String) result.getEntry("ruleId")).isEqualTo(ruleId);
    }

    @Test
    void usesKeywordsWhenTheCodeIsNotOnTheList() {
        assertThat((String) decide("SOMETHING_NEW", "低保家庭入户调查").getEntry("ruleId")).isEqualTo("ZR-01");
    }

    @ParameterizedTest(name = "[{index}] {0} / {1}")
    @CsvSource(nullValues = "null", value = {
            "null, 统计辖区企业经营数据 依据市统计局通知",
            "ENTERPRISE_STATISTICS, 企业经营情况统计",
            "null, null",
    })
    void refusesEverythingElseWithTheAdmissionRule(String itemType, String text) {
        DmnDecisionResultEntries result = decide(itemType, text);
        assertThat((Boolean) result.getEntry("admitted")).isFalse();
        assertThat((String) result.getEntry("ruleId")).isEqualTo("WLR");
        assertThat((String) result.getEntry("ruleText"))
                .isEqualTo("未列入《社区工作事项准入清单》，依据烟台市社区工作事项准入制度不得交由社区落实；确需在社区开展的，可以购买服务方式委托基层群众性自治组织办理");
    }
}
