package cn.needsloop.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.needsloop.support.Api.Published;
import cn.needsloop.support.ApiTest;

/** {@code POST /api/projects/{id}/evaluations}: the two-way evaluation and what it decides. */
class EvaluationControllerTests extends ApiTest {

	@Test
	void closesProjectSatisfiedAndResolvesItsNeedsAfterAllRatings() {
		long a = api.pooledNeed("评估-需求一", "ELDERLY_CARE");
		long b = api.pooledNeed("评估-需求二", "ELDERLY_CARE");
		long id = api.designedProject("ELDERLY_CARE", List.of(a, b), List.of("一"));
		api.approve("party1", id, true).expect(200);
		api.claim("org1", id).expect(200);
		api.reportMilestone("org1", id, 0).expect(200);
		api.complete("org1", id).expect(200);

		api.rate("resident1", id, "RESIDENT", a, 5).expect(201);
		api.rate("steward1", id, "RESIDENT", b, 4).expect(201);
		api.rate("steward1", id, "COMMUNITY", null, 4).expect(201);
		assertThat(api.project(id).path("status").asText()).isEqualTo("EVALUATION");
		api.rate("org1", id, "IMPLEMENTER", null, 5).expect(201);

		JsonNode project = api.project(id);
		assertThat(project.path("status").asText()).isEqualTo("CLOSED");
		assertThat(project.path("verdict").asText()).isEqualTo("SATISFIED");
		assertThat(project.path("closedAt").asText()).isNotBlank();
		assertThat(project.path("evaluations").size()).isEqualTo(4);
		JsonNode implementer = project.path("evaluations").get(3);
		assertThat(implementer.path("perspective").asText()).isEqualTo("IMPLEMENTER");
		assertThat(implementer.path("rater").asText()).isEqualTo("org1");
		assertThat(implementer.path("round").asInt()).isEqualTo(1);
		for (long need : List.of(a, b)) {
			JsonNode view = api.need(need);
			assertThat(view.path("status").asText()).isEqualTo("CLOSED");
			assertThat(view.path("outcome").asText()).isEqualTo("RESOLVED");
		}
		assertThat(api.need(a).path("score").asInt()).isEqualTo(5);
		assertThat(api.need(b).path("score").asInt()).isEqualTo(4);
	}

	@Test
	void sendsPoorlyRatedProjectToRectificationAndClosesItAfterwards() {
		Published published = api.projectInEvaluation(1);
		long id = published.projectId();
		api.rate("resident1", id, "RESIDENT", published.needId(), 2).expect(201);
		api.rate("steward1", id, "COMMUNITY", null, 2).expect(201);
		api.rate("org1", id, "IMPLEMENTER", null, 4).expect(201);
		JsonNode rectifying = api.project(id);
		assertThat(rectifying.path("status").asText()).isEqualTo("RECTIFICATION");
		assertThat(rectifying.path("verdict").asText()).isEqualTo("RECTIFY");
		assertThat(api.need(published.needId()).path("status").asText()).isEqualTo("OPEN");

		api.as("org1").post("/api/projects/" + id + "/completion", Map.of("report", "已整改：增加送餐次数")).expect(200);
		JsonNode second = api.project(id);
		assertThat(second.path("status").asText()).isEqualTo("EVALUATION");
		assertThat(second.path("evaluationRound").asInt()).isEqualTo(2);
		assertThat(second.path("rectificationReport").asText()).isEqualTo("已整改：增加送餐次数");

		api.rate("resident1", id, "RESIDENT", published.needId(), 4).expect(201);
		api.rate("steward1", id, "COMMUNITY", null, 4).expect(201);
		api.rate("org1", id, "IMPLEMENTER", null, 4).expect(201);
		assertThat(api.project(id).path("status").asText()).isEqualTo("CLOSED");
		assertThat(api.need(published.needId()).path("outcome").asText()).isEqualTo("RESOLVED");
	}

