package cn.needsloop.implementation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.needsloop.support.Api.Published;
import cn.needsloop.support.Api.Response;
import cn.needsloop.support.ApiTest;
import cn.needsloop.support.ConcurrentClaims;

/** {@code /api/projects/{id}/claim|assignment|milestones|completion}, with the claim race. */
class ImplementationControllerTests extends ApiTest {

	@Autowired
	private ManagementService management;

	/** The claim deadline passes (the job executor is off in tests, so the test fires the timer). */
	private void claimDeadlinePasses(long projectId) {
		String instance = api.project(projectId).path("processInstanceId").asText();
		Job timer = management.createJobQuery().processInstanceId(instance).timers().singleResult();
		assertThat(timer).as("claim deadline timer of project %s", projectId).isNotNull();
		management.executeJob(timer.getId());
	}

	// ---------------------------------------------------------------- POST /api/projects/{id}/claim

	@Test
	void claimsPublishedProjectAsQualifiedOrganisation() {
		Published published = api.publishedProject("MENTAL_HEALTH", 2);
		JsonNode project = api.claim("org1", published.projectId()).expect(200).json();
		assertThat(project.path("claimant").asText()).isEqualTo("yangguang");
		assertThat(project.path("status").asText()).isEqualTo("IN_PROGRESS");
		assertThat(project.path("claimedInTime").asBoolean()).isTrue();
		assertThat(project.path("claimedAt").asText()).isNotBlank();
		JsonNode need = api.need(published.needId());
		assertThat(need.path("phase").asText()).isEqualTo("IMPLEMENT");
		assertThat(need.path("line").asText()).isEqualTo("SOCIAL_ORGANIZATION");
	}

	@Test
	void rejectsSecondClaimOfSameProject() {
		long id = api.publishedProject("ELDERLY_CARE", 1).projectId();
		api.claim("org2", id).expect(200);
		JsonNode before = api.project(id);
		assertThat(api.claim("org1", id).expectProblem(409).path("code").asText()).isEqualTo("problem.claim.taken");
		api.claim("org2", id).expectProblem(409);
		api.assertProjectUnchanged(id, before);
		assertThat(before.path("claimant").asText()).isEqualTo("aixin");
	}

	@Test
	void rejectsClaimByUnqualifiedOrganisation() {
		long id = api.publishedProject("ENVIRONMENT", 1).projectId();
		JsonNode before = api.project(id);
		Response problem = api.claim("org1", id).expectProblem(403);
		assertThat(problem.path("code").asText()).isEqualTo("problem.claim.notQualified");
		assertThat(problem.path("detail").asText()).contains("Environment").doesNotContain("ENVIRONMENT");
		assertThat(api.as("org1").language("zh-CN").post("/api/projects/" + id + "/claim", null).expectProblem(403)
			.path("detail").asText()).contains("“环境整治”").doesNotContain("ENVIRONMENT");
		api.assertProjectUnchanged(id, before);
		assertThat(before.path("claimant").isNull()).isTrue();
		api.claim("org2", id).expect(200);
	}

	/** Taking the claim task onto one's list is no way round the qualification: it would block the qualified one. */
	@Test
	void rejectsTakingTheClaimTaskByUnqualifiedOrganisation() {
		long id = api.publishedProject("ENVIRONMENT", 1).projectId();
		String task = null;
		for (JsonNode t : api.as("org1").get("/api/tasks?max=1000").expect(200).json()) {
			if (t.path("projectId").asLong() == id && "userTask_claimProject".equals(t.path("taskKey").asText())) {
				task = t.path("id").asText();
			}
		}
		assertThat(task).as("the claim task of project %s, offered to the social organisations", id).isNotNull();

		assertThat(api.as("org1").post("/api/tasks/" + task + "/claim", null).expectProblem(403).path("code").asText())
			.isEqualTo("problem.claim.notQualified");
		api.as("org2").post("/api/tasks/" + task + "/claim", null).expect(204);
		api.claim("org2", id).expect(200);
	}

	@Test
	void rejectsClaimByAnyoneButSocialOrganisations() {
		long id = api.publishedProject("ELDERLY_CARE", 1).projectId();
		JsonNode before = api.project(id);
		for (String user : List.of("steward1", "party1", "manager1", "resident1")) {
			api.claim(user, id).expectProblem(403);
		}
		api.assertProjectUnchanged(id, before);
	}

