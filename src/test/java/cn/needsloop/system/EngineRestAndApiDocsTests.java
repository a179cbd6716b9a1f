package cn.needsloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.needsloop.support.Api;
import cn.needsloop.support.ApiTest;
import cn.needsloop.support.PageSession;

/**
 * The engine's REST API behind Camunda authentication and authorizations; the published OpenAPI
 * document and Swagger UI, on with the demo profile and for signed-in users only (off in production:
 * {@code ProductionStartTests}).
 */
class EngineRestAndApiDocsTests extends ApiTest {

	@LocalServerPort
	int port;

	@Autowired
	TaskService taskService;

	private Set<String> engineTaskIds(String user, String query) {
		Set<String> ids = new HashSet<>();
		api.as(user).get("/engine-rest/task" + query).expect(200).json().forEach(t -> ids.add(t.path("id").asText()));
		return ids;
	}

	private String processInstanceOf(long needId) {
		return api.need(needId).path("processInstanceId").asText();
	}

	@Test
	void answersEngineRestWithoutCredentialsWithUnauthorized() {
		assertThat(api.anonymous().get("/engine-rest/task").status()).isEqualTo(401);
		assertThat(api.as("ghost").password("wrong").get("/engine-rest/task").status()).isEqualTo(401);
		// a demo user's wrong password is refused, and the right one works at once: Camunda's own throttling
		// (a delay after every failure, a lock for good after ten) is replaced by SignInThrottle's pauses,
		// which start only after five failures in a row from one address (SignInPauseTests)
		assertThat(api.as("steward1").password("wrong").get("/engine-rest/task").status()).isEqualTo(401);
		assertThat(api.as("steward1").get("/engine-rest/task").status()).isEqualTo(200);
	}

	@Test
	void showsStewardOnlyTheTasksRoutedToTheirGroups() {
		long xingfu = api.reportedNeed("engine-rest 幸福社区");
		long dongshan = api.report("steward2", "dongshan", "engine-rest 东山村", "描述", 1);
		String xingfuInstance = processInstanceOf(xingfu);
		String dongshanInstance = processInstanceOf(dongshan);

		assertThat(engineTaskIds("steward1", "?processInstanceId=" + xingfuInstance)).hasSize(1);
		assertThat(engineTaskIds("steward1", "?processInstanceId=" + dongshanInstance)).isEmpty();
		assertThat(engineTaskIds("steward2", "?processInstanceId=" + dongshanInstance)).hasSize(1);
		assertThat(engineTaskIds("party1", "?processInstanceId=" + xingfuInstance)).isEmpty();
		assertThat(engineTaskIds("manager1", "?processInstanceId=" + dongshanInstance)).hasSize(1);

		// every task steward1 sees through the engine is one of their own tasks, or one of their line's that
		// a colleague has claimed (listed to nobody else but that colleague)
		Set<String> own = new HashSet<>();
		api.as("steward1").get("/api/tasks?max=1000").expect(200).json().forEach(t -> own.add(t.path("id").asText()));
		Set<String> all = engineTaskIds("steward1", "?maxResults=1000");
		assertThat(all).isNotEmpty();
		for (String id : all) {
			if (!own.contains(id)) {
				assertThat(taskService.createTaskQuery().taskId(id).singleResult().getAssignee()).as("task %s", id)
					.isNotNull()
					.isNotEqualTo("steward1");
				assertThat(taskService.getIdentityLinksForTask(id)).as("task %s", id)
					.extracting(IdentityLink::getGroupId)
					.contains("steward:xingfu");
			}
		}
		JsonNode candidates = api.as("steward1").get("/engine-rest/task?candidateGroup=steward:dongshan").expect(200).json();
		assertThat(candidates.size()).isZero();
	}

	@Test
	void publishesTheApiAsOpenApiToSignedInUsers() {
		JsonNode docs = api.as("resident1").get("/v3/api-docs").expect(200).json();
		assertThat(docs.path("openapi").asText()).startsWith("3.");
		JsonNode paths = docs.path("paths");
		for (String path : new String[] { "/api/needs", "/api/needs/{id}", "/api/needs/{id}/verification",
				"/api/needs/{id}/classification", "/api/needs/{id}/resolution", "/api/needs/{id}/confirmation",
				"/api/projects", "/api/projects/{id}", "/api/projects/{id}/approval", "/api/projects/{id}/claim",
				"/api/projects/{id}/assignment", "/api/projects/{id}/milestones/{index}/report",
				"/api/projects/{id}/completion", "/api/projects/{id}/evaluations", "/api/tasks", "/api/notifications",
				"/api/kpis" }) {
			assertThat(paths.has(path)).as("OpenAPI path %s", path).isTrue();
		}
		assertThat(paths.path("/api/needs").has("post")).isTrue();
		assertThat(paths.path("/api/projects/{id}").has("put")).isTrue();
	}

	@Test
	void keepsTheOpenApiDocumentAndSwaggerUiFromAnonymousCallers() {
		Api.Response anonymous = api.anonymous().language("zh-CN").get("/v3/api-docs");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.contentType()).startsWith("application/problem+json");
		assertThat(api.anonymous().get("/v3/api-docs/swagger-config").status()).isEqualTo(401);
		assertThat(api.as("ghost").password("wrong").get("/v3/api-docs").status()).isEqualTo(401);
		PageSession.Page swagger = PageSession.anonymous(port).get("/swagger-ui.html");
		assertThat(swagger.status()).isEqualTo(302);
		assertThat(swagger.location()).endsWith("/login");
	}

	@Test
	void servesSwaggerUiAndItsDocumentToABrowserSignedInOnTheLoginPage() {
		PageSession session = PageSession.signIn(port, "steward1");
		PageSession.Page swagger = session.get("/swagger-ui.html");
		if (swagger.status() == 302) {
			swagger = session.follow(swagger);
		}
		assertThat(swagger.status()).isEqualTo(200);
		assertThat(swagger.body()).contains("swagger-ui");
		assertThat(session.getJson("/v3/api-docs").status()).isEqualTo(200);
		assertThat(session.getJson("/v3/api-docs/swagger-config").status()).isEqualTo(200);
	}
}
