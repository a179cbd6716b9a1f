package cn.needsloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.needsloop.calendar.WorkingCalendar;
import cn.needsloop.consultation.ConsultationService;
import cn.needsloop.support.Api;
import cn.needsloop.support.Api.Published;
import cn.needsloop.support.ApiTest;
import cn.needsloop.support.ConsultationSteps;

/**
 * Personal data over the API, as each demo role reads it. Those who serve a case (managers, the stewards of its
 * community, and for a consultation its self-governance line) see accounts; an organisation, another line or a
 * resident sees a role (居民) instead of a resident's account. Phone numbers are masked for everyone but their
 * owner; the steward of the community reveals one, which is recorded, and managers read the record.
 */
class PersonalDataControllerTests extends ApiTest {

	static final String PHONE = "13800000001";

	static final String MASKED = "138****0001";

	@Autowired
	ConsultationService consultations;

	@Autowired
	ManagementService management;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	// ------------------------------------------------------------------ item 13: roles instead of accounts

	@Test
	void organisationReadsRatersAsRolesNotAccounts() {
		Published published = api.projectInEvaluation(1);
		long id = published.projectId();
		api.rate("resident1", id, "RESIDENT", published.needId(), 5).expect(201);
		api.rate("steward1", id, "COMMUNITY", null, 4).expect(201);
		api.rate("org1", id, "IMPLEMENTER", null, 5).expect(201);

		Api.Response asOrg = api.as("org1").language("zh-CN").get("/api/projects/" + id).expect(200);
		assertThat(rater(asOrg.json(), "RESIDENT")).isEqualTo("居民");
		assertThat(rater(asOrg.json(), "COMMUNITY")).isEqualTo("民需管家");
		assertThat(rater(asOrg.json(), "IMPLEMENTER")).as("their own rating").isEqualTo("org1");
		assertThat(asOrg.body()).doesNotContain("resident1", "steward1");
		assertThat(rater(api.as("org1").get("/api/projects/" + id).expect(200).json(), "RESIDENT")).as("in English")
			.isEqualTo("Resident");

		JsonNode asParty = api.as("party1").language("zh-CN").get("/api/projects/" + id).expect(200).json();
		assertThat(rater(asParty, "RESIDENT")).isEqualTo("居民");
		assertThat(asParty.path("milestones").get(0).path("reportedBy").asText()).isEqualTo("社会组织");

		JsonNode asSteward = api.as("steward1").get("/api/projects/" + id).expect(200).json();
		assertThat(rater(asSteward, "RESIDENT")).isEqualTo("resident1");
		assertThat(asSteward.path("milestones").get(0).path("reportedBy").asText()).isEqualTo("org1");
		assertThat(rater(api.as("manager1").get("/api/projects/" + id).expect(200).json(), "RESIDENT"))
			.isEqualTo("resident1");
		assertThat(rater(api.as("steward2").get("/api/projects/" + id).expect(200).json(), "RESIDENT"))
			.as("a steward of another community").isEqualTo("Resident");
	}

