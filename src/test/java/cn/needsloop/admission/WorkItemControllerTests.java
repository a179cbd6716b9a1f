package cn.needsloop.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.needsloop.NeedsLoopSpringTest;

/** The work-item API over HTTP, errors included. */
@NeedsLoopSpringTest
class WorkItemControllerTests {

	@Autowired
	TestRestTemplate rest;

	@Test
	void refusesADepartmentsUnlistedItemWithTheRule() {
		ResponseEntity<JsonNode> created = call("manager1", HttpMethod.POST, "/api/work-items",
				item("市统计局", "统计辖区企业经营数据", "市统计局年度统计调查通知", null, false, null));

		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(created.getHeaders().getLocation()).hasToString("/api/work-items/" + created.getBody().get("id").asLong());
		JsonNode item = call("manager1", HttpMethod.GET, created.getHeaders().getLocation().toString(), null).getBody();
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
		ResponseEntity<JsonNode> created = call("manager1", HttpMethod.POST, "/api/work-items",
				item("市退役军人事务局", "优抚对象信息采集", "《退役军人保障法》第八条", "VETERAN_SERVICE", false, null));

		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(created.getBody().get("status").asText()).isEqualTo("ADMITTED");
		JsonNode seen = call("selfgov1", HttpMethod.GET, "/api/work-items/" + created.getBody().get("id").asLong(), null)
			.getBody();
		assertThat(seen.get("ruleId").asText()).isEqualTo("ZR-06");
		assertThat(seen.get("ruleText").asText()).startsWith("《社区工作事项准入清单》第6项");
	}

