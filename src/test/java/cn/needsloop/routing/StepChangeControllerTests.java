package cn.needsloop.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.needsloop.support.Api;
import cn.needsloop.support.ApiTest;
import cn.needsloop.support.PageSession;

/**
 * {@code /api/needs/{id}/return}, {@code /reroute}, {@code /extension}, {@code /transfer} and
 * {@code /api/kpis/step-changes}, as a new user would try them: a line returns a misrouted need, the steward re-routes
 * it; an extension moves the step's due date; a steward transfers a need; the dashboard's counts show them.
 */
class StepChangeControllerTests extends ApiTest {

	@org.springframework.beans.factory.annotation.Autowired
	org.camunda.bpm.engine.TaskService taskService;

	@org.springframework.boot.test.web.server.LocalServerPort
	int serverPort;

	private int port() {
		return serverPort;
	}

	private static List<String> activities(JsonNode need) {
		List<String> activities = new ArrayList<>();
		need.path("history").forEach(h -> activities.add(h.path("activity").asText()));
		return activities;
	}

	@Test
	void aLineReturnsAMisroutedNeedAndTheStewardReroutesIt() {
		long id = api.individualNeed("邻居噪音扰民", "NEIGHBOR_DISPUTE");

		api.as("selfgov1").post("/api/needs/" + id + "/return", Map.of("reason", "  ")).expectProblem(400);
		api.as("party1").post("/api/needs/" + id + "/return", Map.of("reason", "不是我们的")).expectProblem(403);
		api.as("selfgov1").post("/api/needs/" + id + "/return", Map.of("reason", "属于物业维修范围")).expect(204);

		JsonNode returned = api.as("steward1").language("zh-CN").get("/api/needs/" + id).expect(200).json();
		assertThat(activities(returned)).contains("办理个人需求 · 退单：属于物业维修范围", "重新派单 · 待办");
		Map<String, Object> toSameLine = new HashMap<>(Map.of("decision", "ANOTHER_LINE", "line", "SELF_GOVERNANCE", "note", "再试"));
		assertThat(api.as("steward1").post("/api/needs/" + id + "/reroute", toSameLine).expectProblem(400).body())
			.contains("rerouteLine");
		api.as("selfgov1").post("/api/needs/" + id + "/reroute", Map.of("decision", "RECLASSIFY", "note", "x"))
			.expectProblem(403);

		api.as("steward1")
			.post("/api/needs/" + id + "/reroute", Map.of("decision", "ANOTHER_LINE", "line", "PARTY", "note", "请党员协调"))
			.expect(204);
		JsonNode rerouted = api.as("steward1").get("/api/needs/" + id).expect(200).json();
		assertThat(rerouted.path("line").asText()).isEqualTo("PARTY");
		api.as("party1").post("/api/needs/" + id + "/resolution", Map.of("note", "已协调物业维修")).expect(204);

		JsonNode counts = api.as("manager1").get("/api/kpis/step-changes?communityCode=xingfu").expect(200).json();
		assertThat(counts.path("returns")).anySatisfy(r -> {
			assertThat(r.path("line").asText()).isEqualTo("SELF_GOVERNANCE");
			assertThat(r.path("category").asText()).isEqualTo("NEIGHBOR_DISPUTE");
			assertThat(r.path("count").asLong()).isPositive();
		});
		api.as("steward2").get("/api/kpis/step-changes?communityCode=xingfu").expectProblem(403);
	}

