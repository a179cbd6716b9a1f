package cn.needsloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.needsloop.support.Api;
import cn.needsloop.support.Api.Published;
import cn.needsloop.support.Api.Response;
import cn.needsloop.support.ApiTest;

/**
 * {@code Idempotency-Key} on the creating POSTs of the API: a request sent again with its key answers as the
 * first time and creates nothing; the key belongs to its user; another request with the key is refused.
 */
class IdempotencyKeyControllerTests extends ApiTest {

	@Autowired
	private IdempotencyKeys keys;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	private static String newKey() {
		return UUID.randomUUID().toString();
	}

	private Response report(String user, String key, Map<String, Object> body) {
		return api.as(user).header(IdempotencyKeys.HEADER, key).post("/api/needs", body);
	}

	private static Map<String, Object> need(String title) {
		return Api.needBody("xingfu", title + " " + Api.unique(), "重发测试：" + title, 1);
	}

	@Test
	void sameKeyTwiceCreatesOneNeedAndAnswersAsTheFirstTime() {
		String key = newKey();
		Map<String, Object> body = need("路灯不亮");
		long before = api.needCount();

		Response first = report("resident1", key, body).expect(201);
		Response again = report("resident1", key, body).expect(201);

		assertThat(api.needCount()).isEqualTo(before + 1);
		assertThat(again.json()).isEqualTo(first.json());
		assertThat(again.header("Location")).isEqualTo(first.header("Location")).isEqualTo("/api/needs/" + first.id());
		assertThat(again.contentType()).startsWith("application/json");
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(first.header("Idempotent-Replayed")).isNull();
	}

	@Test
	void sameBodyWithItsFieldsInAnotherOrderIsTheSameRequest() {
		String key = newKey();
		String title = "楼道堆物 " + Api.unique();
		String body = "{\"communityCode\":\"xingfu\",\"channel\":\"ONLINE\",\"title\":\"" + title
				+ "\",\"description\":\"三楼楼道堆满杂物\",\"reporterName\":\"测试居民\",\"reporterPhone\":\"13800000000\"}";
		String reordered = "{ \"reporterPhone\": \"13800000000\", \"title\": \"" + title
				+ "\", \"channel\": \"ONLINE\", \"communityCode\": \"xingfu\",\n \"reporterName\": \"测试居民\", "
				+ "\"description\": \"三楼楼道堆满杂物\" }";
		long before = api.needCount();

		Response first = api.as("resident1").header(IdempotencyKeys.HEADER, key).postRaw("/api/needs", body).expect(201);
		Response again = api.as("resident1").header(IdempotencyKeys.HEADER, key).postRaw("/api/needs", reordered)
			.expect(201);

		assertThat(again.id()).isEqualTo(first.id());
		assertThat(api.needCount()).isEqualTo(before + 1);
	}

	@Test
	void sameKeyWithAnotherBodyIsRefusedAndCreatesNothing() {
		String key = newKey();
		report("resident1", key, need("井盖松动")).expect(201);
		long before = api.needCount();

		Response english = report("resident1", key, need("另一件事")).expectProblem(422);
		Response chinese = api.as("resident1").language("zh-CN").header(IdempotencyKeys.HEADER, key)
			.post("/api/needs", need("又一件事"))
			.expectProblem(422);

		assertThat(english.path("code").asText()).isEqualTo("problem.idempotency.mismatch");
		assertThat(english.path("detail").asText()).contains("already used for another request");
		assertThat(chinese.path("detail").asText()).contains("已用于另一个请求");
		assertThat(chinese.path("title").asText()).isEqualTo("无法处理");
		assertThat(api.needCount()).isEqualTo(before);
	}

	@Test
	void theSameKeyOfAnotherUserIsAnotherRequest() {
		String key = newKey();
		Map<String, Object> body = need("共用的键");
		long before = api.needCount();

		long mine = report("resident1", key, body).expect(201).id();
		long theirs = report("steward1", key, body).expect(201).id();

		assertThat(theirs).isNotEqualTo(mine);
		assertThat(api.needCount()).isEqualTo(before + 2);
		api.as("resident1").get("/api/needs/" + mine).expect(200);
		api.as("resident1").get("/api/needs/" + theirs).expectProblem(403);
	}

	@Test
	void identicalRequestsSentAtTheSameMomentCreateOneNeed() {
		String key = newKey();
		Map<String, Object> body = need("同时重发");
		long before = api.needCount();
		List<Supplier<Response>> calls = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			calls.add(() -> report("resident1", key, body));
		}

		List<Response> answers = Api.atOnce(calls);