	@Test
	void managerApprovesAPurchasedServiceContract() {
		long id = call("manager1", HttpMethod.POST, "/api/work-items",
				item("市住建局", "老旧小区改造居民意见征集", "改造实施方案", null, true, 50000)).getBody().get("id").asLong();
		assertThat(call("manager1", HttpMethod.GET, "/api/work-items/" + id, null).getBody().get("status").asText())
			.isEqualTo("CONTRACT_REVIEW");

		ResponseEntity<JsonNode> bySteward = call("steward1", HttpMethod.POST, "/api/work-items/" + id + "/contract-review",
				Map.of("approved", true, "note", "同意"));
		assertThat(bySteward.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		ResponseEntity<JsonNode> reviewed = call("manager1", HttpMethod.POST, "/api/work-items/" + id + "/contract-review",
				Map.of("approved", true, "note", "经费已落实，同意签订购买服务合同"));
		assertThat(reviewed.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(reviewed.getBody().get("status").asText()).isEqualTo("PURCHASED_SERVICE");
		assertThat(reviewed.getBody().get("contractReviewedBy").asText()).isEqualTo("manager1");
	}

	@Test
	void managerRejectsAPurchasedServiceContractAndTheItemIsRefused() {
		long id = call("manager1", HttpMethod.POST, "/api/work-items",
				item("市文旅局", "旅游景区客流统计", "工作安排", null, true, 3000)).getBody().get("id").asLong();

		ResponseEntity<JsonNode> reviewed = call("manager1", HttpMethod.POST, "/api/work-items/" + id + "/contract-review",
				Map.of("approved", false, "note", "与社区职责无关"));

		assertThat(reviewed.getBody().get("status").asText()).isEqualTo("REFUSED");
		assertThat(reviewed.getBody().get("ruleId").asText()).isEqualTo("WLR");
		assertThat(reviewed.getBody().get("contractNote").asText()).isEqualTo("与社区职责无关");
		ResponseEntity<JsonNode> again = call("manager1", HttpMethod.POST, "/api/work-items/" + id + "/contract-review",
				Map.of("approved", true, "note", "改为同意"));
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void rejectsAnEmptySubmissionNamingEveryMissingField() {
		ResponseEntity<JsonNode> response = call("manager1", HttpMethod.POST, "/api/work-items", Map.of());

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(fields(response)).contains("department", "title", "legalBasis", "communityCodes", "purchasedService");
	}

	@Test
	void rejectsAPurchasedServiceWithoutFunding() {
		ResponseEntity<JsonNode> response = call("manager1", HttpMethod.POST, "/api/work-items",
				item("市文旅局", "景区客流统计", "工作安排", null, true, null));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(fields(response)).containsExactly("fundingYuan");
		assertThat(response.getBody().get("code").asText()).isEqualTo("problem.invalid");
	}

	@Test
	void rejectsAnUnknownCommunityAndABadItemCode() {
		Map<String, Object> body = new java.util.HashMap<>(item("市民政局", "低保初审", "社会救助暂行办法", "low-income", false, null));
		body.put("communityCodes", List.of("atlantis"));
		assertThat(fields(call("manager1", HttpMethod.POST, "/api/work-items", body))).containsExactly("itemType");

		body.put("itemType", "MIN_LIVING_ALLOWANCE");
		ResponseEntity<JsonNode> response = call("manager1", HttpMethod.POST, "/api/work-items", body);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(fields(response)).containsExactly("communityCodes");
	}

	@Test
	void requiresSignIn() {
		ResponseEntity<JsonNode> anonymous = rest.exchange("/api/work-items/1", HttpMethod.GET, null, JsonNode.class);
		// an unknown user: a real one's wrong passwords would count towards a pause (SignInThrottle)
		ResponseEntity<JsonNode> wrongPassword = rest.withBasicAuth("nobody", "wrong")
			.exchange("/api/work-items/1", HttpMethod.GET, null, JsonNode.class);

		assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(wrongPassword.getBody().get("title").asText()).isEqualTo("Sign-in required");
	}

	@Test
	void onlyDepartmentsAndManagersSubmit() {
		ResponseEntity<JsonNode> response = call("resident1", HttpMethod.POST, "/api/work-items",
				item("市民政局", "低保初审", "社会救助暂行办法", "MIN_LIVING_ALLOWANCE", false, null));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(response.getBody().get("code").asText()).isEqualTo("problem.workItem.departmentOnly");
	}

	@Test
	void hidesAnItemFromThoseItDoesNotConcern() {
		long id = call("manager1", HttpMethod.POST, "/api/work-items",
				item("市民政局", "高龄津贴申领受理", "老年人权益保障条例", "ELDERLY_ALLOWANCE", false, null)).getBody()
			.get("id").asLong();

		assertThat(call("resident1", HttpMethod.GET, "/api/work-items/" + id, null).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void answersNotFoundForAnUnknownItem() {
		ResponseEntity<JsonNode> response = call("manager1", HttpMethod.GET, "/api/work-items/987654", null);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getBody().get("detail").asText()).isEqualTo("There is no work item 987654.");
	}

	@Test
	void answersConflictInChineseWhenAnAdmittedItemIsSentToContractReview() {
		long id = call("manager1", HttpMethod.POST, "/api/work-items",
				item("市卫健委", "计划生育奖励扶助对象初审", "山东省人口与计划生育条例", "FAMILY_PLANNING", false, null)).getBody()
			.get("id").asLong();

		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN");
		ResponseEntity<JsonNode> response = rest.withBasicAuth("manager1", "demo").exchange(
				"/api/work-items/" + id + "/contract-review", HttpMethod.POST,
				new HttpEntity<>(Map.of("approved", true, "note", "同意"), headers), JsonNode.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(response.getBody().get("title").asText()).isEqualTo("当前无法办理");
		assertThat(response.getBody().get("detail").asText()).isEqualTo("工作事项 " + id + " 当前不在购买服务合同审核环节。");
	}

	@Test
	void managerPublishesARevisedListAsANewVersionAndOldDecisionsKeepTheirs() throws IOException {
		JsonNode before = call("manager1", HttpMethod.POST, "/api/work-items",
				item("市城管局", "垃圾分类宣传入户", "烟台市生活垃圾分类管理办法", "GARBAGE_SORTING", false, null)).getBody();
		assertThat(before.get("status").asText()).isEqualTo("REFUSED");
		int oldVersion = call("manager1", HttpMethod.GET, "/api/work-items/admission-list", null).getBody()
			.get("version").asInt();

		ResponseEntity<JsonNode> bySteward = call("steward1", HttpMethod.POST, "/api/work-items/admission-list",
				Map.of("dmnXml", revisedList()));
		assertThat(bySteward.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<JsonNode> broken = call("manager1", HttpMethod.POST, "/api/work-items/admission-list",
				Map.of("dmnXml", "<definitions>not a decision table"));
		assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(fields(broken)).containsExactly("dmnXml");

		ResponseEntity<JsonNode> published = call("manager1", HttpMethod.POST, "/api/work-items/admission-list",
				Map.of("dmnXml", revisedList()));

		assertThat(published.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(published.getBody().get("version").asInt()).isEqualTo(oldVersion + 1);
		JsonNode after = call("manager1", HttpMethod.POST, "/api/work-items",
				item("市城管局", "垃圾分类宣传入户", "烟台市生活垃圾分类管理办法", "GARBAGE_SORTING", false, null)).getBody();
		assertThat(after.get("status").asText()).isEqualTo("ADMITTED");
		assertThat(after.get("ruleId").asText()).isEqualTo("ZR-17");
		assertThat(after.get("decisionVersion").asInt()).isEqualTo(oldVersion + 1);
		JsonNode oldDecision = call("manager1", HttpMethod.GET, "/api/work-items/" + before.get("id").asLong(), null)
			.getBody();
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

	private ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
		return rest.withBasicAuth(user, "demo").exchange(path, method, body == null ? null : new HttpEntity<>(body),
				JsonNode.class);
	}

	private static List<String> fields(ResponseEntity<JsonNode> response) {
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		List<String> fields = new java.util.ArrayList<>();
		response.getBody().get("errors").forEach(e -> fields.add(e.get("field").asText()));
		return fields.stream().distinct().toList();
	}
}