	@Test
	void organisationReadsAConsultationsProposerObjectorAndParticipantsWithoutTheirIdentities() {
		long id = api.as("resident1")
			.post("/api/consultations", Map.of("communityCode", "xingfu", "topic", "助餐点选址 " + Api.unique(), "topicType",
					"ELDERLY_CHILD_SERVICES", "description", "居民提出：助餐点设在哪里"))
			.expect(201)
			.id();
		new ConsultationSteps(consultations, management, calendar).consult(id, 9, 7, 1, 1);
		api.as("resident1").post("/api/consultations/" + id + "/objections", Map.of("text", "选址离我家太近"))
			.expect(200);

		Api.Response asOrg = api.as("org1").language("zh-CN").get("/api/consultations/" + id).expect(200);
		JsonNode view = asOrg.json();
		assertThat(view.path("proposedBy").asText()).isEqualTo("居民");
		assertThat(view.path("objections").get(0).path("raisedBy").asText()).isEqualTo("居民");
		assertThat(view.path("rounds").get(0).path("recordedBy").asText()).isEqualTo("居民自治组织");
		assertThat(texts(view.path("participants"), "name")).contains("王**", "李**", "幸福物业", "阳光社工服务中心")
			.doesNotContain("王建国", "李红");
		assertThat(texts(view.path("history"), "actor")).doesNotContain("resident1", "selfgov1");
		assertThat(asOrg.body()).doesNotContain("resident1", "selfgov1", "王建国");
		assertThat(api.as("org1").language("zh-CN").get("/api/consultations?communityCode=xingfu&size=200").expect(200)
			.body()).as("the list").doesNotContain("\"resident1\"", "王建国");

		for (String servant : List.of("selfgov1", "steward1", "manager1")) {
			JsonNode served = api.as(servant).get("/api/consultations/" + id).expect(200).json();
			assertThat(served.path("proposedBy").asText()).as(servant).isEqualTo("resident1");
			assertThat(served.path("objections").get(0).path("raisedBy").asText()).as(servant).isEqualTo("resident1");
			assertThat(texts(served.path("participants"), "name")).as(servant).contains("王建国");
		}
		JsonNode own = api.as("resident1").get("/api/consultations/" + id).expect(200).json();
		assertThat(own.path("proposedBy").asText()).as("the proposer reads their own account").isEqualTo("resident1");
		assertThat(own.path("rounds").get(0).path("recordedBy").asText()).isEqualTo("Self-governance line");
	}

	@Test
	void residentFollowingTheirNeedSeesWhoActedAsRoles() {
		long id = report("resident1", "xingfu");
		api.verify("steward1", id, "GENUINE").expect(200);

		List<String> actors = texts(api.as("resident1").language("zh-CN").get("/api/needs/" + id).expect(200).json()
			.path("history"), "actor");
		assertThat(actors).contains("民需管家").doesNotContain("steward1");
		assertThat(texts(api.as("steward1").get("/api/needs/" + id).expect(200).json().path("history"), "actor"))
			.contains("steward1");
	}

	// ------------------------------------------------------------------ item 15: masked phone numbers

	@Test
	void reportersPhoneIsMaskedForEveryoneButTheReporter() {
		long id = report("resident1", "xingfu");

		JsonNode own = api.as("resident1").get("/api/needs/" + id).expect(200).json();
		assertThat(own.path("reporterPhone").asText()).isEqualTo(PHONE);
		for (String reader : List.of("steward1", "manager1")) {
			JsonNode need = api.as(reader).get("/api/needs/" + id).expect(200).json();
			assertThat(need.path("reporterPhone").asText()).as(reader).isEqualTo(MASKED);
			assertThat(need.path("reporterName").asText()).as("%s serves the need", reader).isEqualTo("刘秀英");
		}
		for (String stranger : List.of("org1", "party1", "steward2")) {
			api.as(stranger).get("/api/needs/" + id).expectProblem(403);
		}
		long atStation = report("steward1", "xingfu");
		assertThat(api.as("steward1").get("/api/needs/" + atStation).expect(200).json().path("reporterPhone").asText())
			.as("a steward who entered a resident's number reads it masked too").isEqualTo(MASKED);

		for (String reader : List.of("steward1", "manager1")) {
			JsonNode page = api.as(reader).get("/api/needs?communityCode=xingfu&size=200").expect(200).json();
			assertThat(texts(page.path("content"), "reporterPhone")).as("the list as %s", reader)
				.isNotEmpty()
				.allSatisfy(phone -> assertThat(phone).contains("****"));
		}
		JsonNode mine = api.as("resident1").get("/api/needs?size=200").expect(200).json();
		assertThat(texts(mine.path("content"), "reporterPhone")).as("my needs").contains(PHONE);
		assertThat(texts(api.as("steward1").get("/api/needs/pool?communityCode=xingfu").expect(200).json().path("content"),
				"reporterPhone")).as("the needs pool").allSatisfy(phone -> assertThat(phone).contains("****"));
	}

