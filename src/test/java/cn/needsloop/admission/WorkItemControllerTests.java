package cn.needsloop.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.needsloop.support.Api.Response;
import cn.needsloop.support.ApiTest;

/** The work-item API over HTTP, errors included. */
class WorkItemControllerTests extends ApiTest {

	@Test
	void refusesADepartmentsUnlistedItemWithTheRule() {
		Response created = api.as("manager1").post("/api/work-items",
				item("市统计局", "统计辖区企业经营数据", "市统计局年度统计调查通知", null, false, null));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Location")).isEqualTo("/api/work-items/" + created.json().get("id").asLong());
		JsonNode item = api.as("manager1").get(created.header("Location")).json();
		assertThat(item.get("status").asText()).isEqualTo("REFUSED");
		assertThat(item.get("admitted").asBoolean()).isFalse();
		assertThat(item.get("ruleId").asText()).isEqualTo("WLR");
		assertThat(item.get("ruleText").asText()).startsWith("未列入《社区工作事项准入清单》，依据烟台市社区工作事项准入制度不得交由社区落实");
		assertThat(item.get("decisionDefinitionKey").asText()).isEqualTo("workItemAdmission");
		assertThat(item.get("decisionVersion").asInt()).isPositive();
		assertThat(item.get("decisionDefinitionId").asText()).startsWith("workItemAdmission:");
	}