	@Test
	void reopensNeedWhoseResidentIsUnhappyThoughTheProjectSatisfied() {
		long happy = api.pooledNeed("满意的居民", "ELDERLY_CARE");
		long unhappy = api.pooledNeed("不满意的居民", "ELDERLY_CARE");
		long id = api.designedProject("ELDERLY_CARE", List.of(happy, unhappy), List.of("一"));
		api.approve("party1", id, true).expect(200);
		api.claim("org1", id).expect(200);
		api.reportMilestone("org1", id, 0).expect(200);
		api.complete("org1", id).expect(200);
		api.rate("resident1", id, "RESIDENT", happy, 5).expect(201);
		api.rate("resident1", id, "RESIDENT", unhappy, 2).expect(201);
		api.rate("steward1", id, "COMMUNITY", null, 5).expect(201);
		api.rate("org1", id, "IMPLEMENTER", null, 5).expect(201);

		assertThat(api.project(id).path("verdict").asText()).isEqualTo("SATISFIED");
		assertThat(api.need(happy).path("outcome").asText()).isEqualTo("RESOLVED");
		JsonNode reopened = api.need(unhappy);
		assertThat(reopened.path("status").asText()).isEqualTo("OPEN");
		assertThat(reopened.path("round").asInt()).isEqualTo(2);
		assertThat(reopened.path("phase").asText()).isEqualTo("DISCOVER");
	}

	@Test
	void rejectsResidentRatingWithoutOrWithForeignNeed() {
		Published published = api.projectInEvaluation(1);
		long id = published.projectId();
		long foreign = api.reportedNeed("不属于该项目");
		JsonNode before = api.project(id);
		assertThat(api.rate("resident1", id, "RESIDENT", null, 5).expectProblem(400).errorFields())
			.containsExactly("needId");
		assertThat(api.rate("resident1", id, "RESIDENT", foreign, 5).expectProblem(400).errorFields())
			.containsExactly("needId");
		api.rate("resident1", id, "RESIDENT", 987654321L, 5).expectProblem(404);
		api.assertProjectUnchanged(id, before);
	}

	@Test
	void rejectsRatingWithInvalidFields() {
		Published published = api.projectInEvaluation(1);
		long id = published.projectId();
		JsonNode before = api.project(id);
		for (int score : new int[] { 0, 6 }) {
			assertThat(api.rate("steward1", id, "COMMUNITY", null, score).expectProblem(400).errorFields())
				.containsExactly("score");
		}
		assertThat(api.rate("steward1", id, "NEIGHBOURS", null, 5).expectProblem(400).errorFields())
			.containsExactly("perspective");
		assertThat(api.rate("steward1", id, null, null, null).expectProblem(400).errorFields())
			.containsExactlyInAnyOrder("perspective", "score");
		assertThat(api.rate("steward1", id, "COMMUNITY", null, "five").expectProblem(400).errorFields())
			.containsExactly("score");
		api.assertProjectUnchanged(id, before);
	}

	@Test
	void forbidsRatingsFromTheWrongSide() {
		Published published = api.projectInEvaluation(1);
		long id = published.projectId();
		JsonNode before = api.project(id);
		for (String user : List.of("org1", "party1", "resident1", "steward2")) {
			api.rate(user, id, "COMMUNITY", null, 5).expectProblem(403);
		}
		for (String user : List.of("steward1", "org2", "resident1")) {
			api.rate(user, id, "IMPLEMENTER", null, 5).expectProblem(403);
		}
		for (String user : List.of("org1", "party1", "steward2")) {
			api.rate(user, id, "RESIDENT", published.needId(), 5).expectProblem(403);
		}
		api.assertProjectUnchanged(id, before);
	}

	@Test
	void rejectsRatingOutsideTheEvaluation() {
		long inProgress = api.publishedProject("ELDERLY_CARE", 1).projectId();
		api.claim("org1", inProgress).expect(200);
		JsonNode before = api.project(inProgress);
		assertThat(api.rate("steward1", inProgress, "COMMUNITY", null, 5).expectProblem(409).path("code").asText())
			.isEqualTo("problem.evaluation.notOpen");
		api.assertProjectUnchanged(inProgress, before);

		Published published = api.projectInEvaluation(1);
		long id = published.projectId();
		api.rate("steward1", id, "COMMUNITY", null, 5).expect(201);
		api.rate("resident1", id, "RESIDENT", published.needId(), 5).expect(201);
		JsonNode rated = api.project(id);
		api.rate("steward1", id, "COMMUNITY", null, 1).expectProblem(409);
		api.rate("steward1", id, "RESIDENT", published.needId(), 1).expectProblem(409);
		api.assertProjectUnchanged(id, rated);

		api.rate("steward1", 987654321L, "COMMUNITY", null, 5).expectProblem(404);
	}
}
