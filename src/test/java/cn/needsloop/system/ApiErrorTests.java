package cn.needsloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.needsloop.support.Api;
import cn.needsloop.support.Api.Response;
import cn.needsloop.support.ApiTest;

/**
 * The error contract of the API: RFC 9457 problems for 400, 401, 403, 404 and 409, in Chinese for
 * {@code Accept-Language: zh-CN} and in English otherwise, and none of them changes any data.
 */
class ApiErrorTests extends ApiTest {

	private static Map<String, Object> invalidNeed() {
		Map<String, Object> body = Api.needBody("xingfu", "", "描述", 0);
		body.put("reporterPhone", "call me");
		return body;
	}

	// ---------------------------------------------------------------- 401

	@Test
	void answersUnauthorizedWithoutCredentialsInTheCallersLanguage() {
		Response english = api.anonymous().get("/api/needs").expectProblem(401);
		assertThat(english.path("title").asText()).isEqualTo("Sign-in required");
		assertThat(english.path("detail").asText()).isEqualTo("Sign in with your user name and password (HTTP Basic).");
		assertThat(english.path("type").asText()).isEqualTo("https://needsloop.cn/problems/unauthorized");
		assertThat(english.header("WWW-Authenticate")).startsWith("Basic");

		Response chinese = api.anonymous().language("zh-CN").get("/api/needs").expectProblem(401);
		assertThat(chinese.path("title").asText()).isEqualTo("请先登录");
		assertThat(chinese.path("detail").asText()).isEqualTo("请使用用户名和密码登录（HTTP Basic）。");
	}

	@Test
	void answersUnauthorizedForUnknownUserAndChangesNothing() {
		long before = api.needCount();
		// an unknown user: a demo user's wrong passwords would count towards a pause (SignInThrottle)
		api.as("ghost").password("wrong").post("/api/needs", Api.needBody("xingfu", "标题", "描述", 1))
			.expectProblem(401);
		api.anonymous().post("/api/needs", Api.needBody("xingfu", "标题", "描述", 1)).expectProblem(401);
		assertThat(api.needCount()).isEqualTo(before);
	}

	// ---------------------------------------------------------------- 403

	@Test
	void answersForbiddenOutsideTheRightGroupAndChangesNothing() {
		long id = api.reportedNeed("越权核实");
		JsonNode before = api.need(id);
		Response english = api.verify("resident1", id, "GENUINE").expectProblem(403);
		assertThat(english.path("title").asText()).isEqualTo("Not allowed");
		assertThat(english.path("detail").asText())
			.isEqualTo("Only a steward of the need's community can do this for need " + id + ".");
		assertThat(english.path("code").asText()).isEqualTo("problem.need.stewardOnly");
		Response chinese = api.as("steward2").language("zh-CN")
			.post("/api/needs/" + id + "/verification", Map.of("verdict", "GENUINE", "note", "越权"))
			.expectProblem(403);
		assertThat(chinese.path("title").asText()).isEqualTo("无权操作");
		assertThat(chinese.path("detail").asText()).isEqualTo("只有该社区的民需管家可以办理民需 " + id + " 的这一步骤。");
		api.assertNeedUnchanged(id, before);
	}

	// ---------------------------------------------------------------- 404

	@Test
	void answersNotFoundForUnknownIds() {
		Response need = api.as("manager1").get("/api/needs/987654321").expectProblem(404);
		assertThat(need.path("title").asText()).isEqualTo("Not found");
		assertThat(need.path("detail").asText()).isEqualTo("There is no need 987654321.");
		assertThat(need.path("type").asText()).isEqualTo("https://needsloop.cn/problems/not-found");
		assertThat(api.as("manager1").language("zh-CN").get("/api/needs/987654321").expectProblem(404).path("detail")
			.asText()).isEqualTo("不存在编号为 987654321 的民需。");
		assertThat(api.as("manager1").get("/api/projects/987654321").expectProblem(404).path("detail").asText())
			.isEqualTo("There is no service project 987654321.");
		api.verify("steward1", 987654321L, "GENUINE").expectProblem(404);
		api.claim("org1", 987654321L).expectProblem(404);
	}

	// ---------------------------------------------------------------- 409

	@Test
	void answersConflictForAStepThatIsNotTheCurrentOneAndChangesNothing() {
		long id = api.reportedNeed("尚在核实");
		JsonNode before = api.need(id);
		Response english = api.classify("steward1", id, "SAFETY", "URGENT", "INDIVIDUAL").expectProblem(409);
		assertThat(english.path("title").asText()).isEqualTo("Not possible now");
		assertThat(english.path("detail").asText()).isEqualTo("Need " + id + " is not waiting for classification.");
		assertThat(english.path("type").asText()).isEqualTo("https://needsloop.cn/problems/conflict");
		assertThat(english.path("instance").asText()).isEqualTo("/api/needs/" + id + "/classification");
		Response chinese = api.as("steward1").language("zh-CN")
			.post("/api/needs/" + id + "/classification", Map.of("category", "SAFETY", "urgency", "URGENT", "scope", "INDIVIDUAL"))
			.expectProblem(409);
		assertThat(chinese.path("title").asText()).isEqualTo("当前无法办理");
		assertThat(chinese.path("detail").asText()).isEqualTo("民需 " + id + " 当前不在分类环节。");
		api.assertNeedUnchanged(id, before);
		assertThat(before.path("phase").asText()).isEqualTo("DISCOVER");
		assertThat(before.path("category").isNull()).isTrue();
	}