	@Test
	void admitsAListedItemAndShowsTheRuleToTheCommunitysSelfGovernanceLine() {
		Response created = api.as("manager1").post("/api/work-items",
				item("市退役军人事务局", "优抚对象信息采集", "《退役军人保障法》第八条", "VETERAN_SERVICE", false, null));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("status").asText()).isEqualTo("ADMITTED");
		JsonNode seen = api.as("selfgov1").get("/api/work-items/" + created.json().get("id").asLong())
			.json();
		assertThat(seen.get("ruleId").asText()).isEqualTo("ZR-06");
		assertThat(seen.get("ruleText").asText()).startsWith("《社区工作事项准入清单》第6项");
	}

	@Test
	void managerApprovesAPurchasedServiceContract() {
		long id = api.as("manager1").post("/api/work-items",
				item("市住建局", "老旧小区改造居民意见征集", "改造实施方案", null, true, 50000)).json().get("id").asLong();
		assertThat(api.as("manager1").get("/api/work-items/" + id).json().get("status").asText())
			.isEqualTo("CONTRACT_REVIEW");

		Response bySteward = api.as("steward1").post("/api/work-items/" + id + "/contract-review",
				Map.of("approved", true, "note", "同意"));
		assertThat(bySteward.status()).isEqualTo(403);

		Response reviewed = api.as("manager1").post("/api/work-items/" + id + "/contract-review",
				Map.of("approved", true, "note", "经费已落实，同意签订购买服务合同"));
		assertThat(reviewed.status()).isEqualTo(200);
		assertThat(reviewed.json().get("status").asText()).isEqualTo("PURCHASED_SERVICE");
		assertThat(reviewed.json().get("contractReviewedBy").asText()).isEqualTo("manager1");
	}

	@Test
	void managerRejectsAPurchasedServiceContractAndTheItemIsRefused() {
		long id = api.as("manager1").post("/api/work-items",
				item("市文旅局", "旅游景区客流统计", "工作安排", null, true, 3000)).json().get("id").asLong();

		Response reviewed = api.as("manager1").post("/api/work-items/" + id + "/contract-review",
				Map.of("approved", false, "note", "与社区职责无关"));

		assertThat(reviewed.json().get("status").asText()).isEqualTo("REFUSED");
		assertThat(reviewed.json().get("ruleId").asText()).isEqualTo("WLR");
		assertThat(reviewed.json().get("contractNote").asText()).isEqualTo("与社区职责无关");
		Response again = api.as("manager1").post("/api/work-items/" + id + "/contract-review",
				Map.of("approved", true, "note", "改为同意"));
		assertThat(again.status()).isEqualTo(409);
	}

	@Test
	void rejectsAnEmptySubmissionNamingEveryMissingField() {
		Response response = api.as("manager1").post("/api/work-items", Map.of());

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		assertThat(fields(response)).contains("department", "title", "legalBasis", "communityCodes", "purchasedService");
	}

	@Test
	void rejectsAPurchasedServiceWithoutFunding() {
		Response response = api.as("manager1").post("/api/work-items",
				item("市文旅局", "景区客流统计", "工作安排", null, true, null));

		assertThat(response.status()).isEqualTo(400);
		assertThat(fields(response)).containsExactly("fundingYuan");
		assertThat(response.json().get("code").asText()).isEqualTo("problem.invalid");
	}

	@Test
	void rejectsAnUnknownCommunityAndABadItemCode() {
		Map<String, Object> body = new java.util.HashMap<>(item("市民政局", "低保初审", "社会救助暂行办法", "low-income", false, null));
		body.put("communityCodes", List.of("atlantis"));
		assertThat(fields(api.as("manager1").post("/api/work-items", body))).containsExactly("itemType");

		body.put("itemType", "MIN_LIVING_ALLOWANCE");
		Response response = api.as("manager1").post("/api/work-items", body);
		assertThat(response.status()).isEqualTo(400);
		assertThat(fields(response)).containsExactly("communityCodes");
	}

	@Test
	void requiresSignIn() {
		Response anonymous = api.anonymous().get("/api/work-items/1");
		// an unknown user: a real one's wrong passwords would count towards a pause (SignInThrottle)
		Response wrongPassword = api.as("nobody").password("wrong").get("/api/work-items/1");

		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(wrongPassword.json().get("title").asText()).isEqualTo("Sign-in required");
	}

	@Test
	void onlyDepartmentsAndManagersSubmit() {
		Response response = api.as("resident1").post("/api/work-items",
				item("市民政局", "低保初审", "社会救助暂行办法", "MIN_LIVING_ALLOWANCE", false, null));

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().get("code").asText()).isEqualTo("problem.workItem.departmentOnly");
	}

	@Test
	void hidesAnItemFromThoseItDoesNotConcern() {
		long id = api.as("manager1").post("/api/work-items",
				item("市民政局", "高龄津贴申领受理", "老年人权益保障条例", "ELDERLY_ALLOWANCE", false, null)).json()
			.get("id").asLong();

		assertThat(api.as("resident1").get("/api/work-items/" + id).status())
			.isEqualTo(403);
	}

	@Test
	void answersNotFoundForAnUnknownItem() {
		Response response = api.as("manager1").get("/api/work-items/987654");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().get("detail").asText()).isEqualTo("There is no work item 987654.");
	}

	@Test
	void answersConflictInChineseWhenAnAdmittedItemIsSentToContractReview() {
		long id = api.as("manager1").post("/api/work-items",
				item("市卫健委", "计划生育奖励扶助对象初审", "山东省人口与计划生育条例", "FAMILY_PLANNING", false, null)).json()
			.get("id").asLong();

		Response response = api.as("manager1").language("zh-CN")
			.post("/api/work-items/" + id + "/contract-review", Map.of("approved", true, "note", "同意"));

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.json().get("title").asText()).isEqualTo("当前无法办理");
		assertThat(response.json().get("detail").asText()).isEqualTo("工作事项 " + id + " 当前不在购买服务合同审核环节。");
	}

	@Test
	void managerPublishesARevisedListAsANewVersionAndOldDecisionsKeepTheirs() throws IOException {
		JsonNode before = api.as("manager1").post("/api/work-items",
				item("市城管局", "垃圾分类宣传入户", "烟台市生活垃圾分类管理办法", "GARBAGE_SORTING", false, null)).json();
		assertThat(before.get("status").asText()).isEqualTo("REFUSED");
		int oldVersion = api.as("manager1").get("/api/work-items/admission-list").json()
			.get("version").asInt();

		Response bySteward = api.as("steward1").post("/api/work-items/admission-list",
				Map.of("dmnXml", revisedList()));
		assertThat(bySteward.status()).isEqualTo(403);
		Response broken = api.as("manager1").post("/api/work-items/admission-list",
				Map.of("dmnXml", "<definitions>not a decision table"));
		assertThat(broken.status()).isEqualTo(400);
		assertThat(fields(broken)).containsExactly("dmnXml");

		Response published = api.as("manager1").post("/api/work-items/admission-list",
				Map.of("dmnXml", revisedList()));

		assertThat(published.status()).isEqualTo(201);
		assertThat(published.json().get("version").asInt()).isEqualTo(oldVersion + 1);
		JsonNode after = api.as("manager1").post("/api/work-items",
				item("市城管局", "垃圾分类宣传入户", "烟台市生活垃圾分类管理办法", "GARBAGE_SORTING", false, null)).json();
		assertThat(after.get("status").asText()).isEqualTo("ADMITTED");
		assertThat(after.get("ruleId").asText()).isEqualTo("ZR-17");
		assertThat(after.get("decisionVersion").asInt()).isEqualTo(oldVersion + 1);
		JsonNode oldDecision = api.as("manager1").get("/api/work-items/" + before.get("id").asLong())
			.json();
		assertThat(oldDecision.get("status").asText()).isEqualTo("REFUSED");
		assertThat(oldDecision.get("decisionVersion").asInt()).isEqualTo(before.get("decisionVersion").asInt());
	}

	/** The shipped list with one more entry, as a manager would save it from Camunda Modeler. */
	private static String revisedList() throws IOException {
		try (InputStream in = WorkItemControllerTests.class.getResourceAsStream("/processes/work-item-admission.dmn")) {
			String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			String row = """
					      <rule id="rule_workItemAdmission_garbageSorting">
					        <description>2027年新增：生活垃圾分类宣传与入户指导。</description>
					        <inputEntry id="rule_workItemAdmission_garbageSorting_in1">
					          <text>"GARBAGE_SORTING"</text>
					        </inputEntry>
					        <inputEntry id="rule_workItemAdmission_garbageSorting_in2">
					          <text>-</text>
					        </inputEntry>
					        <outputEntry id="rule_workItemAdmission_garbageSorting_out1">
					          <text>true</text>
					        </outputEntry>
					        <outputEntry id="rule_workItemAdmission_garbageSorting_out2">
					          <text>"ZR-17"</text>
					        </outputEntry>
					        <outputEntry id="rule_workItemAdmission_garbageSorting_out3">
					          <text>"《社区工作事项准入清单》第17项：生活垃圾分类宣传与入户指导（依据《烟台市生活垃圾分类管理办法》）"</text>
					        </outputEntry>
					      </rule>
					""";
			String anchor = "      <rule id=\"rule_workItemAdmission_notListed\">";
			assertThat(xml).contains(anchor);
			return xml.replace(anchor, row + anchor);
		}
	}

	private static Map<String, Object> item(String department, String title, String legalBasis, String itemType,
			boolean purchasedService, Integer fundingYuan) {
		Map<String, Object> body = new java.util.HashMap<>();
		body.put("department", department);
		body.put("title", title);
		body.put("legalBasis", legalBasis);
		body.put("itemType", itemType);
		body.put("communityCodes", List.of("xingfu"));
		body.put("purchasedService", purchasedService);
		body.put("fundingYuan", fundingYuan);
		return body;
	}

	private static List<String> fields(Response response) {
		response.expect(400);
		return response.errorFields().stream().distinct().toList();
	}
}
