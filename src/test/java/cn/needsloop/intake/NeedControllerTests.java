package cn.needsloop.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.needsloop.support.Api;
import cn.needsloop.support.Api.Response;
import cn.needsloop.support.ApiTest;

/** {@code /api/needs}: report, read, list, verify, classify, resolve, confirm — each with its errors. */
class NeedControllerTests extends ApiTest {

	private static List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.path("content").forEach(n -> ids.add(n.path("id").asLong()));
		return ids;
	}

	private static List<String> activities(JsonNode need) {
		List<String> activities = new ArrayList<>();
		need.path("history").forEach(h -> activities.add(h.path("activity").asText()));
		return activities;
	}

	// ---------------------------------------------------------------- POST /api/needs

	@Test
	void reportsNeedWithLocationAndStartsVerification() {
		Map<String, Object> body = Api.needBody("xingfu", "独居老人需要助餐 " + Api.unique(), "2号楼王大爷行动不便", 1);
		body.put("gridCode", "xingfu-01");
		Response created = api.as("resident1").post("/api/needs", body).expect(201);

		long id = created.id();
		assertThat(created.header("Location")).endsWith("/api/needs/" + id);
		JsonNode need = created.json();
		assertThat(need.path("status").asText()).isEqualTo("OPEN");
		assertThat(need.path("phase").asText()).isEqualTo("DISCOVER");
		assertThat(need.path("line").asText()).isEqualTo("STEWARD");
		assertThat(need.path("gridCode").asText()).isEqualTo("xingfu-01");
		assertThat(need.path("round").asInt()).isEqualTo(1);
		assertThat(need.path("processInstanceId").asText()).isNotBlank();
		assertThat(need.path("verificationDueAt").asText()).isNotBlank();
		assertThat(activities(need)).containsExactly("Need reported", "Verify the need · to do");
	}

	/** The history is kept as message keys: the same entries read in English for an English reader, in Chinese for others. */
	@Test
	void historyReadsInTheReadersLanguage() {
		long id = api.report("resident1", "xingfu", "楼道灯坏了 " + Api.unique(), "3号楼二单元", 1);
		api.verify("steward1", id, "GENUINE").expect(200);

		JsonNode english = api.as("steward1").language("en").get("/api/needs/" + id).expect(200).json();
		assertThat(activities(english)).containsExactly("Need reported", "Verify the need · to do", "Verify the need · done",
				"Categorise · to do");
		JsonNode chinese = api.as("steward1").language("zh-CN").get("/api/needs/" + id).expect(200).json();
		assertThat(activities(chinese)).containsExactly("上报民需", "核实民需 · 待办", "核实民需 · 完成", "分类汇总 · 待办");
	}

	@Test
	void reportsNeedAsAnySignedInUser() {
		for (String user : List.of("steward1", "party1", "selfgov1", "org1", "manager1")) {
			Response created = api.as(user).post("/api/needs", Api.needBody("xingfu", "路灯坏了 " + user, "楼道没有灯", null))
				.expect(201);
			assertThat(created.path("householdCount").isNull()).isTrue();
		}
	}

	@Test
	void rejectsReportInUnknownCommunityOrGrid() {
		long before = api.needCount();
		assertThat(api.as("resident1").post("/api/needs", Api.needBody("nowhere", "标题", "描述", 1))
			.expectProblem(400)
			.errorFields()).containsExactly("communityCode");
		Map<String, Object> unknownGrid = Api.needBody("xingfu", "标题", "描述", 1);
		unknownGrid.put("gridCode", "xingfu-99");
		assertThat(api.as("resident1").post("/api/needs", unknownGrid).expectProblem(400).errorFields())
			.containsExactly("gridCode");
		Map<String, Object> otherCommunitysGrid = Api.needBody("xingfu", "标题", "描述", 1);
		otherCommunitysGrid.put("gridCode", "dongshan-01");
		assertThat(api.as("resident1").post("/api/needs", otherCommunitysGrid).expectProblem(400).errorFields())
			.containsExactly("gridCode");
		assertThat(api.needCount()).isEqualTo(before);
	}

	@Test
	void rejectsReportWithInvalidFields() {
		long before = api.needCount();
		Map<String, Object> body = Api.needBody("xingfu", " ", "描述", 0);
		body.put("reporterPhone", "call me");
		body.put("channel", null);
		Response problem = api.as("resident1").post("/api/needs", body).expectProblem(400);
		assertThat(problem.errorFields()).containsExactlyInAnyOrder("title", "reporterPhone", "householdCount", "channel");
		assertThat(problem.errorMessage("reporterPhone")).isEqualTo("must be a phone number (digits, +, - and spaces)");
		assertThat(api.needCount()).isEqualTo(before);
	}

	@Test
	void rejectsReportWithoutCredentials() {
		api.anonymous().post("/api/needs", Api.needBody("xingfu", "标题", "描述", 1)).expectProblem(401);
	}

	// ---------------------------------------------------------------- GET /api/needs/{id}

	@Test
	void showsNeedWithHistoryToItsReporterStewardAndManager() {
		long id = api.reportedNeed("需要心理疏导");
		for (String user : List.of("resident1", "steward1", "manager1", "admin1")) {
			JsonNode need = api.as(user).get("/api/needs/" + id).expect(200).json();
			assertThat(need.path("id").asLong()).isEqualTo(id);
			assertThat(need.path("history").isArray()).isTrue();
			assertThat(need.path("history").size()).isPositive();
		}
	}

	@Test
	void hidesNeedFromEveryoneElse() {
		long id = api.reportedNeed("隐私民需");
		for (String user : List.of("steward2", "party1", "selfgov1", "org1")) {
			api.as(user).get("/api/needs/" + id).expectProblem(403);
		}
	}

	@Test
	void answersNotFoundForUnknownNeed() {
		assertThat(api.as("manager1").get("/api/needs/987654321").expectProblem(404).path("code").asText())
			.isEqualTo("problem.notFound.need");
	}

	// ---------------------------------------------------------------- GET /api/needs

	@Test
	void listsNeedsOfOwnCommunityToSteward() {
		long xingfu = api.reportedNeed("幸福社区民需");
		long dongshan = api.report("steward2", "dongshan", "东山村民需", "垃圾清运", 3);

		List<Long> steward1 = ids(api.as("steward1").get("/api/needs?size=200").expect(200).json());
		assertThat(steward1).contains(xingfu).doesNotContain(dongshan);
		List<Long> steward2 = ids(api.as("steward2").get("/api/needs?communityCode=dongshan&size=200").expect(200).json());
		assertThat(steward2).contains(dongshan).doesNotContain(xingfu);
		List<Long> manager = ids(api.as("manager1").get("/api/needs?size=200").expect(200).json());
		assertThat(manager).contains(xingfu, dongshan);
	}

	@Test
	void forbidsStewardToListAnotherCommunity() {
		api.as("steward2").get("/api/needs?communityCode=xingfu").expectProblem(403);
	}

	@Test
	void listsOnlyOwnReportsToResident() {
		long own = api.reportedNeed("我自己的民需");
		long other = api.report("steward1", "xingfu", "管家代报", "代居民上报", 1);
		List<Long> resident = ids(api.as("resident1").get("/api/needs?size=200").expect(200).json());
		assertThat(resident).contains(own).doesNotContain(other);
	}

	@Test
	void filtersNeedsByStatusPhaseAndCategoryAndPages() {
		long discovering = api.reportedNeed("筛选-待核实");
		long classified = api.individualNeed("筛选-已分类", "LEGAL_AID");

		JsonNode inDiscovery = api.as("manager1").get("/api/needs?communityCode=xingfu&phase=DISCOVER&size=200").expect(200).json();
		assertThat(ids(inDiscovery)).contains(discovering).doesNotContain(classified);
		inDiscovery.path("content").forEach(n -> assertThat(n.path("phase").asText()).isEqualTo("DISCOVER"));

		JsonNode legalAid = api.as("manager1").get("/api/needs?category=LEGAL_AID&status=OPEN&size=200").expect(200).json();
		assertThat(ids(legalAid)).contains(classified).doesNotContain(discovering);

		JsonNode page = api.as("manager1").get("/api/needs?page=1&size=1").expect(200).json();
		assertThat(page.path("content").size()).isEqualTo(1);
		assertThat(page.path("page").asInt()).isEqualTo(1);
		assertThat(page.path("size").asInt()).isEqualTo(1);
		assertThat(page.path("totalPages").asLong()).isEqualTo(page.path("totalElements").asLong());
		assertThat(page.path("content").get(0).path("history").isNull()).isTrue();
	}

	@Test
	void rejectsInvalidListParameters() {
		assertThat(api.as("manager1").get("/api/needs?status=PENDING").expectProblem(400).errorFields())
			.containsExactly("status");
		assertThat(api.as("manager1").get("/api/needs?size=0").expectProblem(400).errorFields()).containsExactly("size");
		assertThat(api.as("manager1").get("/api/needs?size=201").expectProblem(400).errorFields()).containsExactly("size");
	}

	// ---------------------------------------------------------------- GET /api/needs/pool

	@Test
	void listsPooledCommonNeedsOfCommunity() {
		long pooled = api.pooledNeed("社区缺少健身器材", "CULTURE_SPORTS");
		long individual = api.individualNeed("个人健身咨询", "CULTURE_SPORTS");
		JsonNode pool = api.as("steward1").get("/api/needs/pool?communityCode=xingfu&size=200").expect(200).json()
			.path("content");
		List<Long> ids = new ArrayList<>();
		pool.forEach(n -> ids.add(n.path("id").asLong()));
		assertThat(ids).contains(pooled).doesNotContain(individual);
		api.as("steward2").get("/api/needs/pool?communityCode=xingfu").expectProblem(403);
	}

	@Test
	void pagesThePoolWithItsTotal() {
		api.pooledNeed("需求池分页一", "CHILD_CARE");
		api.pooledNeed("需求池分页二", "CHILD_CARE");
		JsonNode first = api.as("steward1").get("/api/needs/pool?communityCode=xingfu&size=1").expect(200).json();
		assertThat(first.path("content").size()).isEqualTo(1);
		assertThat(first.path("totalElements").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(first.path("totalPages").asLong()).isEqualTo(first.path("totalElements").asLong());
		JsonNode second = api.as("steward1").get("/api/needs/pool?communityCode=xingfu&size=1&page=1").expect(200).json();
		assertThat(second.path("page").asInt()).isEqualTo(1);
		assertThat(second.path("content").get(0).path("id").asLong())
			.isNotEqualTo(first.path("content").get(0).path("id").asLong());
		second.path("content").forEach(n -> assertThat(n.path("pooled").asBoolean()).isTrue());
		assertThat(api.as("steward1").get("/api/needs/pool?communityCode=xingfu&size=201").expectProblem(400).errorFields())
			.containsExactly("size");
	}

	// ---------------------------------------------------------------- POST /api/needs/{id}/verification

	@Test
	void verifiesGenuineNeedAndProposesClassification() {
		long id = api.reportedNeed("空巢老人没人照顾");
		JsonNode need = api.verify("steward1", id, "GENUINE").expect(200).json();
		assertThat(need.path("verificationVerdict").asText()).isEqualTo("GENUINE");
		assertThat(need.path("phase").asText()).isEqualTo("CATEGORIZE");
		assertThat(need.path("status").asText()).isEqualTo("OPEN");
		assertThat(need.path("proposedCategory").asText()).isEqualTo("ELDERLY_CARE");
		assertThat(need.path("proposedLine").asText()).isNotBlank();
		assertThat(activities(need)).contains("Verify the need · done", "Categorise · to do");
		assertThat(need.path("history").get(2).path("actor").asText()).isEqualTo("steward1");
	}

	@Test
	void closesNeedVerifiedAsNotGenuineOrOutOfScope() {
		long notGenuine = api.reportedNeed("不实民需");
		JsonNode closed = api.verify("steward1", notGenuine, "NOT_GENUINE").expect(200).json();
		assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
		assertThat(closed.path("outcome").asText()).isEqualTo("NOT_GENUINE");
		assertThat(closed.path("closedAt").asText()).isNotBlank();

		long outOfScope = api.reportedNeed("不属社区职责");
		assertThat(api.verify("steward1", outOfScope, "OUT_OF_SCOPE").expect(200).path("outcome").asText())
			.isEqualTo("REFERRED");
	}

	@Test
	void closesDuplicateNeedPointingAtTheOriginal() {
		long original = api.reportedNeed("原始民需");
		long duplicate = api.reportedNeed("重复民需");
		JsonNode closed = api.as("steward1")
			.post("/api/needs/" + duplicate + "/verification",
					Map.of("verdict", "DUPLICATE", "duplicateOfId", original, "note", "与原始民需相同"))
			.expect(200)
			.json();
		assertThat(closed.path("outcome").asText()).isEqualTo("DUPLICATE");
		assertThat(closed.path("duplicateOfId").asLong()).isEqualTo(original);
	}

	@Test
	void rejectsDuplicateVerdictWithoutValidOriginal() {
		long id = api.reportedNeed("重复但未说明");
		long otherCommunity = api.report("steward2", "dongshan", "东山村", "描述", 1);
		JsonNode before = api.need(id);
		String path = "/api/needs/" + id + "/verification";
		assertThat(api.as("steward1").post(path, Map.of("verdict", "DUPLICATE", "note", "重复")).expectProblem(400)
			.errorFields()).containsExactly("duplicateOfId");
		assertThat(api.as("steward1").post(path, Map.of("verdict", "DUPLICATE", "duplicateOfId", 987654321L, "note", "重复"))
			.expectProblem(400).errorFields()).containsExactly("duplicateOfId");
		assertThat(api.as("steward1").post(path, Map.of("verdict", "DUPLICATE", "duplicateOfId", id, "note", "重复"))
			.expectProblem(400).errorFields()).containsExactly("duplicateOfId");
		assertThat(api.as("steward1").post(path, Map.of("verdict", "DUPLICATE", "duplicateOfId", otherCommunity, "note", "重复"))
			.expectProblem(400).errorFields()).containsExactly("duplicateOfId");
		api.assertNeedUnchanged(id, before);
	}

	@Test
	void rejectsVerificationWithMissingFields() {
		long id = api.reportedNeed("核实缺字段");
		JsonNode before = api.need(id);
		assertThat(api.as("steward1").post("/api/needs/" + id + "/verification", Map.of("note", " ")).expectProblem(400)
			.errorFields()).containsExactlyInAnyOrder("verdict", "note");
		api.assertNeedUnchanged(id, before);
	}

	@Test
	void forbidsVerificationOutsideTheCommunitysStewards() {
		long id = api.reportedNeed("只有本社区管家可核实");
		JsonNode before = api.need(id);
		for (String user : List.of("steward2", "resident1", "party1", "manager1")) {
			api.verify(user, id, "GENUINE").expectProblem(403);
		}
		api.assertNeedUnchanged(id, before);
	}

	@Test
	void rejectsSecondVerification() {
		long id = api.verifiedNeed("已核实过");
		JsonNode before = api.need(id);
		assertThat(api.verify("steward1", id, "NOT_GENUINE").expectProblem(409).path("code").asText())
			.isEqualTo("problem.need.notAtStep.verify");
		api.assertNeedUnchanged(id, before);
	}

	@Test
	void answersNotFoundWhenVerifyingUnknownNeed() {
		api.verify("steward1", 987654321L, "GENUINE").expectProblem(404);
	}

	// ---------------------------------------------------------------- POST /api/needs/{id}/classification

	@Test
	void classifiesIndividualNeedAndRoutesItToItsLine() {
		long id = api.verifiedNeed("楼上噪音");
		JsonNode need = api.classify("steward1", id, "NEIGHBOR_DISPUTE", "NORMAL", "INDIVIDUAL").expect(200).json();
		assertThat(need.path("category").asText()).isEqualTo("NEIGHBOR_DISPUTE");
		assertThat(need.path("urgency").asText()).isEqualTo("NORMAL");
		assertThat(need.path("scope").asText()).isEqualTo("INDIVIDUAL");
		assertThat(need.path("phase").asText()).isEqualTo("IMPLEMENT");
		assertThat(need.path("line").asText()).isEqualTo("SELF_GOVERNANCE");
		assertThat(need.path("pooled").asBoolean()).isFalse();
	}

	@Test
	void classifiesCommonNeedIntoThePool() {
		long id = api.verifiedNeed("小区缺少助餐点");
		JsonNode need = api.classify("steward1", id, "ELDERLY_CARE", "HIGH", "COMMON").expect(200).json();
		assertThat(need.path("pooled").asBoolean()).isTrue();
		assertThat(need.path("phase").asText()).isEqualTo("CATEGORIZE");
		assertThat(activities(need)).contains("Put in the pool, waiting for a service project");
	}

	@Test
	void rejectsClassificationOfNeedStillInVerification() {
		long id = api.reportedNeed("还在核实");
		JsonNode before = api.need(id);
		assertThat(api.classify("steward1", id, "SAFETY", "URGENT", "INDIVIDUAL").expectProblem(409).path("code").asText())
			.isEqualTo("problem.need.notAtStep.classify");
		api.assertNeedUnchanged(id, before);
	}

	@Test
	void rejectsClassificationWithBadValues() {
		long id = api.verifiedNeed("分类取值有误");
		JsonNode before = api.need(id);
		Response problem = api.classify("steward1", id, "WEATHER", "NORMAL", "INDIVIDUAL").expectProblem(400);
		assertThat(problem.errorFields()).containsExactly("category");
		assertThat(api.as("steward1").post("/api/needs/" + id + "/classification", Map.of("category", "SAFETY"))
			.expectProblem(400).errorFields()).containsExactlyInAnyOrder("urgency", "scope");
		api.assertNeedUnchanged(id, before);
	}

	@Test
	void forbidsClassificationToOthers() {
		long id = api.verifiedNeed("分类权限");
		JsonNode before = api.need(id);
		api.classify("steward2", id, "SAFETY", "URGENT", "INDIVIDUAL").expectProblem(403);
		api.classify("resident1", id, "SAFETY", "URGENT", "INDIVIDUAL").expectProblem(403);
		api.assertNeedUnchanged(id, before);
	}

	// ---------------------------------------------------------------- POST /api/needs/{id}/resolution

	@Test
	void resolvesIndividualNeedByTheRoutedLine() {
		long id = api.individualNeed("邻居漏水", "NEIGHBOR_DISPUTE");
		api.as("selfgov1").post("/api/needs/" + id + "/resolution", Map.of("note", "居委会调解完毕")).expect(204);
		JsonNode need = api.need(id);
		assertThat(need.path("phase").asText()).isEqualTo("EVALUATE");
		assertThat(need.path("status").asText()).isEqualTo("OPEN");
		assertThat(activities(need)).contains("Resolve the individual need · done", "Resident confirms · to do");
	}

	@Test
	void routesIndividualNeedsByCategory() {
		long party = api.individualNeed("就业困难", "EMPLOYMENT");
		assertThat(api.need(party).path("line").asText()).isEqualTo("PARTY");
		api.as("party1").post("/api/needs/" + party + "/resolution", Map.of("note", "党员帮扶就业")).expect(204);

		long steward = api.individualNeed("老人想办老年卡", "ELDERLY_CARE");
		assertThat(api.need(steward).path("line").asText()).isEqualTo("STEWARD");
		api.as("steward1").post("/api/needs/" + steward + "/resolution", Map.of("note", "代办完成")).expect(204);
	}

	@Test
	void forbidsResolutionOutsideTheRoutedLine() {
		long id = api.individualNeed("只能居委会办理", "NEIGHBOR_DISPUTE");
		JsonNode before = api.need(id);
		for (String user : List.of("steward1", "party1", "resident1", "org1")) {
			api.as(user).post("/api/needs/" + id + "/resolution", Map.of("note", "越权办理")).expectProblem(403);
		}
		api.assertNeedUnchanged(id, before);
	}

	@Test
	void rejectsResolutionOutOfTurnOrWithoutNote() {
		long verifying = api.reportedNeed("尚未分类");
		JsonNode before = api.need(verifying);
		api.as("steward1").post("/api/needs/" + verifying + "/resolution", Map.of("note", "提前办结")).expectProblem(409);
		api.assertNeedUnchanged(verifying, before);

		long id = api.individualNeed("缺少办理说明", "NEIGHBOR_DISPUTE");
		JsonNode waiting = api.need(id);
		assertThat(api.as("selfgov1").post("/api/needs/" + id + "/resolution", Map.of("note", "")).expectProblem(400)
			.errorFields()).containsExactly("note");
		api.assertNeedUnchanged(id, waiting);
		api.as("selfgov1").post("/api/needs/987654321/resolution", Map.of("note", "x")).expectProblem(404);
	}

	// ---------------------------------------------------------------- POST /api/needs/{id}/confirmation

	private long resolvedNeed(String title) {
		long id = api.individualNeed(title, "NEIGHBOR_DISPUTE");
		api.as("selfgov1").post("/api/needs/" + id + "/resolution", Map.of("note", "已调解")).expect(204);
		return id;
	}

	@Test
	void closesNeedAsResolvedWhenReporterConfirms() {
		long id = resolvedNeed("居民确认满意");
		api.as("resident1").post("/api/needs/" + id + "/confirmation", Map.of("score", 5, "comment", "很满意")).expect(204);
		JsonNode need = api.need(id);
		assertThat(need.path("status").asText()).isEqualTo("CLOSED");
		assertThat(need.path("outcome").asText()).isEqualTo("RESOLVED");
		assertThat(need.path("score").asInt()).isEqualTo(5);
		assertThat(need.path("line").isNull()).isTrue();
	}

	@Test
	void letsStewardConfirmOnReturnVisit() {
		long id = resolvedNeed("管家回访确认");
		api.as("steward1").post("/api/needs/" + id + "/confirmation", Map.of("score", 4)).expect(204);
		assertThat(api.need(id).path("outcome").asText()).isEqualTo("RESOLVED");
	}

	@Test
	void reopensNeedRatedPoorlyForANewRound() {
		long id = resolvedNeed("居民不满意");
		api.as("resident1").post("/api/needs/" + id + "/confirmation", Map.of("score", 2, "comment", "没有解决")).expect(204);
		JsonNode need = api.need(id);
		assertThat(need.path("status").asText()).isEqualTo("OPEN");
		assertThat(need.path("phase").asText()).isEqualTo("DISCOVER");
		assertThat(need.path("round").asInt()).isEqualTo(2);
		assertThat(need.path("score").isNull()).isTrue();
		api.verify("steward1", id, "GENUINE").expect(200);
	}

	@Test
	void rejectsConfirmationWithScoreOutOfRange() {
		long id = resolvedNeed("评分越界");
		JsonNode before = api.need(id);
		for (int score : new int[] { 0, 6 }) {
			assertThat(api.as("resident1").post("/api/needs/" + id + "/confirmation", Map.of("score", score))
				.expectProblem(400).errorFields()).containsExactly("score");
		}
		assertThat(api.as("resident1").post("/api/needs/" + id + "/confirmation", Map.of("comment", "忘了打分"))
			.expectProblem(400).errorFields()).containsExactly("score");
		api.assertNeedUnchanged(id, before);
	}

	@Test
	void forbidsConfirmationToOthers() {
		long id = resolvedNeed("他人不能确认");
		JsonNode before = api.need(id);
		// the manager may see the need, but the confirmation is the reporter's or the steward's
		for (String user : List.of("party1", "selfgov1", "steward2", "org1", "manager1")) {
			api.as(user).post("/api/needs/" + id + "/confirmation", Map.of("score", 5)).expectProblem(403);
		}
		api.assertNeedUnchanged(id, before);
	}

	@Test
	void rejectsConfirmationBeforeResolution() {
		long id = api.individualNeed("还没办理", "NEIGHBOR_DISPUTE");
		JsonNode before = api.need(id);
		assertThat(api.as("resident1").post("/api/needs/" + id + "/confirmation", Map.of("score", 5)).expectProblem(409)
			.path("code").asText()).isEqualTo("problem.need.notAtStep.confirm");
		api.assertNeedUnchanged(id, before);
	}
}
