package cn.needsloop.consultation;

import cn.needsloop.shared.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.needsloop.calendar.WorkingCalendar;
import cn.needsloop.community.Communities;
import cn.needsloop.community.Community;
import cn.needsloop.process.AccessBootstrap;
import cn.needsloop.support.AppContext;

/**
 * The consultations API over HTTP: a consultation run to the end, and its errors as RFC 9457
 * problems (400 naming the fields, 401, 403, 404, 409).
 */
@AppContext
class ConsultationControllerTests {

	static final ZonedDateTime START = ConsultationProcessTests.START;

	static final Map<String, List<String>> USERS = Map.of("resident1", List.of("resident"), "selfgov1",
			List.of("selfgov:xingfu"), "steward1", List.of("steward:xingfu"), "org1", List.of("socialorg"));

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	IdentityService identity;

	@Autowired
	AccessBootstrap access;

	@Autowired
	Communities communities;

	@Autowired
	Consultations consultations;

	@Autowired
	ManagementService management;

	@Autowired
	WorkingCalendar calendar;

	@BeforeEach
	void setUp() {
		ClockUtil.setCurrentTime(Date.from(START.toInstant()));
		if (!communities.existsById("xingfu")) {
			communities.save(new Community("xingfu", "幸福社区", Community.Kind.URBAN));
		}
		USERS.forEach((userId, groups) -> {
			if (identity.createUserQuery().userId(userId).count() == 0) {
				User user = identity.newUser(userId);
				user.setPassword("demo");
				identity.saveUser(user);
				for (String group : groups) {
					if (identity.createGroupQuery().groupId(group).count() == 0) {
						identity.saveGroup(identity.newGroup(group));
					}
					access.grantDefaults(group);
					identity.createMembership(userId, group);
				}
			}
		});
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void runsAConsultationToItsAppliedResult() throws Exception {
		long id = propose("resident1", "PUBLIC_SPACE");
		as("selfgov1", post("/api/consultations/" + id + "/participants"), Map.of("participants", List.of(
				Map.of("name", "王建国", "kind", "RESIDENT_REPRESENTATIVE"), Map.of("name", "李红", "kind", "PARTY_MEMBER"),
				Map.of("name", "幸福物业", "kind", "PROPERTY_COMPANY"), Map.of("name", "3号楼住户", "kind", "STAKEHOLDER"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("AGENDA"))
			.andExpect(jsonPath("$.participants.length()").value(4));
		as("selfgov1", post("/api/consultations/" + id + "/agenda"),
				Map.of("items", List.of("停车位划线方案", "表决"), "meetingAt", meetingAfter(5)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("NOTICE"))
			.andExpect(jsonPath("$.agenda.items[0]").value("停车位划线方案"));
		fire(id, "timer_untilMeeting");
		as("selfgov1", post("/api/consultations/" + id + "/meeting"), Map.of("attendees", 4, "opinions", "同意划线",
				"votesFor", 3, "votesAgainst", 1, "votesAbstain", 0))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PUBLICITY"))
			.andExpect(jsonPath("$.votes.votesFor").value(3));
		fire(id, "timer_publicityPeriod");
		as("selfgov1", post("/api/consultations/" + id + "/application"), Map.of("report", "已划定12个车位"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPLIED"))
			.andExpect(jsonPath("$.result").value("AGREED"))
			.andExpect(jsonPath("$.applicationReport").value("已划定12个车位"))
			.andExpect(jsonPath("$.rounds.length()").value(1))
			.andExpect(jsonPath("$.history[0].activity").value(containsString("Topic proposed")));

		as("steward1", get("/api/consultations/" + id), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.processInstanceId").isNotEmpty())
			.andExpect(jsonPath("$.level").value("COMMUNITY"));
		as("org1", get("/api/consultations?communityCode=xingfu&status=APPLIED"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.content[*].id").value(hasItem((int) id)));
	}

	@Test
	void topicOutsideTheCatalogIsClosedWithItsReason() throws Exception {
		long id = propose("steward1", "ADMINISTRATIVE_DECISION");
		as("steward1", get("/api/consultations/" + id), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("OUTSIDE_CATALOG"))
			.andExpect(jsonPath("$.inCatalog").value(false))
			.andExpect(jsonPath("$.catalogReason").value(containsString("行政事项")));
	}

	@Test
	void rejectsMissingAndBadFieldsNamingThem() throws Exception {
		as("resident1", post("/api/consultations"), Map.of("communityCode", "xingfu", "topic", " ", "description", "x"))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItems("topic", "topicType")));
		as("resident1", post("/api/consultations"),
				Map.of("communityCode", "xingfu", "topic", "t", "topicType", "PARTY", "description", "x"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("topicType"));
		as("resident1", post("/api/consultations"),
				Map.of("communityCode", "nowhere", "topic", "t", "topicType", "OTHER", "description", "x"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("communityCode"));
		as("resident1", post("/api/consultations"),
				Map.of("communityCode", "xingfu", "topic", "t", "topicType", "OTHER", "description", "x", "projectId", 999999))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("projectId"));

		long id = propose("resident1", "PROPERTY_FEES");
		as("selfgov1", post("/api/consultations/" + id + "/participants"),
				Map.of("participants", List.of(Map.of("name", "王建国", "kind", "RESIDENT_REPRESENTATIVE"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("participants"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("党员")));
		as("selfgov1", post("/api/consultations/" + id + "/participants"), Map.of("participants", List.of()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("participants"));
		fixAll(id);
		as("selfgov1", post("/api/consultations/" + id + "/agenda"), Map.of("items", List.of("议程"), "meetingAt", meetingAfter(6)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("meetingAt"));
		as("selfgov1", post("/api/consultations/" + id + "/agenda"), Map.of("items", List.of("议程"), "meetingAt", "next Friday"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("meetingAt"));
		as("selfgov1", post("/api/consultations/" + id + "/agenda"), Map.of("items", List.of("议程"), "meetingAt", meetingAfter(7)))
			.andExpect(status().isOk());
		fire(id, "timer_untilMeeting");
		as("selfgov1", post("/api/consultations/" + id + "/meeting"), Map.of("attendees", 2, "opinions", "意见",
				"votesFor", 2, "votesAgainst", 1, "votesAbstain", 0))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("votesFor"));
		as("selfgov1", post("/api/consultations/" + id + "/meeting"), Map.of("attendees", 25, "opinions", "意见",
				"votesFor", 25, "votesAgainst", 0, "votesAbstain", 0))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("attendees"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("25")))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("5")));
		mvc.perform(auth("selfgov1", post("/api/consultations/" + id + "/meeting"))
				.header("Accept-Language", "zh-CN")
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(Map.of("attendees", 25, "opinions", "意见", "votesFor", 25,
						"votesAgainst", 0, "votesAbstain", 0))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("attendees"))
			.andExpect(jsonPath("$.errors[0].message").value("到会人数 25 超过协商主体人数 5。"));
		as("selfgov1", post("/api/consultations/" + id + "/meeting"), Map.of("attendees", -1, "opinions", ""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItems("attendees", "opinions", "votesFor", "votesAgainst",
					"votesAbstain")));
	}

	@Test
	void answersInChineseWhenAsked() throws Exception {
		long id = propose("resident1", "PROPERTY_FEES");
		mvc.perform(auth("selfgov1", post("/api/consultations/" + id + "/participants"))
				.header("Accept-Language", "zh-CN")
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(Map.of("participants", List.of(Map.of("name", "王建国", "kind", "RESIDENT_REPRESENTATIVE"))))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("输入有误"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("按协商目录还须有以下协商主体参加")));
	}

	@Test
	void requiresSignIn() throws Exception {
		mvc.perform(post("/api/consultations").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/api/consultations")).andExpect(status().isUnauthorized());
	}

	@Test
	void refusesCallersOutsideTheirRole() throws Exception {
		as("org1", post("/api/consultations"),
				Map.of("communityCode", "xingfu", "topic", "t", "topicType", "OTHER", "description", "x"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("problem.consultation.mayNotPropose"));
		long id = propose("selfgov1", "PUBLIC_SECURITY");
		as("steward1", post("/api/consultations/" + id + "/participants"),
				Map.of("participants", List.of(Map.of("name", "王建国", "kind", "RESIDENT_REPRESENTATIVE"))))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("problem.task.notYours"));
	}

	@Test
	void answersNotFoundForAnUnknownConsultation() throws Exception {
		as("resident1", get("/api/consultations/987654"), null).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("problem.notFound.consultation"));
		as("selfgov1", post("/api/consultations/987654/application"), Map.of("report", "r"))
			.andExpect(status().isNotFound());
	}

	@Test
	void refusesStepsThatAreNotCurrent() throws Exception {
		long id = propose("resident1", "ENVIRONMENT_SANITATION");
		as("selfgov1", post("/api/consultations/" + id + "/agenda"), Map.of("items", List.of("议程"), "meetingAt", meetingAfter(5)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("problem.consultation.notAtStep.agenda"));
		as("resident1", post("/api/consultations/" + id + "/objections"), Map.of("text", "反对"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("problem.consultation.notInPublicity"));
		fixAll(id);
		as("selfgov1", post("/api/consultations/" + id + "/agenda"), Map.of("items", List.of("议程"), "meetingAt", meetingAfter(5)))
			.andExpect(status().isOk());
		as("selfgov1", post("/api/consultations/" + id + "/meeting"), Map.of("attendees", 4, "opinions", "意见",
				"votesFor", 4, "votesAgainst", 0, "votesAbstain", 0))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("problem.consultation.notAtStep.meeting"));
		as("selfgov1", post("/api/consultations/" + id + "/application"), Map.of("report", "r"))
			.andExpect(status().isConflict());
	}

	@Test
	void objectionSendsThePublicisedResultToAnotherRound() throws Exception {
		long id = propose("resident1", "ENVIRONMENT_SANITATION");
		fixAll(id);
		as("selfgov1", post("/api/consultations/" + id + "/agenda"), Map.of("items", List.of("垃圾分类点位"), "meetingAt", meetingAfter(3)))
			.andExpect(status().isOk());
		fire(id, "timer_untilMeeting");
		as("selfgov1", post("/api/consultations/" + id + "/meeting"), Map.of("attendees", 4, "opinions", "意见",
				"votesFor", 4, "votesAgainst", 0, "votesAbstain", 0)).andExpect(status().isOk());
		as("resident1", post("/api/consultations/" + id + "/objections"), Map.of("text", "点位离窗户太近"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("AGENDA"))
			.andExpect(jsonPath("$.round").value(2))
			.andExpect(jsonPath("$.objections[0].text").value("点位离窗户太近"));
		as("resident1", post("/api/consultations/" + id + "/objections"), Map.of("text", " "))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("text"));
	}

	// --- helpers

	long propose(String user, String topicType) throws Exception {
		String body = as(user, post("/api/consultations"), Map.of("communityCode", "xingfu", "topic", "议题 " + topicType,
				"topicType", topicType, "description", "居民关心的共同事务"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/consultations/")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		JsonNode view = json.readTree(body);
		return view.path("id").asLong();
	}

	void fixAll(long id) throws Exception {
		as("selfgov1", post("/api/consultations/" + id + "/participants"), Map.of("participants", List.of(
				Map.of("name", "王建国", "kind", "RESIDENT_REPRESENTATIVE"), Map.of("name", "李红", "kind", "PARTY_MEMBER"),
				Map.of("name", "幸福物业", "kind", "PROPERTY_COMPANY"), Map.of("name", "阳光社工", "kind", "SOCIAL_ORGANIZATION"),
				Map.of("name", "3号楼住户", "kind", "STAKEHOLDER"))))
			.andExpect(status().isOk());
	}

	String meetingAfter(int workingDays) {
		ZonedDateTime now = ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ChinaTime.ZONE);
		return calendar.plusWorkingDays(now, workingDays).toLocalDate().atTime(14, 30).atZone(ChinaTime.ZONE)
			.toOffsetDateTime().toString();
	}

	void fire(long id, String timer) {
		String pid = consultations.findById(id).orElseThrow().getProcessInstanceId();
		Job job = management.createJobQuery().processInstanceId(pid).activityId(timer).singleResult();
		assertThat(job).as("timer %s", timer).isNotNull();
		ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 60_000));
		management.executeJob(job.getId());
	}

	ResultActions as(String user, MockHttpServletRequestBuilder request, Object body) throws Exception {
		MockHttpServletRequestBuilder authed = auth(user, request);
		if (body != null) {
			authed.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
		}
		return mvc.perform(authed);
	}

	static MockHttpServletRequestBuilder auth(String user, MockHttpServletRequestBuilder request) {
		return request.header("Authorization",
				"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
	}
}
