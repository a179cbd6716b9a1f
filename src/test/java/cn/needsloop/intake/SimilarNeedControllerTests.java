package cn.needsloop.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.needsloop.support.Api;
import cn.needsloop.support.ApiTest;

/**
 * Similar open needs over the API (issue 13): offered while reporting, 我也有此需求 instead of a second report, the
 * steward's ranked suggestions at verification, and the households that joined counting towards the consultation
 * threshold of a project. Each test writes about a building number of its own, so that needs of other tests in the
 * shared database are not the ones found.
 */
class SimilarNeedControllerTests extends ApiTest {

	private static final AtomicInteger BUILDINGS = new AtomicInteger(
			100 + (int) (System.nanoTime() % 400));

	private static int building() {
		return BUILDINGS.addAndGet(7);
	}

	private static Map<String, Object> draft(String community, String title, String description) {
		Map<String, Object> draft = new LinkedHashMap<>();
		draft.put("communityCode", community);
		draft.put("gridCode", null);
		draft.put("title", title);
		draft.put("description", description);
		return draft;
	}

	private static List<Long> ids(JsonNode suggestions) {
		List<Long> ids = new ArrayList<>();
		suggestions.forEach(s -> ids.add(s.path("id").asLong()));
		return ids;
	}

	private static Map<String, Object> meToo(int people) {
		return Map.of("reporterName", "刘秀英", "reporterPhone", "13800000001", "people", people);
	}

	@Test
	void offersAnOpenNeedOfTheCommunityLikeTheOneBeingWritten() {
		int b = building();
		long light = api.report("steward1", "xingfu", b + "号楼2单元楼道灯坏了",
				b + "号楼二单元三楼到五楼的声控灯都不亮，晚上上楼只能用手机照", 1);
		long lift = api.report("steward1", "xingfu", b + "号楼2单元电梯又停了", "电梯这周停运三次，昨天还困住了人", 1);

		JsonNode found = api.as("resident1")
			.post("/api/needs/similar", draft("xingfu", b + "号楼楼梯灯不亮", "我们二单元晚上楼梯一片漆黑，声控灯坏了好久"))
			.expect(200)
			.json();
		assertThat(ids(found)).contains(light).doesNotContain(lift).hasSizeLessThanOrEqualTo(SimilarNeeds.OFFERED);
		JsonNode first = found.get(ids(found).indexOf(light));
		assertThat(first.path("score").asInt()).isBetween(25, 100);
		assertThat(first.path("households").asInt()).isEqualTo(1);
		assertThat(first.path("samePlace").asBoolean()).isTrue();
		assertThat(first.has("reporterName")).as("a suggestion shows no reporter").isFalse();

		// another community's open needs are not offered; an empty draft is offered nothing; suggestions never block
		assertThat(ids(api.as("resident1")
			.post("/api/needs/similar", draft("dongshan", b + "号楼楼梯灯不亮", "声控灯坏了"))
			.expect(200)
			.json())).doesNotContain(light);
		assertThat(api.as("resident1").post("/api/needs/similar", draft("xingfu", "", "")).expect(200).json()).isEmpty();
		assertThat(api.as("resident1").post("/api/needs/similar", draft("nowhere", "灯", "灯")).expectProblem(400)
			.errorFields()).contains("communityCode");
		api.report("resident1", "xingfu", b + "号楼楼梯灯不亮", "我们二单元晚上楼梯一片漆黑", 1);
	}

	@Test
	void meTooAddsTheHouseholdToTheOpenNeedInsteadOfAReport() {
		int b = building();
		long need = api.report("steward1", "xingfu", b + "号楼门口井盖没了", b + "号楼门口的井盖不见了，黑洞洞的", 3);

		JsonNode joined = api.as("resident1").post("/api/needs/" + need + "/supporters", meToo(4)).expect(201).json();
		assertThat(joined.path("needId").asLong()).isEqualTo(need);
		assertThat(joined.path("households").asInt()).isEqualTo(4);
		assertThat(joined.path("people").asInt()).isEqualTo(4);

		JsonNode seen = api.as("steward1").get("/api/needs/" + need).expect(200).json();
		assertThat(seen.path("householdCount").asInt()).isEqualTo(4);
		assertThat(seen.path("peopleCount").asInt()).isEqualTo(4);
		List<String> activities = new ArrayList<>();
		seen.path("history").forEach(h -> activities.add(h.path("activity").asText()));
		assertThat(activities).anyMatch(a -> a.startsWith("Me too: one more household"));

		// once per household; the reporter has nothing to join; the phone is checked as on a report
		assertThat(api.as("resident1").post("/api/needs/" + need + "/supporters", meToo(1)).expectProblem(409)
			.json()
			.path("detail")
			.asText()).contains(String.valueOf(need));
		api.as("steward1").post("/api/needs/" + need + "/supporters", meToo(1)).expectProblem(409);
		assertThat(api.as("steward2")
			.post("/api/needs/" + need + "/supporters",
					Map.of("reporterName", "陈刚", "reporterPhone", "not a phone", "people", 1))
			.expectProblem(400)
			.errorFields()).contains("reporterPhone");
		assertThat(api.as("steward1").get("/api/needs/" + need).expect(200).path("householdCount").asInt()).isEqualTo(4);
		api.as("resident1").post("/api/needs/987654321/supporters", meToo(1)).expectProblem(404);
	}