	@Test
	void anExtensionGrantedMovesTheDueDateAndIsCountedApartFromOverdueSteps() {
		long id = api.reportedNeed("楼道灯坏了");
		JsonNode need = api.as("steward1").get("/api/needs/" + id).expect(200).json();
		Instant due = Instant.parse(need.path("verificationDueAt").asText());
		long grantedBefore = api.as("manager1").get("/api/kpis/step-changes").expect(200).path("extensionsGranted").asLong();

		api.as("steward1").post("/api/needs/" + id + "/extension",
				Map.of("due", due.minus(Duration.ofHours(1)).toString(), "reason", "等物业")).expectProblem(400);
		api.as("steward1").post("/api/needs/" + id + "/extension",
				Map.of("due", due.plus(Duration.ofDays(3)).toString(), "reason", "等物业")).expectProblem(400);
		// a line that holds no step of the need is a stranger to it (as on its page); its reporter holds none either
		api.as("selfgov1").post("/api/needs/" + id + "/extension",
				Map.of("due", due.plus(Duration.ofDays(1)).toString(), "reason", "等物业")).expectProblem(403);
		api.as("resident1").post("/api/needs/" + id + "/extension",
				Map.of("due", due.plus(Duration.ofDays(1)).toString(), "reason", "等物业")).expectProblem(409);
		JsonNode asked = api.as("steward1").post("/api/needs/" + id + "/extension",
				Map.of("due", due.plus(Duration.ofDays(1)).toString(), "reason", "需等物业提供监控记录")).expect(200).json();
		assertThat(Instant.parse(asked.path("dueBefore").asText())).isEqualTo(due);

		api.as("steward1").post("/api/needs/" + id + "/extension/decision", Map.of("granted", true)).expectProblem(403);
		// 幸福社区 has a stewards' lead: the lead decides, not the manager
		api.as("manager1").post("/api/needs/" + id + "/extension/decision", Map.of("granted", true)).expectProblem(403);
		api.as("lead1").post("/api/needs/" + id + "/extension/decision", Map.of("granted", true, "note", "同意"))
			.expect(204);

		JsonNode tasks = api.as("steward1").get("/api/tasks?max=1000").expect(200).json();
		List<JsonNode> verify = new ArrayList<>();
		(tasks.isArray() ? tasks : tasks.path("content")).forEach(t -> {
			if (t.path("needId").asLong() == id) {
				verify.add(t);
			}
		});
		assertThat(verify).singleElement()
			.satisfies(t -> assertThat(Instant.parse(t.path("due").asText())).isEqualTo(due.plus(Duration.ofDays(1))));
		assertThat(api.as("manager1").get("/api/kpis/step-changes").expect(200).path("extensionsGranted").asLong())
			.isEqualTo(grantedBefore + 1);
		api.as("lead1").post("/api/needs/" + id + "/extension/decision", Map.of("granted", true)).expectProblem(409);
	}

	@Test
	void aProjectsAndAConsultationsStepsAreExtendedThroughTheApiAsANeedsAre() {
		long project = api.designedProject("ELDERLY_CARE", List.of(api.pooledNeed("助餐点 延期", "ELDERLY_CARE")),
				List.of("里程碑 1"));
		String instance = api.project(project).path("processInstanceId").asText();
		Instant due = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("userTask_approveProject")
			.singleResult().getDueDate().toInstant();
		long grantedBefore = api.as("manager1").get("/api/kpis/step-changes").expect(200).path("extensionsGranted").asLong();

		api.as("steward1").post("/api/projects/" + project + "/extension",
				Map.of("due", due.plus(Duration.ofDays(1)).toString(), "reason", "x")).expectProblem(409);
		api.as("party1").post("/api/projects/" + project + "/extension",
				Map.of("due", due.plus(Duration.ofDays(1)).toString(), "reason", "需集体研究")).expect(200);
		api.as("party1").post("/api/projects/" + project + "/extension",
				Map.of("due", due.plus(Duration.ofDays(2)).toString(), "reason", "再申请")).expectProblem(409);
		api.as("manager1").post("/api/projects/" + project + "/extension/decision", Map.of("granted", true))
			.expectProblem(403);
		api.as("lead1").post("/api/projects/" + project + "/extension/decision", Map.of("granted", true, "note", "同意"))
			.expect(204);
		assertThat(taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("userTask_approveProject")
			.singleResult().getDueDate().toInstant()).isEqualTo(due.plus(Duration.ofDays(1)));
		assertThat(api.as("manager1").get("/api/kpis/step-changes").expect(200).path("extensionsGranted").asLong())
			.as("counted with the needs' extensions").isEqualTo(grantedBefore + 1);

		long consultation = api.as("selfgov1")
			.post("/api/consultations", Map.of("communityCode", "xingfu", "topic", "楼道堆物 延期", "topicType", "PUBLIC_SPACE",
					"description", "居民关心的共同事务"))
			.expect(201)
			.id();
		String consulting = api.as("selfgov1").get("/api/consultations/" + consultation).expect(200)
			.path("processInstanceId").asText();
		Instant fixBy = taskService.createTaskQuery().processInstanceId(consulting)
			.taskDefinitionKey("userTask_fixParticipants").singleResult().getDueDate().toInstant();
		api.as("selfgov1").post("/api/consultations/" + consultation + "/extension",
				Map.of("due", fixBy.plus(Duration.ofDays(2)).toString(), "reason", "名单还在征集")).expect(200);
		PageSession lead = PageSession.signIn(port(), "lead1");
		assertThat(lead.page("/consultations/" + consultation).select("#form-decide-extension").attr("action"))
			.isEqualTo("/consultations/" + consultation + "/extension/decision");
		lead.post("/consultations/" + consultation + "/extension/decision",
				List.of(Map.entry("granted", "false"), Map.entry("note", "请按时确定")));
		assertThat(taskService.createTaskQuery().processInstanceId(consulting).taskDefinitionKey("userTask_fixParticipants")
			.singleResult().getDueDate().toInstant()).isEqualTo(fixBy);
		assertThat(api.as("selfgov1").language("zh-CN").get("/api/consultations/" + consultation).expect(200)
			.path("history").toString()).contains("确定协商主体 · 延期未获批准：请按时确定");
	}