	@Test
	void rejectsClaimOfProjectNotYetPublishedOrPastItsDeadline() {
		long need = api.pooledNeed("尚未审批的项目", "ELDERLY_CARE");
		long inApproval = api.designedProject("ELDERLY_CARE", List.of(need), List.of("一"));
		JsonNode before = api.project(inApproval);
		assertThat(api.claim("org1", inApproval).expectProblem(409).path("code").asText())
			.isEqualTo("problem.project.notAtStep.claim");
		api.assertProjectUnchanged(inApproval, before);

		long late = api.publishedProject("ELDERLY_CARE", 1).projectId();
		claimDeadlinePasses(late);
		api.claim("org1", late).expectProblem(409);
		api.claim("org1", 987654321L).expectProblem(404);
	}

	@Test
	void letsExactlyOneOfTwoConcurrentClaimsWin() {
		ConcurrentClaims.exactlyOneOfTwoWins(api);
	}

	// ---------------------------------------------------------------- POST /api/projects/{id}/assignment

	@Test
	void assignsUnclaimedProjectAfterTheDeadline() {
		long id = api.publishedProject("ELDERLY_CARE", 1).projectId();
		claimDeadlinePasses(id);
		JsonNode project = api.as("manager1")
			.post("/api/projects/" + id + "/assignment", Map.of("organizationCode", "xingfu-party-team", "note", "双报到"))
			.expect(200)
			.json();
		assertThat(project.path("claimant").asText()).isEqualTo("xingfu-party-team");
		assertThat(project.path("claimedInTime").asBoolean()).isFalse();
		assertThat(project.path("status").asText()).isEqualTo("IN_PROGRESS");
		api.reportMilestone("party1", id, 0).expect(200);
	}

	@Test
	void rejectsAssignmentToUnknownOrUnqualifiedOrganisation() {
		long id = api.publishedProject("MENTAL_HEALTH", 1).projectId();
		claimDeadlinePasses(id);
		JsonNode before = api.project(id);
		String path = "/api/projects/" + id + "/assignment";
		assertThat(api.as("manager1").post(path, Map.of("organizationCode", "nobody")).expectProblem(400).errorFields())
			.containsExactly("organizationCode");
		assertThat(api.as("manager1").post(path, Map.of("organizationCode", "aixin")).expectProblem(400).errorFields())
			.containsExactly("organizationCode");
		assertThat(api.as("manager1").post(path, Map.of("note", "忘了写组织")).expectProblem(400).errorFields())
			.containsExactly("organizationCode");
		api.assertProjectUnchanged(id, before);
		api.as("manager1").post(path, Map.of("organizationCode", "yangguang")).expect(200);
	}

	@Test
	void rejectsAssignmentByNonManagerOrBeforeTheDeadline() {
		long open = api.publishedProject("ELDERLY_CARE", 1).projectId();
		JsonNode openBefore = api.project(open);
		assertThat(api.as("manager1").post("/api/projects/" + open + "/assignment", Map.of("organizationCode", "aixin"))
			.expectProblem(409).path("code").asText()).isEqualTo("problem.project.notAtStep.assignment");
		api.assertProjectUnchanged(open, openBefore);

		long due = api.publishedProject("ELDERLY_CARE", 1).projectId();
		claimDeadlinePasses(due);
		JsonNode before = api.project(due);
		for (String user : List.of("steward1", "party1", "org1")) {
			api.as(user).post("/api/projects/" + due + "/assignment", Map.of("organizationCode", "aixin"))
				.expectProblem(403);
		}
		api.assertProjectUnchanged(due, before);
		api.as("manager1").post("/api/projects/987654321/assignment", Map.of("organizationCode", "aixin"))
			.expectProblem(404);
	}

	// ---------------------------------------------------------------- POST /api/projects/{id}/milestones/{index}/report

	@Test
	void reportsMilestonesInAnyOrderWithTheirStaff() {
		long id = api.publishedProject("ELDERLY_CARE", 2).projectId();
		api.claim("org1", id).expect(200);
		JsonNode afterSecond = api.as("org1")
			.post("/api/projects/" + id + "/milestones/1/report", Map.of("note", "试运营完成", "socialWorkers", 3, "volunteers", 12))
			.expect(200)
			.json();
		JsonNode milestone = afterSecond.path("milestones").get(1);
		assertThat(milestone.path("note").asText()).isEqualTo("试运营完成");
		assertThat(milestone.path("socialWorkers").asInt()).isEqualTo(3);
		assertThat(milestone.path("volunteers").asInt()).isEqualTo(12);
		assertThat(milestone.path("reportedBy").asText()).isEqualTo("org1");
		assertThat(afterSecond.path("milestones").get(0).path("note").isNull()).isTrue();
		api.reportMilestone("org1", id, 0).expect(200);
	}