		answers.forEach(answer -> answer.expect(201));
		assertThat(answers).extracting(Response::id).containsOnly(answers.get(0).id());
		assertThat(answers).extracting(a -> a.header("Idempotent-Replayed")).containsOnlyOnce((String) null);
		assertThat(api.needCount()).isEqualTo(before + 1);
	}

	@Test
	void refusesAKeyThatIsTooLongOrHasOtherCharactersAndCreatesNothing() {
		long before = api.needCount();
		for (String bad : List.of("k".repeat(65), "a b", "a/b", "key;1", "")) {
			Response refused = report("resident1", bad, need("坏的键")).expectProblem(400);
			assertThat(refused.errorFields()).containsExactly(IdempotencyKeys.HEADER);
		}
		assertThat(api.as("resident1").language("zh-CN").header(IdempotencyKeys.HEADER, "a/b")
			.post("/api/needs", need("坏的键"))
			.expectProblem(400)
			.errorMessage(IdempotencyKeys.HEADER)).contains("须为 1 至 64 个字母");
		assertThat(api.needCount()).isEqualTo(before);
		report("resident1", "k".repeat(64), need("最长的键")).expect(201);
		report("resident1", "order-2026.11:A_1", need("各种字符")).expect(201);
	}

	@Test
	void badInputIsNotKeptSoTheCorrectedRequestMayUseTheKey() {
		String key = newKey();
		Map<String, Object> bad = need("缺少电话");
		bad.put("reporterPhone", "call me");
		report("resident1", key, bad).expectProblem(400);

		long before = api.needCount();
		report("resident1", key, need("补上电话")).expect(201);
		assertThat(api.needCount()).isEqualTo(before + 1);
	}

	@Test
	void aRefusalIsKeptAndAnsweredAgain() {
		String key = newKey();
		Map<String, Object> rating = Map.of("perspective", "COMMUNITY", "score", 4);
		Response first = api.as("steward1").header(IdempotencyKeys.HEADER, key)
			.post("/api/projects/987654321/evaluations", rating)
			.expectProblem(404);
		Response again = api.as("steward1").header(IdempotencyKeys.HEADER, key)
			.post("/api/projects/987654321/evaluations", rating)
			.expectProblem(404);
		assertThat(again.json()).isEqualTo(first.json());
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
	}

	@Test
	void aKeyIsKeptForADayAndThenForgotten() {
		String key = newKey();
		String cleaned = newKey();
		Map<String, Object> body = need("一天以后");
		long first = report("resident1", key, body).expect(201).id();
		long firstCleaned = report("resident1", cleaned, body).expect(201).id();

		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(23))));
		assertThat(report("resident1", key, body).expect(201).id()).isEqualTo(first);

		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(2))));
		// an expired key that the cleanup has not reached yet counts as new
		assertThat(report("resident1", key, body).expect(201).id()).isNotEqualTo(first);
		// the cleanup removes the others
		assertThat(keys.removeExpired()).isPositive();
		assertThat(report("resident1", cleaned, body).expect(201).id()).isNotEqualTo(firstCleaned);
	}

	@Test
	void everyCreatingOperationTakesTheKey() {
		String key = newKey();
		Map<String, Object> certificate = Map.of("communityCode", "xingfu", "kind", "ONLY_CHILD", "applicantName",
				"刘秀英", "applicantPhone", "13800000001", "purpose", "办理相关业务 " + Api.unique());
		Response issued = api.as("resident1").header(IdempotencyKeys.HEADER, key).post("/api/certificates", certificate)
			.expect(201);
		Response again = api.as("resident1").header(IdempotencyKeys.HEADER, key).post("/api/certificates", certificate)
			.expect(201);
		assertThat(again.id()).isEqualTo(issued.id());
		assertThat(again.header("Location")).isEqualTo("/api/certificates/" + issued.id());

		// a rating sent again gets its 201, not the 409 of a rating already given
		Published project = api.projectInEvaluation(1);
		String ratingKey = newKey();
		Map<String, Object> rating = Map.of("perspective", "COMMUNITY", "score", 4, "comment", "好");
		String path = "/api/projects/" + project.projectId() + "/evaluations";
		api.as("steward1").header(IdempotencyKeys.HEADER, ratingKey).post(path, rating).expect(201);
		api.as("steward1").header(IdempotencyKeys.HEADER, ratingKey).post(path, rating).expect(201);
		assertThat(api.project(project.projectId()).path("evaluations").size()).isEqualTo(1);
		api.as("steward1").post(path, rating).expectProblem(409);
	}

	@Test
	void theKeyIsIgnoredOnSteps() {
		long id = api.reportedNeed("步骤不看键");
		String key = newKey();
		Map<String, Object> verify = Map.of("verdict", "GENUINE", "note", "已核实");
		api.as("steward1").header(IdempotencyKeys.HEADER, key).post("/api/needs/" + id + "/verification", verify)
			.expect(200);
		api.as("steward1").header(IdempotencyKeys.HEADER, key).post("/api/needs/" + id + "/verification", verify)
			.expectProblem(409);
	}

	@Test
	void theApiDocumentShowsTheHeaderOnTheCreatingOperations() {
		JsonNode paths = api.as("steward1").get("/v3/api-docs").expect(200).path("paths");
		for (String path : List.of("/api/needs", "/api/projects", "/api/consultations", "/api/certificates",
				"/api/registrations", "/api/dispatches", "/api/work-items", "/api/projects/{id}/evaluations")) {
			JsonNode post = paths.path(path).path("post");
			assertThat(headers(post)).as("headers of POST %s", path).contains(IdempotencyKeys.HEADER);
			assertThat(post.path("responses").has("422")).as("422 of POST %s", path).isTrue();
		}
		assertThat(headers(paths.path("/api/needs/{id}/verification").path("post"))).doesNotContain(IdempotencyKeys.HEADER);
	}

	private static List<String> headers(JsonNode operation) {
		List<String> names = new ArrayList<>();
		operation.path("parameters").forEach(p -> {
			if ("header".equals(p.path("in").asText())) {
				names.add(p.path("name").asText());
			}
		});
		return names;
	}
}