	@Test
	void aStewardTransfersANeedToAnotherCommunity() {
		long id = api.reportedNeed("村口路灯不亮");

		api.as("steward1").post("/api/needs/" + id + "/transfer", Map.of("communityCode", "nowhere", "reason", "不在本社区"))
			.expectProblem(400);
		api.as("steward2").post("/api/needs/" + id + "/transfer", Map.of("communityCode", "dongshan", "reason", "x"))
			.expectProblem(403);
		api.as("steward1")
			.post("/api/needs/" + id + "/transfer", Map.of("communityCode", "dongshan", "reason", "地址属东山村"))
			.expect(204);

		JsonNode moved = api.as("steward2").get("/api/needs/" + id).expect(200).json();
		assertThat(moved.path("communityCode").asText()).isEqualTo("dongshan");
		api.verify("steward2", id, "GENUINE").expect(200);
		api.as("steward2").post("/api/needs/" + id + "/transfer", Map.of("communityCode", "xingfu", "reason", "退回"))
			.expect(204);
		assertThat(api.as("steward1").get("/api/needs/" + id).expect(200).path("communityCode").asText()).isEqualTo("xingfu");
	}

	/** Tasklist completes the same tasks through {@code /engine-rest}: a return and a re-routing pass the same rules. */
	@Test
	void tasklistReturnsAndReroutesThroughTheFormsByTheSameRules() {
		long id = api.individualNeed("楼上漏水", "NEIGHBOR_DISPUTE");
		String resolve = taskOf("selfgov1", id, "userTask_resolveNeed");
		api.as("selfgov1").post("/engine-rest/task/" + resolve + "/claim", Map.of("userId", "selfgov1"));

		Map<String, Object> noReason = Map.of("variables", Map.of("returned", Map.of("value", true, "type", "Boolean")));
		assertThat(api.as("selfgov1").post("/engine-rest/task/" + resolve + "/complete", noReason).status()).isBetween(400, 499);
		Map<String, Object> sideDoor = Map.of("variables", Map.of("returned", Map.of("value", true, "type", "Boolean"),
				"returnReason", Map.of("value", "物业职责", "type", "String"), "reroutedLine",
				Map.of("value", "PARTY", "type", "String")));
		assertThat(api.as("selfgov1").post("/engine-rest/task/" + resolve + "/complete", sideDoor).status()).isBetween(400, 499);
		assertThat(api.need(id).path("phase").asText()).isEqualTo("IMPLEMENT");

		Map<String, Object> returned = Map.of("variables", Map.of("returned", Map.of("value", true, "type", "Boolean"),
				"returnReason", Map.of("value", "属于物业维修职责", "type", "String")));
		api.as("selfgov1").post("/engine-rest/task/" + resolve + "/complete", returned).expect(204);

		String reroute = taskOf("steward1", id, "userTask_rerouteNeed");
		api.as("steward1").post("/engine-rest/task/" + reroute + "/claim", Map.of("userId", "steward1"));
		Map<String, Object> sameLine = Map.of("variables", Map.of("rerouteDecision", Map.of("value", "ANOTHER_LINE", "type", "String"),
				"rerouteLine", Map.of("value", "SELF_GOVERNANCE", "type", "String"), "rerouteNote",
				Map.of("value", "再试", "type", "String")));
		assertThat(api.as("steward1").post("/engine-rest/task/" + reroute + "/complete", sameLine).status()).isBetween(400, 499);
		Map<String, Object> toParty = Map.of("variables", Map.of("rerouteDecision", Map.of("value", "ANOTHER_LINE", "type", "String"),
				"rerouteLine", Map.of("value", "PARTY", "type", "String"), "rerouteNote",
				Map.of("value", "请党组织协调", "type", "String")));
		api.as("steward1").post("/engine-rest/task/" + reroute + "/complete", toParty).expect(204);
		assertThat(api.need(id).path("line").asText()).isEqualTo("PARTY");
		assertThat(taskOf("party1", id, "userTask_resolveNeed")).isNotNull();
	}

	private String taskOf(String user, long needId, String taskKey) {
		for (JsonNode t : api.as(user).get("/api/tasks?max=1000").expect(200).json()) {
			if (t.path("needId").asLong() == needId && taskKey.equals(t.path("taskKey").asText())) {
				return t.path("id").asText();
			}
		}
		throw new AssertionError("no task " + taskKey + " of need " + needId + " for " + user);
	}
}