	@Test
	void applicantsPhoneIsMaskedForEveryoneButTheApplicant() {
		long id = certificate("resident1");

		assertThat(api.as("resident1").get("/api/certificates/" + id).expect(200).json().path("applicantPhone").asText())
			.isEqualTo(PHONE);
		for (String reader : List.of("steward1", "manager1")) {
			JsonNode certificate = api.as(reader).get("/api/certificates/" + id).expect(200).json();
			assertThat(certificate.path("applicantPhone").asText()).as(reader).isEqualTo(MASKED);
			assertThat(certificate.path("applicantName").asText()).as(reader).isEqualTo("刘秀英");
		}
		api.as("org1").get("/api/certificates/" + id).expectProblem(403);
	}

	@Test
	void registrantsPhoneIsMaskedForEveryoneButTheRegistrant() {
		String member = newResident();
		long id = api.as(member).post("/api/registrations", registration("周明")).expect(201).id();

		assertThat(api.as(member).get("/api/registrations/" + id).expect(200).json().path("phone").asText())
			.isEqualTo(PHONE);
		for (String staff : List.of("party1", "steward1", "manager1")) {
			JsonNode registration = api.as(staff).get("/api/registrations/" + id).expect(200).json();
			assertThat(registration.path("phone").asText()).as(staff).isEqualTo(MASKED);
			assertThat(registration.path("name").asText()).as(staff).isEqualTo("周明");
			JsonNode roster = api.as(staff).get("/api/registrations?communityCode=xingfu").expect(200).json();
			assertThat(texts(roster, "phone")).as("the roster as %s", staff)
				.allSatisfy(phone -> assertThat(phone).contains("****"));
		}
	}

	// ------------------------------------------------------------------ item 15: reveal, recorded

	@Test
	void onlyTheCommunitysStewardRevealsAReportersPhoneAndEachRevealIsRecorded() {
		long id = report("resident1", "xingfu");
		String reveal = "/api/needs/" + id + "/reporter-phone/reveal";

		for (String refused : List.of("steward2", "manager1", "resident1", "org1", "party1", "selfgov1")) {
			api.as(refused).language("zh-CN").post(reveal, null).expectProblem(403);
		}
		api.anonymous().post(reveal, null).expectProblem(401);
		api.as("steward1").post("/api/needs/999999999/reporter-phone/reveal", null).expectProblem(404);
		assertThat(recorded("NEED", id)).as("a refused reveal records nothing").isZero();

		JsonNode revealed = api.as("steward1").post(reveal, null).expect(200).json();
		assertThat(revealed.path("value").asText()).isEqualTo(PHONE);
		assertThat(revealed.path("field").asText()).isEqualTo("reporterPhone");
		assertThat(recorded("NEED", id)).isEqualTo(1);
		assertThat(jdbc.queryForObject("select revealed_by from personal_data_reveal where record_type = 'NEED'"
				+ " and record_id = ?", String.class, id)).isEqualTo("steward1");
		assertThat(api.as("steward1").get("/api/needs/" + id).expect(200).json().path("reporterPhone").asText())
			.as("still masked in the need itself").isEqualTo(MASKED);

		JsonNode log = logEntry("NEED", id);
		assertThat(log.path("revealedBy").asText()).isEqualTo("steward1");
		assertThat(log.path("field").asText()).isEqualTo("reporterPhone");
		assertThat(log.path("communityCode").asText()).isEqualTo("xingfu");
		assertThat(log.path("revealedAt").asText()).isNotBlank();
		for (String refused : List.of("steward1", "org1", "resident1")) {
			api.as(refused).get("/api/personal-data/reveals").expectProblem(403);
		}
	}

