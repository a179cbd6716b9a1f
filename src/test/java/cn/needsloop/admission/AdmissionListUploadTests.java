package cn.needsloop.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import cn.needsloop.support.Api;
import cn.needsloop.support.Api.Response;
import cn.needsloop.support.ApiTest;

/**
 * A manager's revised admission list is a decision table the engine evaluates, so it may hold nothing the engine
 * would run: FEEL only, outputs plain values, inputs the process provides, the shipped table's structure. Each
 * malicious or broken table below is refused with a 400 that names the rule (row and id) and the column, in
 * English and Chinese, and the list in force stays the one it was (no new deployment, no new version).
 */
class AdmissionListUploadTests extends ApiTest {

	private static final String LIST = "/api/work-items/admission-list";

	@Autowired
	RepositoryService repository;

	@Autowired
	IdentityService identity;

	static String shipped() {
		try (InputStream in = AdmissionListUploadTests.class.getResourceAsStream("/processes/work-item-admission.dmn")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Replaces the first {@code old} in the shipped table, failing when it is not there. */
	static UnaryOperator<String> replace(String old, String replacement) {
		return xml -> {
			assertThat(xml).as("the shipped table holds what the test changes").contains(old);
			return xml.replaceFirst(java.util.regex.Pattern.quote(old), java.util.regex.Matcher.quoteReplacement(replacement));
		};
	}

	private static final String OUT3_OF_RULE_2 = """
			<outputEntry id="rule_workItemAdmission_minLivingAllowance_out3">
			          <text>"《社区工作事项准入清单》第1项：居民最低生活保障申请受理与入户调查初审（依据《社会救助暂行办法》第十一条）"</text>""";

	static Stream<Arguments> maliciousTables() {
		return Stream.of(
				Arguments.of("a JUEL output that calls a Spring bean", replace(OUT3_OF_RULE_2, """
						<outputEntry id="rule_workItemAdmission_minLivingAllowance_out3" expressionLanguage="juel">
						          <text>${identityService.saveUser(identityService.newUser("pwned"))}</text>"""),
						"In rule 2 (rule_workItemAdmission_minLivingAllowance), column \"依据\": only FEEL is allowed, not the expression language \"juel\".",
						"第 2 条规则（rule_workItemAdmission_minLivingAllowance）的“依据”列：只允许 FEEL，不允许表达式语言“juel”。"),
				Arguments.of("a JavaScript output", replace("""
						<outputEntry id="rule_workItemAdmission_census_out1">
						          <text>true</text>""", """
						<outputEntry id="rule_workItemAdmission_census_out1" expressionLanguage="javascript">
						          <text>java.lang.Runtime.getRuntime().exec("touch /tmp/pwned") != null</text>"""),
						"In rule 14 (rule_workItemAdmission_census), column \"是否准入\": only FEEL is allowed, not the expression language \"javascript\".",
						"第 14 条规则（rule_workItemAdmission_census）的“是否准入”列：只允许 FEEL，不允许表达式语言“javascript”。"),
				Arguments.of("a Groovy condition", replace("""
						<inputEntry id="rule_workItemAdmission_election_in1">""", """
						<inputEntry id="rule_workItemAdmission_election_in1" expressionLanguage="groovy">"""),
						"In rule 15 (rule_workItemAdmission_election), column \"清单事项代码\": only FEEL is allowed, not the expression language \"groovy\".",
						"第 15 条规则（rule_workItemAdmission_election）的“清单事项代码”列：只允许 FEEL，不允许表达式语言“groovy”。"),
				Arguments.of("JUEL for the whole file", replace("namespace=\"https://needsloop.cn/dmn\"",
						"namespace=\"https://needsloop.cn/dmn\" expressionLanguage=\"juel\""),
						"In element <definitions id=\"definitions_workItemAdmission\">: only FEEL is allowed, not the expression language \"juel\".",
						"元素 <definitions id=\"definitions_workItemAdmission\">：只允许 FEEL，不允许表达式语言“juel”。"),
				Arguments.of("an input the process does not provide", replace("<text>itemType</text>",
						"<text>identityService</text>"),
						"In input column \"清单事项代码\": \"identityService\" is not one of the inputs the process provides (itemType, text).",
						"输入列“清单事项代码”：“identityService”不是流程提供的输入（itemType, text）。"),
				Arguments.of("a function call in an output", replace("<text>\"ZR-02\"</text>", "<text>string(now())</text>"),
						"In rule 3 (rule_workItemAdmission_specialHardship), column \"规则编号\": a result must be a plain value (text in quotes), not an expression: \"string(now())\".",
						"第 3 条规则（rule_workItemAdmission_specialHardship）的“规则编号”列：结果只能是普通的值（带引号的文字），不能是表达式：“string(now())”。"),
				Arguments.of("a variable in an output", replace("<text>\"ZR-03\"</text>", "<text>text</text>"),
						"In rule 4 (rule_workItemAdmission_elderlyAllowance), column \"规则编号\": a result must be a plain value (text in quotes), not an expression: \"text\".",
						"第 4 条规则（rule_workItemAdmission_elderlyAllowance）的“规则编号”列：结果只能是普通的值（带引号的文字），不能是表达式：“text”。"),
				Arguments.of("a variable in a condition", replace("<text>contains(?, \"特困\")</text>",
						"<text>contains(?, itemType)</text>"),
						"In rule 27 (rule_workItemAdmission_specialHardshipByKeyword), column \"事项名称与依据\": \"itemType\" is not allowed in a condition",
						"第 27 条规则（rule_workItemAdmission_specialHardshipByKeyword）的“事项名称与依据”列：条件中不允许“itemType”"),
				Arguments.of("a Camunda extension attribute", replace("<input id=\"input_workItemAdmission_text\"",
						"<input id=\"input_workItemAdmission_text\" camunda:inputVariable=\"identityService\""),
						"In input column \"事项名称与依据\": camunda:inputVariable is not allowed in an uploaded decision table.",
						"输入列“事项名称与依据”：上传的决策表中不允许 camunda:inputVariable。"),
				Arguments.of("a second decision", replace("  <dmndi:DMNDI>", """
						  <decision id="other" name="其他">
						    <literalExpression id="literal_other"><text>1</text></literalExpression>
						  </decision>
						  <dmndi:DMNDI>"""),
						"<literalExpression> is not allowed in an uploaded decision table.",
						"上传的决策表中不允许 <literalExpression>。"),
				Arguments.of("another hit policy", replace("hitPolicy=\"FIRST\"", "hitPolicy=\"COLLECT\""),
						"The hit policy must stay FIRST (found COLLECT).", "命中策略须保持为 FIRST（现为 COLLECT）。"),
				Arguments.of("a text for a yes or no", replace("""
						<outputEntry id="rule_workItemAdmission_specialHardship_out1">
						          <text>true</text>""", """
						<outputEntry id="rule_workItemAdmission_specialHardship_out1">
						          <text>"yes"</text>"""),
						"In rule 3 (rule_workItemAdmission_specialHardship), column \"是否准入\": the result must be true or false, not \"\"yes\"\".",
						"第 3 条规则（rule_workItemAdmission_specialHardship）的“是否准入”列：结果须为true 或 false，不能是“\"yes\"”。"),
				Arguments.of("a rule number longer than its column", replace("<text>\"ZR-05\"</text>",
						"<text>\"" + "Z".repeat(41) + "\"</text>"),
						"In rule 6 (rule_workItemAdmission_familyPlanning), column \"规则编号\": the result may have at most 40 characters.",
						"第 6 条规则（rule_workItemAdmission_familyPlanning）的“规则编号”列：结果最多 40 个字符。"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("maliciousTables")
	void refusesTheTableNamingRuleAndCellAndKeepsTheListInForce(String what, UnaryOperator<String> change,
			String english, String chinese) {
		String xml = change.apply(shipped());
		int version = api.as("manager1").get(LIST).expect(200).path("version").asInt();
		long deployments = repository.createDeploymentQuery().count();

		Response refused = api.as("manager1").post(LIST, Map.of("dmnXml", xml)).expectProblem(400);
		assertThat(refused.errorFields()).containsOnly("dmnXml");
		assertThat(refused.body()).as(what).contains(json(english));
		Response zh = api.as("manager1").language("zh-CN").post(LIST, Map.of("dmnXml", xml)).expectProblem(400);
		assertThat(zh.body()).as(what).contains(json(chinese));

		assertThat(api.as("manager1").get(LIST).expect(200).path("version").asInt()).isEqualTo(version);
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
		assertThat(identity.createUserQuery().userId("pwned").count()).as("no bean was called").isZero();
	}

	@Test
	void refusesAFileWithADoctypeReadingNothingFromTheServer() {
		String xml = shipped().replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", """
				<?xml version="1.0" encoding="UTF-8"?>
				<!DOCTYPE definitions [<!ENTITY secret SYSTEM "file:///etc/passwd">]>""").replace("<text>\"ZR-01\"</text>",
				"<text>\"&secret;\"</text>");
		long deployments = repository.createDeploymentQuery().count();

		Response refused = api.as("manager1").post(LIST, Map.of("dmnXml", xml)).expectProblem(400);

		assertThat(refused.errorFields()).containsOnly("dmnXml");
		assertThat(refused.body()).doesNotContain("root:");
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
	}

	@Test
	void namesEveryBrokenCellAtOnce() {
		String xml = replace("<text>\"ZR-02\"</text>", "<text>string(now())</text>")
			.andThen(replace("<text>\"ZR-03\"</text>", "<text>text</text>"))
			.apply(shipped());

		Response refused = api.as("manager1").post(LIST, Map.of("dmnXml", xml)).expectProblem(400);

		assertThat(refused.json().path("errors")).hasSize(2);
		assertThat(refused.body()).contains("rule 3 (rule_workItemAdmission_specialHardship)")
			.contains("rule 4 (rule_workItemAdmission_elderlyAllowance)");
	}

	@Test
	void deploysATableOfPlainValuesWithAnotherRule() {
		int version = api.as("manager1").get(LIST).expect(200).path("version").asInt();
		String row = """
				      <rule id="rule_workItemAdmission_libraryService">
				        <description>新增：社区图书室借阅服务。</description>
				        <inputEntry id="rule_workItemAdmission_libraryService_in1">
				          <text>"LIBRARY_SERVICE", "READING_ROOM"</text>
				        </inputEntry>
				        <inputEntry id="rule_workItemAdmission_libraryService_in2">
				          <text>contains(?, "图书") and string length(?) &lt; 2000</text>
				        </inputEntry>
				        <outputEntry id="rule_workItemAdmission_libraryService_out1">
				          <text>true</text>
				        </outputEntry>
				        <outputEntry id="rule_workItemAdmission_libraryService_out2">
				          <text>"ZR-90"</text>
				        </outputEntry>
				        <outputEntry id="rule_workItemAdmission_libraryService_out3">
				          <text>"新增：社区图书室借阅服务（\\"书香社区\\"）"</text>
				        </outputEntry>
				      </rule>
				""";
		String anchor = "      <rule id=\"rule_workItemAdmission_notListed\">";
		String xml = replace(anchor, row + anchor).apply(shipped());

		api.as("manager1").post(LIST, Map.of("dmnXml", xml)).expect(201);

		assertThat(api.as("manager1").get(LIST).expect(200).path("version").asInt()).isEqualTo(version + 1);
		Map<String, Object> item = new java.util.HashMap<>();
		item.put("department", "市文旅局");
		item.put("title", "社区图书室借阅 " + Api.unique());
		item.put("legalBasis", "公共图书馆法");
		item.put("itemType", "READING_ROOM");
		item.put("communityCodes", java.util.List.of("xingfu"));
		item.put("purchasedService", false);
		Response admitted = api.as("dept1").post("/api/work-items", item).expect(201);
		assertThat(admitted.path("status").asText()).isEqualTo("ADMITTED");
		assertThat(admitted.path("ruleId").asText()).isEqualTo("ZR-90");
	}

	/** A text as it appears inside a JSON string: quotes escaped. */
	private static String json(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}
}