	@Test
	void rejectsMilestoneReportOfUnknownOrReportedMilestone() {
		long id = api.publishedProject("ELDERLY_CARE", 2).projectId();
		api.claim("org1", id).expect(200);
		api.reportMilestone("org1", id, 0).expect(200);
		JsonNode before = api.project(id);
		assertThat(api.reportMilestone("org1", id, 0).expectProblem(409).path("code").asText())
			.isEqualTo("problem.project.notAtStep.milestone");
		assertThat(api.reportMilestone("org1", id, 2).expectProblem(404).path("code").asText())
			.isEqualTo("problem.notFound.milestone");
		api.reportMilestone("org1", id, -1).expectProblem(404);
		api.reportMilestone("org1", 987654321L, 0).expectProblem(404);
		api.assertProjectUnchanged(id, before);
	}

	@Test
	void rejectsMilestoneReportByAnyoneButTheClaimant() {
		long id = api.publishedProject("ELDERLY_CARE", 1).projectId();
		api.claim("org1", id).expect(200);
		JsonNode before = api.project(id);
		for (String user : List.of("org2", "steward1", "manager1")) {
			api.reportMilestone(user, id, 0).expectProblem(403);
		}
		api.assertProjectUnchanged(id, before);
	}

	@Test
	void rejectsMilestoneReportWithInvalidFieldsOrBeforeTheClaim() {
		long id = api.publishedProject("ELDERLY_CARE", 1).projectId();
		JsonNode unclaimed = api.project(id);
		api.reportMilestone("org1", id, 0).expectProblem(409);
		api.assertProjectUnchanged(id, unclaimed);

		api.claim("org1", id).expect(200);
		JsonNode before = api.project(id);
		assertThat(api.as("org1")
			.post("/api/projects/" + id + "/milestones/0/report", Map.of("note", "", "socialWorkers", -1))
			.expectProblem(400)
			.errorFields()).containsExactlyInAnyOrder("note", "socialWorkers", "volunteers");
		api.as("org1").post("/api/projects/" + id + "/milestones/first/report", Map.of("note", "x", "socialWorkers", 1,
				"volunteers", 1)).expectProblem(400);
		api.assertProjectUnchanged(id, before);
	}

	// ---------------------------------------------------------------- POST /api/projects/{id}/completion

	@Test
	void completesProjectAndOpensEvaluation() {
		Published published = api.publishedProject("ELDERLY_CARE", 1);
		long id = published.projectId();
		api.claim("org1", id).expect(200);
		api.reportMilestone("org1", id, 0).expect(200);
		JsonNode project = api.complete("org1", id).expect(200).json();
		assertThat(project.path("status").asText()).isEqualTo("EVALUATION");
		assertThat(project.path("completionReport").asText()).isEqualTo("项目已全部实施完毕");
		assertThat(project.path("completedAt").asText()).isNotBlank();
		assertThat(project.path("evaluationRound").asInt()).isEqualTo(1);
		assertThat(api.need(published.needId()).path("phase").asText()).isEqualTo("EVALUATE");
	}

	@Test
	void rejectsCompletionBeforeAllMilestonesOrTwice() {
		long id = api.publishedProject("ELDERLY_CARE", 2).projectId();
		api.claim("org1", id).expect(200);
		api.reportMilestone("org1", id, 0).expect(200);
		JsonNode before = api.project(id);
		assertThat(api.complete("org1", id).expectProblem(409).path("code").asText())
			.isEqualTo("problem.project.notAtStep.completion");
		api.assertProjectUnchanged(id, before);

		api.reportMilestone("org1", id, 1).expect(200);
		api.complete("org1", id).expect(200);
		JsonNode completed = api.project(id);
		api.complete("org1", id).expectProblem(409);
		api.assertProjectUnchanged(id, completed);
	}

	@Test
	void rejectsCompletionByOthersOrWithoutReport() {
		long id = api.publishedProject("ELDERLY_CARE", 1).projectId();
		api.claim("org1", id).expect(200);
		api.reportMilestone("org1", id, 0).expect(200);
		JsonNode before = api.project(id);
		for (String user : List.of("org2", "steward1")) {
			api.complete(user, id).expectProblem(403);
		}
		assertThat(api.as("org1").post("/api/projects/" + id + "/completion", Map.of("report", " ")).expectProblem(400)
			.errorFields()).containsExactly("report");
		api.assertProjectUnchanged(id, before);
		api.complete("org1", 987654321L).expectProblem(404);
	}
}