	// ---------------------------------------------------------------- 400

	@Test
	void namesEveryInvalidFieldInEnglish() {
		long before = api.needCount();
		Response problem = api.as("resident1").post("/api/needs", invalidNeed()).expectProblem(400);
		assertThat(problem.path("title").asText()).isEqualTo("Invalid input");
		assertThat(problem.path("type").asText()).isEqualTo("https://needsloop.cn/problems/invalid");
		assertThat(problem.path("instance").asText()).isEqualTo("/api/needs");
		assertThat(problem.errorFields()).containsExactlyInAnyOrder("title", "reporterPhone", "householdCount");
		assertThat(problem.errorMessage("title")).isEqualTo("must not be blank");
		assertThat(problem.errorMessage("reporterPhone")).isEqualTo("must be a phone number (digits, +, - and spaces)");
		assertThat(problem.errorMessage("householdCount")).isEqualTo("must be greater than or equal to 1");
		assertThat(problem.path("detail").asText()).startsWith("Please correct these fields: ").contains("title");
		assertThat(api.needCount()).isEqualTo(before);
	}

	@Test
	void namesEveryInvalidFieldInChinese() {
		long before = api.needCount();
		Response problem = api.as("resident1").language("zh-CN").post("/api/needs", invalidNeed()).expectProblem(400);
		assertThat(problem.path("title").asText()).isEqualTo("输入有误");
		assertThat(problem.errorFields()).containsExactlyInAnyOrder("title", "reporterPhone", "householdCount");
		assertThat(problem.errorMessage("title")).isEqualTo("不能为空");
		assertThat(problem.errorMessage("reporterPhone")).isEqualTo("须为电话号码（数字、+、- 和空格）");
		assertThat(problem.errorMessage("householdCount")).isEqualTo("最小不能小于1");
		assertThat(problem.path("detail").asText()).startsWith("请更正以下字段：");
		assertThat(api.needCount()).isEqualTo(before);
	}

	@Test
	void namesDomainRuleViolationsInBothLanguages() {
		Map<String, Object> body = Api.needBody("atlantis", "标题", "描述", 1);
		Response english = api.as("resident1").post("/api/needs", body).expectProblem(400);
		assertThat(english.errorMessage("communityCode")).isEqualTo("There is no community 'atlantis'.");
		assertThat(english.path("code").asText()).isEqualTo("problem.invalid");
		Response chinese = api.as("resident1").language("zh-CN").post("/api/needs", body).expectProblem(400);
		assertThat(chinese.errorMessage("communityCode")).isEqualTo("不存在社区“atlantis”。");
	}

	@Test
	void rejectsMalformedJson() {
		long before = api.needCount();
		Response english = api.as("resident1").postRaw("/api/needs", "{\"communityCode\": \"xingfu\", ").expectProblem(400);
		assertThat(english.errorFields()).containsExactly("body");
		assertThat(english.errorMessage("body")).isEqualTo("The request body is not valid JSON.");
		Response chinese = api.as("resident1").language("zh-CN").postRaw("/api/needs", "not json").expectProblem(400);
		assertThat(chinese.errorMessage("body")).isEqualTo("请求内容不是有效的 JSON。");
		assertThat(api.needCount()).isEqualTo(before);
	}

	@Test
	void rejectsUnknownEnumValues() {
		long before = api.needCount();
		Map<String, Object> body = Api.needBody("xingfu", "标题", "描述", 1);
		body.put("channel", "FAX");
		Response english = api.as("resident1").post("/api/needs", body).expectProblem(400);
		assertThat(english.errorFields()).containsExactly("channel");
		assertThat(english.errorMessage("channel")).isEqualTo("'FAX' is not an allowed value here.");
		Response chinese = api.as("resident1").language("zh-CN").post("/api/needs", body).expectProblem(400);
		assertThat(chinese.errorMessage("channel")).isEqualTo("“FAX”不是此处允许的取值。");

		long id = api.reportedNeed("核实取值");
		JsonNode need = api.need(id);
		assertThat(api.verify("steward1", id, "MAYBE").expectProblem(400).errorFields()).containsExactly("verdict");
		api.assertNeedUnchanged(id, need);
		assertThat(api.needCount()).isEqualTo(before + 1);
	}

	@Test
	void rejectsValuesOfTheWrongType() {
		Map<String, Object> body = Api.needBody("xingfu", "标题", "描述", 1);
		body.put("householdCount", "many");
		assertThat(api.as("resident1").post("/api/needs", body).expectProblem(400).errorFields())
			.containsExactly("householdCount");
		assertThat(api.as("manager1").get("/api/needs?phase=SOMEWHERE").expectProblem(400).errorFields())
			.containsExactly("phase");
		assertThat(api.as("manager1").get("/api/needs/abc").expectProblem(400).errorFields()).containsExactly("id");
	}
}
