package cn.needsloop.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.needsloop.support.Api;
import cn.needsloop.support.Api.Response;
import cn.needsloop.support.ApiTest;

/** {@code /api/projects}: design, approval, revision, reading — each with its errors. */
class ProjectControllerTests extends ApiTest {

	private static List<Long> ids(JsonNode list) {
		List<Long> ids = new ArrayList<>();
		list.forEach(p -> ids.add(p.path("id").asLong()));
		return ids;
	}

	private static Map<String, Object> redesign(String title) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", title);
		body.put("goal", "修改后的目标");
		body.put("plan", "补充了预算明细的方案");
		body.put("budgetYuan", 9800);
		body.put("householdCount", 25);
		body.put("publicAffairs", false);
		body.put("plannedEnd", LocalDate.now().plusMonths(4).toString());
		body.put("note", "已按要求补充预算明细");
		return body;
	}

	// ---------------------------------------------------------------- POST /api/projects

	@Test
	void designsProjectFromPooledNeeds() {
		long a = api.pooledNeed("老人吃饭难", "ELDERLY_CARE");
		long b = api.pooledNeed("希望开老年食堂", "ELDERLY_CARE");
		Response created = api.as("steward1")
			.post("/api/projects", Api.projectBody("xingfu", "ELDERLY_CARE", List.of(a, b), List.of("场地改造", "试运营")))
			.expect(201);

		long id = created.id();
		assertThat(created.header("Location")).endsWith("/api/projects/" + id);
		JsonNode project = created.json();
		assertThat(project.path("status").asText()).isEqualTo("APPROVAL");
		assertThat(project.path("communityCode").asText()).isEqualTo("xingfu");
		assertThat(project.path("budgetYuan").decimalValue()).isEqualByComparingTo("12000.50");
		assertThat(ids(project.path("needs"))).containsExactlyInAnyOrder(a, b);
		assertThat(project.path("milestones").size()).isEqualTo(2);
		assertThat(project.path("milestones").get(1).path("title").asText()).isEqualTo("试运营");
		for (long need : List.of(a, b)) {
			JsonNode view = api.need(need);
			assertThat(view.path("projectId").asLong()).isEqualTo(id);
			assertThat(view.path("pooled").asBoolean()).isFalse();
			assertThat(view.path("phase").asText()).isEqualTo("DESIGN");
			assertThat(view.path("line").asText()).isEqualTo("PARTY");
		}
	}

	@Test
	void forbidsDesignToAnyoneButTheCommunitysSteward() {
		long need = api.pooledNeed("设计权限", "ELDERLY_CARE");
		JsonNode before = api.need(need);
		int projects = api.projectCount();
		Map<String, Object> body = Api.projectBody("xingfu", "ELDERLY_CARE", List.of(need), List.of("一"));
		for (String user : List.of("steward2", "party1", "manager1", "org1", "resident1")) {
			api.as(user).post("/api/projects", body).expectProblem(403);
		}
		assertThat(api.projectCount()).isEqualTo(projects);
		api.assertNeedUnchanged(need, before);
	}

	@Test
	void rejectsDesignForNeedsNotInThePool() {
		long verifying = api.reportedNeed("还在核实的需求");
		long pooled = api.pooledNeed("池中需求", "ELDERLY_CARE");
		JsonNode verifyingBefore = api.need(verifying);
		JsonNode pooledBefore = api.need(pooled);
		int projects = api.projectCount();
		assertThat(api.as("steward1")
			.post("/api/projects", Api.projectBody("xingfu", "ELDERLY_CARE", List.of(pooled, verifying), List.of("一")))
			.expectProblem(409)
			.path("code")
			.asText()).isEqualTo("problem.need.notInPool");
		assertThat(api.projectCount()).isEqualTo(projects);
		api.assertNeedUnchanged(verifying, verifyingBefore);
		api.assertNeedUnchanged(pooled, pooledBefore);
	}

	@Test
	void rejectsDesignForNeedTakenByAnotherProject() {
		long need = api.pooledNeed("已立项需求", "ELDERLY_CARE");
		api.designedProject("ELDERLY_CARE", List.of(need), List.of("一"));
		api.as("steward1").post("/api/projects", Api.projectBody("xingfu", "ELDERLY_CARE", List.of(need), List.of("一")))
			.expectProblem(409);
	}

	@Test
	void rejectsDesignWithUnknownOrForeignNeeds() {
		int projects = api.projectCount();
		Response unknown = api.as("steward1")
			.post("/api/projects", Api.projectBody("xingfu", "ELDERLY_CARE", List.of(987654321L), List.of("一")))
			.expectProblem(400);
		assertThat(unknown.errorFields()).containsExactly("needIds");
		assertThat(unknown.errorMessage("needIds")).contains("987654321");

		long dongshan = api.report("steward2", "dongshan", "东山村需求", "描述", 30);
		api.verify("steward2", dongshan, "GENUINE").expect(200);
		api.classify("steward2", dongshan, "ENVIRONMENT", "NORMAL", "COMMON").expect(200);
		assertThat(api.as("steward1")
			.post("/api/projects", Api.projectBody("xingfu", "ENVIRONMENT", List.of(dongshan), List.of("一")))
			.expectProblem(400)
			.errorFields()).containsExactly("needIds");
		assertThat(api.projectCount()).isEqualTo(projects);
	}

	@Test
	void rejectsDesignWithInvalidFields() {
		long need = api.pooledNeed("字段有误", "ELDERLY_CARE");
		JsonNode before = api.need(need);
		int projects = api.projectCount();

		Map<String, Object> past = Api.projectBody("xingfu", "ELDERLY_CARE", List.of(need), List.of("一"));
		past.put("plannedEnd", LocalDate.now().minusDays(1).toString());
		assertThat(api.as("steward1").post("/api/projects", past).expectProblem(400).errorFields())
			.containsExactly("plannedEnd");

		Map<String, Object> invalid = Api.projectBody("xingfu", "ELDERLY_CARE", List.of(), List.of());
		invalid.put("title", "");
		invalid.put("budgetYuan", -1);
		invalid.put("householdCount", 0);
		assertThat(api.as("steward1").post("/api/projects", invalid).expectProblem(400).errorFields())
			.containsExactlyInAnyOrder("title", "needIds", "budgetYuan", "householdCount", "milestones");

		assertThat(api.as("steward1")
			.post("/api/projects", Api.projectBody("nowhere", "ELDERLY_CARE", List.of(need), List.of("一")))
			.expectProblem(400)
			.errorFields()).containsExactly("communityCode");

		Map<String, Object> badDate = Api.projectBody("xingfu", "ELDERLY_CARE", List.of(need), List.of("一"));
		badDate.put("plannedEnd", "next year");
		assertThat(api.as("steward1").post("/api/projects", badDate).expectProblem(400).errorFields())
			.containsExactly("plannedEnd");

		assertThat(api.projectCount()).isEqualTo(projects);
		api.assertNeedUnchanged(need, before);
	}

	// ---------------------------------------------------------------- POST /api/projects/{id}/approval

	@Test
	void publishesApprovedProject() {
		long need = api.pooledNeed("等待审批", "ELDERLY_CARE");
		long id = api.designedProject("ELDERLY_CARE", List.of(need), List.of("一"));
		JsonNode project = api.approve("party1", id, true).expect(200).json();
		assertThat(project.path("status").asText()).isEqualTo("PUBLISHED");
		assertThat(project.path("approvalNote").asText()).isEqualTo("同意实施");
		assertThat(project.path("publishedAt").asText()).isNotBlank();
		assertThat(project.path("claimDeadline").asText()).isNotBlank();
		assertThat(api.need(need).path("line").asText()).isEqualTo("SOCIAL_ORGANIZATION");
	}

	@Test
	void returnsDesignAndPublishesItAfterRevision() {
		long need = api.pooledNeed("退回修改", "ELDERLY_CARE");
		long id = api.designedProject("ELDERLY_CARE", List.of(need), List.of("一"));
		JsonNode returned = api.approve("party1", id, false).expect(200).json();
		assertThat(returned.path("status").asText()).isEqualTo("DESIGN");
		assertThat(returned.path("approvalNote").asText()).isEqualTo("请补充预算明细");

		JsonNode revised = api.as("steward1").put("/api/projects/" + id, redesign("修改后的项目")).expect(200).json();
		assertThat(revised.path("status").asText()).isEqualTo("APPROVAL");
		assertThat(revised.path("title").asText()).isEqualTo("修改后的项目");
		assertThat(revised.path("plan").asText()).isEqualTo("补充了预算明细的方案");
		assertThat(revised.path("budgetYuan").decimalValue()).isEqualByComparingTo("9800");
		assertThat(revised.path("householdCount").asInt()).isEqualTo(25);
		assertThat(revised.path("publicAffairs").asBoolean()).isFalse();

		assertThat(api.approve("party1", id, true).expect(200).path("status").asText()).isEqualTo("PUBLISHED");
	}

	@Test
	void forbidsApprovalOutsideTheCommunitysPartyOrganisation() {
		long need = api.pooledNeed("审批权限", "ELDERLY_CARE");
		long id = api.designedProject("ELDERLY_CARE", List.of(need), List.of("一"));
		JsonNode before = api.project(id);
		for (String user : List.of("steward1", "selfgov1", "manager1", "org1", "resident1")) {
			api.approve(user, id, true).expectProblem(403);
		}
		api.assertProjectUnchanged(id, before);
	}

	@Test
	void rejectsApprovalOfPublishedProjectOrWithoutFields() {
		long published = api.publishedProject("ELDERLY_CARE", 1).projectId();
		JsonNode before = api.project(published);
		assertThat(api.approve("party1", published, true).expectProblem(409).path("code").asText())
			.isEqualTo("problem.project.notAtStep.approval");
		api.assertProjectUnchanged(published, before);

		long need = api.pooledNeed("审批缺字段", "ELDERLY_CARE");
		long id = api.designedProject("ELDERLY_CARE", List.of(need), List.of("一"));
		JsonNode waiting = api.project(id);
		assertThat(api.as("party1").post("/api/projects/" + id + "/approval", Map.of("note", "")).expectProblem(400)
			.errorFields()).containsExactlyInAnyOrder("approved", "note");
		api.assertProjectUnchanged(id, waiting);
		api.approve("party1", 987654321L, true).expectProblem(404);
	}

	// ---------------------------------------------------------------- PUT /api/projects/{id}

	@Test
	void rejectsRevisionOfProjectThatWasNotReturned() {
		long need = api.pooledNeed("未退回不能修改", "ELDERLY_CARE");
		long id = api.designedProject("ELDERLY_CARE", List.of(need), List.of("一"));
		JsonNode before = api.project(id);
		assertThat(api.as("steward1").put("/api/projects/" + id, redesign("不应修改")).expectProblem(409).path("code")
			.asText()).isEqualTo("problem.project.notAtStep.revision");
		api.assertProjectUnchanged(id, before);
		api.as("steward1").put("/api/projects/987654321", redesign("x")).expectProblem(404);
	}

	@Test
	void rejectsInvalidOrForeignRevision() {
		long need = api.pooledNeed("修改校验", "ELDERLY_CARE");
		long id = api.designedProject("ELDERLY_CARE", List.of(need), List.of("一"));
		api.approve("party1", id, false).expect(200);
		JsonNode before = api.project(id);

		Map<String, Object> invalid = redesign("");
		invalid.put("note", null);
		invalid.put("budgetYuan", "lots");
		assertThat(api.as("steward1").put("/api/projects/" + id, invalid).expectProblem(400).errorFields())
			.containsExactly("budgetYuan");
		invalid.put("budgetYuan", 100);
		assertThat(api.as("steward1").put("/api/projects/" + id, invalid).expectProblem(400).errorFields())
			.containsExactlyInAnyOrder("title", "note");
		for (String user : List.of("steward2", "party1", "org1")) {
			api.as(user).put("/api/projects/" + id, redesign("越权修改")).expectProblem(403);
		}
		api.assertProjectUnchanged(id, before);
	}

	// ---------------------------------------------------------------- GET /api/projects, /api/projects/{id}

	@Test
	void listsProjectsByStatus() {
		long need = api.pooledNeed("列表-审批中", "ELDERLY_CARE");
		long inApproval = api.designedProject("ELDERLY_CARE", List.of(need), List.of("一"));
		long published = api.publishedProject("ELDERLY_CARE", 1).projectId();

		JsonNode approval = api.as("steward1").get("/api/projects?status=APPROVAL").expect(200).json();
		assertThat(ids(approval.path("content"))).contains(inApproval).doesNotContain(published);
		approval.path("content").forEach(p -> assertThat(p.path("status").asText()).isEqualTo("APPROVAL"));
		assertThat(approval.path("content").get(0).path("needs").isNull()).isTrue();

		assertThat(ids(api.as("resident1").get("/api/projects").expect(200).json().path("content"))).contains(inApproval, published);
		assertThat(ids(api.as("party1").get("/api/projects?status=PUBLISHED").expect(200).json().path("content"))).contains(published)
			.doesNotContain(inApproval);
		assertThat(api.as("manager1").get("/api/projects?status=OPEN").expectProblem(400).errorFields())
			.containsExactly("status");
	}

	@Test
	void pagesProjectsNewestFirstWithTheirTotal() {
		long older = api.designedProject("ELDERLY_CARE", List.of(api.pooledNeed("分页-一", "ELDERLY_CARE")), List.of("一"));
		long newer = api.designedProject("ELDERLY_CARE", List.of(api.pooledNeed("分页-二", "ELDERLY_CARE")), List.of("一"));

		JsonNode first = api.as("manager1").get("/api/projects?size=1").expect(200).json();
		assertThat(ids(first.path("content"))).containsExactly(newer);
		assertThat(first.path("page").asInt()).isZero();
		assertThat(first.path("totalElements").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(first.path("totalPages").asLong()).isEqualTo(first.path("totalElements").asLong());
		assertThat(ids(api.as("manager1").get("/api/projects?size=1&page=1").expect(200).json().path("content"))).containsExactly(older);
		assertThat(api.as("manager1").get("/api/projects?size=201").expectProblem(400).errorFields())
			.containsExactly("size");
		assertThat(api.as("manager1").get("/api/projects?page=-1").expectProblem(400).errorFields())
			.containsExactly("page");
	}

	@Test
	void showsSocialOrganisationsOnlyThePublishedProjectsAndTheirOwn() {
		long need = api.pooledNeed("社会组织可见性", "ELDERLY_CARE");
		long inApproval = api.designedProject("ELDERLY_CARE", List.of(need), List.of("一"));
		long published = api.publishedProject("ELDERLY_CARE", 1).projectId();
		long claimed = api.publishedProject("ELDERLY_CARE", 1).projectId();
		api.claim("org1", claimed).expect(200);

		List<Long> org1 = ids(api.as("org1").get("/api/projects").expect(200).json().path("content"));
		assertThat(org1).contains(published, claimed).doesNotContain(inApproval);
		List<Long> org2 = ids(api.as("org2").get("/api/projects").expect(200).json().path("content"));
		assertThat(org2).contains(published).doesNotContain(inApproval, claimed);

		api.as("org1").get("/api/projects/" + claimed).expect(200);
		api.as("org2").get("/api/projects/" + claimed).expectProblem(403);
		api.as("org1").get("/api/projects/" + inApproval).expectProblem(403);
		JsonNode hall = api.as("org2").get("/api/projects/" + published).expect(200).json();
		assertThat(hall.path("needs").size()).isEqualTo(1);
		assertThat(hall.path("evaluations").isArray()).isTrue();
	}

	@Test
	void answersNotFoundForUnknownProjectAndUnauthorizedWithoutCredentials() {
		assertThat(api.as("steward1").get("/api/projects/987654321").expectProblem(404).path("code").asText())
			.isEqualTo("problem.notFound.project");
		api.anonymous().get("/api/projects").expectProblem(401);
	}
}