	@Test
	void aClosedNeedIsOfferedNoMoreAndCannotBeJoined() {
		int b = building();
		long need = api.report("steward1", "xingfu", b + "号楼楼顶漏雨", b + "号楼顶楼一下雨就往屋里滴水，墙皮都泡掉了", 1);
		Map<String, Object> draft = draft("xingfu", b + "号楼顶楼漏雨", "屋顶漏雨，天花板发霉");
		assertThat(ids(api.as("resident1").post("/api/needs/similar", draft).expect(200).json())).contains(need);

		api.verify("steward1", need, "NOT_GENUINE").expect(200);
		assertThat(api.as("steward1").get("/api/needs/" + need).expect(200).path("status").asText()).isEqualTo("CLOSED");
		assertThat(ids(api.as("resident1").post("/api/needs/similar", draft).expect(200).json())).doesNotContain(need);
		api.as("resident1").post("/api/needs/" + need + "/supporters", meToo(1)).expectProblem(409);
	}

	@Test
	void theStewardSeesRankedSuggestionsAndMarksADuplicateOfOne() {
		int b = building();
		long original = api.report("steward1", "xingfu", b + "号楼消防通道被车堵了", b + "号楼后面的消防通道天天停满私家车，消防车进不来", 1);
		long later = api.report("resident1", "xingfu", b + "号楼消防通道堵塞", b + "号楼北侧消防通道长期被车辆占用，存在安全隐患", 1);

		JsonNode ranked = api.as("steward1").get("/api/needs/" + later + "/similar").expect(200).json();
		assertThat(ids(ranked)).contains(original).doesNotContain(later);
		List<Integer> scores = new ArrayList<>();
		ranked.forEach(s -> scores.add(s.path("score").asInt()));
		assertThat(scores).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		api.as("resident1").get("/api/needs/" + later + "/similar").expectProblem(403);
		api.as("steward2").get("/api/needs/" + later + "/similar").expectProblem(403);

		api.as("steward1")
			.post("/api/needs/" + later + "/verification",
					Map.of("verdict", "DUPLICATE", "duplicateOfId", original, "note", "与民需 #" + original + " 重复"))
			.expect(200);
		JsonNode closed = api.as("steward1").get("/api/needs/" + later).expect(200).json();
		assertThat(closed.path("duplicateOfId").asLong()).isEqualTo(original);
		assertThat(closed.path("outcome").asText()).isEqualTo("DUPLICATE");
		// the duplicate is closed: it is no longer offered for the original
		assertThat(ids(api.as("steward1").get("/api/needs/" + original + "/similar").expect(200).json()))
			.doesNotContain(later);
	}

	@Test
	void householdsThatSaidMeTooCountTowardsTheConsultationThreshold() {
		// 29 households + 1 that joined = 30: the project goes to a community consultation first
		long need = commonNeed(29);
		api.as("resident1").post("/api/needs/" + need + "/supporters", meToo(2)).expect(201);
		JsonNode project = designed(need);
		assertThat(project.path("householdCount").asInt()).isEqualTo(30);
		assertThat(project.path("status").asText()).isEqualTo("CONSULTATION");

		// 28 + 1 = 29: below the threshold, straight to the party's approval
		long fewer = commonNeed(28);
		api.as("resident1").post("/api/needs/" + fewer + "/supporters", meToo(2)).expect(201);
		JsonNode small = designed(fewer);
		assertThat(small.path("householdCount").asInt()).isEqualTo(29);
		assertThat(small.path("status").asText()).isEqualTo("APPROVAL");
	}

	private long commonNeed(int households) {
		int b = building();
		long id = api.report("steward1", "xingfu", b + "号楼想加装电梯", b + "号楼是老楼，没有电梯，楼里老人多", households);
		api.verify("steward1", id, "GENUINE").expect(200);
		api.classify("steward1", id, "FACILITIES", "NORMAL", "COMMON").expect(200);
		return id;
	}

	private JsonNode designed(long need) {
		Map<String, Object> body = Api.projectBody("xingfu", "FACILITIES", List.of(need), List.of("入户征求意见"));
		body.put("householdCount", 1);
		body.put("budgetYuan", 1000);
		long project = api.as("steward1").post("/api/projects", body).expect(201).id();
		return api.as("steward1").get("/api/projects/" + project).expect(200).json();
	}
}
