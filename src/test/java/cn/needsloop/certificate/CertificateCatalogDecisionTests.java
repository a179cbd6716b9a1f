package cn.needsloop.certificate;

import cn.needsloop.support.Dmn;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Row-by-row tests of {@code certificate-catalog.dmn}: decision {@code certificateCatalog}.
 */
class CertificateCatalogDecisionTests {

    private static final DmnEngine DMN_ENGINE = Dmn.ENGINE;

    private static DmnDecision certificateCatalog;

    @BeforeAll
    static void parseDecision() throws IOException {
        try (InputStream dmn = CertificateCatalogDecisionTests.class.getResourceAsStream("/processes/certificate-catalog.dmn")) {
            assertThat(dmn).as("certificate-catalog.dmn on the classpath").isNotNull();
            certificateCatalog = DMN_ENGINE.parseDecision("certificateCatalog", dmn);
        }
    }

    private static DmnDecisionResultEntries catalog(String kind) {
        return DMN_ENGINE.evaluateDecision(certificateCatalog, Variables.createVariables().putValue("kind", kind))
                .getSingleResult();
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
            "RESIDENCE, 居住证明",
            "KINSHIP, 亲属关系证明",
            "FAMILY_ECONOMIC_HARDSHIP, 家庭经济困难证明",
            "SURVIVAL, 生存证明",
            "NOT_REMARRIED, 未再婚证明",
            "ONLY_CHILD, 独生子女证明",
            "GUARDIANSHIP, 监护情况证明",
            "HOUSEHOLD_MEMBERS, 家庭成员共同生活证明",
            "DEATH_AT_HOME, 居家死亡情况证明",
            "MILITARY_FAMILY, 军属身份及生活情况证明",
            "DISABLED_LIVING_CONDITION, 困难残疾人生活状况证明",
            "SCHOOL_RESIDENCE, 适龄儿童入学实际居住证明",
            "LEFT_BEHIND_CHILD, 留守儿童、困境儿童情况证明",
            "HOMESTEAD_USE, 农村宅基地使用情况证明",
            "RENTAL_RESIDENCE, 出租房屋居住情况证明",
    })
    void listsTheFifteenKindsACommunityStillIssues(String kind, String name) {
        DmnDecisionResultEntries result = catalog(kind);
        assertThat((Boolean) result.getEntry("listed")).isTrue();
        assertThat((String) result.getEntry("kindName")).isEqualTo(name);
        assertThat((String) result.getEntry("ruleText")).startsWith("属于烟台市社区证明材料清单（15项）第");
        assertThat((Object) result.getEntry("referTo")).isNull();
    }

    @Test
    void listsExactlyFifteenKinds() {
        List<String> kinds = List.of("RESIDENCE", "KINSHIP", "FAMILY_ECONOMIC_HARDSHIP", "SURVIVAL", "NOT_REMARRIED", "ONLY_CHILD", "GUARDIANSHIP", "HOUSEHOLD_MEMBERS", "DEATH_AT_HOME", "MILITARY_FAMILY", "DISABLED_LIVING_CONDITION", "SCHOOL_RESIDENCE", "LEFT_BEHIND_CHILD", "HOMESTEAD_USE", "RENTAL_RESIDENCE");
        assertThat(kinds).doesNotHaveDuplicates().hasSize(15);
        assertThat(kinds).allSatisfy(kind -> assertThat((Boolean) catalog(kind).getEntry("listed")).isTrue());
    }

    @ParameterizedTest(name = "[{index}] {0} -> {2}")
    @CsvSource({
            "CRIMINAL_RECORD, 无犯罪记录证明, 户籍地或居住",
            "BIRTH, 出生证明, 出生时所在医",
            "MARITAL_STATUS, 婚姻状况证明, 民政部门婚姻",
            "PROPERTY, 房产证明, 不动产登记中",
            "INCOME, 收入证明, 工作单位或税",
            "HOUSEHOLD_REGISTRATION, 户籍证明, 户籍所在地公",
            "DEATH_IN_HOSPITAL, 医院内死亡证明, 死亡时所在医",
            "GOOD_CONDUCT, 品行（表现）证明, 已取消",
            "UNEMPLOYMENT, 失业证明, 公共就业服务",
            "HEALTH, 健康证明, 具备资质的医",
    })
    void refersCommonUnlistedKindsToWhereTheyAreIssued(String kind, String name, String referToStart) {
        DmnDecisionResultEntries result = catalog(kind);
        assertThat((Boolean) result.getEntry("listed")).isFalse();
        assertThat((String) result.getEntry("kindName")).isEqualTo(name);
        assertThat((String) result.getEntry("ruleText")).contains("不在社区证明材料清单（15项）内");
        assertThat((String) result.getEntry("referTo")).startsWith(referToStart);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(nullValues = "null", value = {"TRAVEL_PERMIT", "ANYTHING_ELSE", "null"})
    void answersAnyOtherKindWithTheRuleAndTheHotline(String kind) {
        DmnDecisionResultEntries result = catalog(kind);
        assertThat((Boolean) result.getEntry("listed")).isFalse();
        assertThat((Object) result.getEntry("kindName")).isNull();
        assertThat((String) result.getEntry("ruleText")).contains("社区不再出具");
        assertThat((String) result.getEntry("referTo")).contains("12345");
    }
}