	@Test
	void onlyTheCommunitysStewardRevealsAnApplicantsOrARegistrantsPhone() {
		long certificate = certificate("resident1");
		String revealApplicant = "/api/certificates/" + certificate + "/applicant-phone/reveal";
		for (String refused : List.of("steward2", "manager1", "resident1", "org1")) {
			api.as(refused).post(revealApplicant, null).expectProblem(403);
		}
		assertThat(api.as("steward1").post(revealApplicant, null).expect(200).json().path("value").asText())
			.isEqualTo(PHONE);
		assertThat(recorded("CERTIFICATE", certificate)).isEqualTo(1);
		assertThat(logEntry("CERTIFICATE", certificate).path("field").asText()).isEqualTo("applicantPhone");

		String member = newResident();
		long registration = api.as(member).post("/api/registrations", registration("吴芳")).expect(201).id();
		String revealRegistrant = "/api/registrations/" + registration + "/phone/reveal";
		for (String refused : List.of("party1", "steward2", "manager1", member)) {
			api.as(refused).post(revealRegistrant, null).expectProblem(403);
		}
		assertThat(api.as("steward1").post(revealRegistrant, null).expect(200).json().path("value").asText())
			.isEqualTo(PHONE);
		assertThat(recorded("REGISTRATION", registration)).isEqualTo(1);
	}

	// ------------------------------------------------------------------ helpers

	private long report(String user, String community) {
		Map<String, Object> body = Api.needBody(community, "楼道灯坏了 " + Api.unique(), "3号楼2单元楼道灯不亮", 1);
		body.put("reporterName", "刘秀英");
		body.put("reporterPhone", PHONE);
		return api.as(user).post("/api/needs", body).expect(201).id();
	}

	private long certificate(String user) {
		return api.as(user).post("/api/certificates", Map.of("communityCode", "xingfu", "kind", "RESIDENCE",
				"applicantName", "刘秀英", "applicantPhone", PHONE, "purpose", "孩子入学报名")).expect(201).id();
	}

	private static Map<String, Object> registration(String name) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("communityCode", "xingfu");
		body.put("kind", "MEMBER");
		body.put("name", name);
		body.put("unit", "市民政局");
		body.put("phone", PHONE);
		body.put("skills", List.of("理发"));
		return body;
	}

	/** A resident of their own, so that registering with a community is not refused as a duplicate. */
	private String newResident() {
		String id = "member-" + UUID.randomUUID().toString().substring(0, 8);
		User user = identity.newUser(id);
		user.setFirstName("member");
		user.setLastName("");
		user.setPassword(Api.PASSWORD);
		identity.saveUser(user);
		identity.createMembership(id, "resident");
		return id;
	}

	private long recorded(String record, long id) {
		return jdbc.queryForObject("select count(*) from personal_data_reveal where record_type = ? and record_id = ?",
				Long.class, record, id);
	}

	/** The manager's reveal log entry of a record (the log is newest first). */
	private JsonNode logEntry(String record, long id) {
		JsonNode log = api.as("manager1").get("/api/personal-data/reveals?size=200").expect(200).json();
		for (JsonNode entry : log.path("content")) {
			if (record.equals(entry.path("record").asText()) && entry.path("recordId").asLong() == id) {
				return entry;
			}
		}
		throw new AssertionError("no reveal of " + record + " " + id + " in the log: " + log);
	}

	private static String rater(JsonNode project, String perspective) {
		for (JsonNode evaluation : project.path("evaluations")) {
			if (perspective.equals(evaluation.path("perspective").asText())) {
				return evaluation.path("rater").asText();
			}
		}
		throw new AssertionError("no " + perspective + " rating in " + project);
	}

	private static List<String> texts(JsonNode array, String field) {
		List<String> values = new ArrayList<>();
		array.forEach(node -> values.add(node.path(field).asText()));
		return values;
	}
}
