package cn.needsloop.registration;

import cn.needsloop.support.AppContext;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;


import com.fasterxml.jackson.databind.JsonNode;

/** {@code /api/dispatches} over HTTP: dispatch, answers, hours and their errors. */
@AppContext
class DispatchControllerTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	IdentityService identity;

	ApiClient api;

	String skill;

	@BeforeEach
	void setUp() {
		api = new ApiClient(http, identity);
		skill = ApiClient.unique("理发");
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	/** Moves the clock past the service time of the test's dispatches (two days ahead), when hours can be recorded. */
	private static void afterTheService() {
		ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(3))));
	}

	/** A registrant of xingfu offering the test's skill; with an account when {@code user} is given. */
	private long registrant(String user, String unit) {
		Map<String, Object> body = new HashMap<>();
		body.put("communityCode", "xingfu");
		body.put("kind", "MEMBER");
		body.put("name", user == null ? "无账号党员" : user);
		body.put("unit", unit);
		body.put("phone", "13800002222");
		body.put("skills", List.of(skill));
		body.put("username", user);
		ResponseEntity<JsonNode> response = api.post("party1", "/api/registrations", body);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return response.getBody().get("id").asLong();
	}

	private Map<String, Object> dispatch(int people) {
		Map<String, Object> body = new HashMap<>();
		body.put("communityCode", "xingfu");
		body.put("skill", skill);
		body.put("people", people);
		body.put("at", Instant.now().plus(Duration.ofDays(2)).toString());
		return body;
	}

	private long requestDispatch(String user, int people) {
		ResponseEntity<JsonNode> response = api.post(user, "/api/dispatches", dispatch(people));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return response.getBody().get("id").asLong();
	}

	private static Map<String, Object> answer(long registrationId, boolean accepted) {
		Map<String, Object> body = new HashMap<>();
		body.put("registrationId", registrationId);
		body.put("accepted", accepted);
		body.put("note", accepted ? "准时到" : "没空");
		return body;
	}

	@Test
	void registrantAcceptsAndThePartyLineRecordsHours() {
		String volunteer = api.newUser("volunteer", "resident");
		long withAccount = registrant(volunteer, "市民政局");
		long withoutAccount = registrant(null, "市财政局");

		ResponseEntity<JsonNode> created = api.post("party1", "/api/dispatches", dispatch(2));

		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		long id = created.getBody().get("id").asLong();
		assertThat(created.getHeaders().getLocation()).hasPath("/api/dispatches/" + id);
		assertThat(created.getBody().get("status").asText()).isEqualTo("OPEN");
		assertThat(created.getBody().get("round").asInt()).isEqualTo(1);
		assertThat(created.getBody().get("offers").findValuesAsText("status")).containsExactly("INVITED", "INVITED");

		JsonNode myTasks = api.get(volunteer, "/api/tasks").getBody();
		assertThat(myTasks.findValuesAsText("taskKey")).containsExactly("userTask_answerDispatch");
		assertThat(api.get(volunteer, "/api/notifications").getBody().toString()).contains("Dispatch invitation");

		ResponseEntity<JsonNode> accepted = api.post(volunteer, "/api/dispatches/" + id + "/answers",
				answer(withAccount, true));
		assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(accepted.getBody().get("acceptedCount").asInt()).isEqualTo(1);
		assertThat(accepted.getBody().get("status").asText()).isEqualTo("OPEN");

		ResponseEntity<JsonNode> onBehalf = api.post("party1", "/api/dispatches/" + id + "/answers",
				answer(withoutAccount, true));
		assertThat(onBehalf.getBody().get("status").asText()).isEqualTo("FILLED");

		afterTheService();
		ResponseEntity<JsonNode> hours = api.post("party1", "/api/dispatches/" + id + "/hours",
				Map.of("registrationId", withAccount, "hours", 2.5));
		assertThat(hours.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(hours.getBody().get("hours").get(0).get("hours").decimalValue()).isEqualByComparingTo("2.5");
		api.post("party1", "/api/dispatches/" + id + "/hours", Map.of("registrationId", withoutAccount, "hours", 3));

		JsonNode kpis = api.get("party1", "/api/registrations/kpis?communityCode=xingfu").getBody();
		assertThat(kpis.get("hoursByUnit").get("市民政局").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("2.5"));
		assertThat(kpis.get("hoursServed").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("5.5"));
		assertThat(kpis.get("dispatchesAnsweredInTime").asDouble()).isGreaterThan(0.0);
		assertThat(kpis.get("dispatchesFilled").asLong()).isPositive();
	}

	@Test
	void answersOfOthersAreForbidden() {
		String volunteer = api.newUser("volunteer", "resident");
		long registration = registrant(volunteer, "市民政局");
		long id = requestDispatch("party1", 1);

		ResponseEntity<JsonNode> response = api.post("resident1", "/api/dispatches/" + id + "/answers",
				answer(registration, true));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(api.post("steward2", "/api/dispatches/" + id + "/answers", answer(registration, true))
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void secondAnswerAndUninvitedRegistrantAreConflicts() {
		long first = registrant(null, "市民政局");
		long second = registrant(null, "市民政局");
		long id = requestDispatch("party1", 2);
		long outsider = registrant(null, "市民政局");

		assertThat(api.post("party1", "/api/dispatches/" + id + "/answers", answer(first, false)).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		ResponseEntity<JsonNode> again = api.post("party1", "/api/dispatches/" + id + "/answers", answer(first, true));
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(again.getBody().get("code").asText()).isEqualTo("problem.dispatch.alreadyAnswered");

		ResponseEntity<JsonNode> uninvited = api.post("party1", "/api/dispatches/" + id + "/answers",
				answer(outsider, true));
		assertThat(uninvited.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(uninvited.getBody().get("code").asText()).isEqualTo("problem.dispatch.notInvited");

		afterTheService();
		ResponseEntity<JsonNode> hoursOfDecliner = api.post("party1", "/api/dispatches/" + id + "/hours",
				Map.of("registrationId", first, "hours", 1));
		assertThat(hoursOfDecliner.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(api.post("party1", "/api/dispatches/" + id + "/answers", answer(second, true)).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void hoursAreRecordedOnceAndOnlyByThePartyLine() {
		long registration = registrant(null, "市民政局");
		long id = requestDispatch("steward1", 1);
		api.post("party1", "/api/dispatches/" + id + "/answers", answer(registration, true));
		afterTheService();

		assertThat(api.post("steward1", "/api/dispatches/" + id + "/hours",
				Map.of("registrationId", registration, "hours", 2)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(api.post("party1", "/api/dispatches/" + id + "/hours",
				Map.of("registrationId", registration, "hours", 2)).getStatusCode()).isEqualTo(HttpStatus.OK);
		ResponseEntity<JsonNode> twice = api.post("party1", "/api/dispatches/" + id + "/hours",
				Map.of("registrationId", registration, "hours", 2));
		assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		ResponseEntity<JsonNode> tooMany = api.post("party1", "/api/dispatches/" + id + "/hours",
				Map.of("registrationId", registration, "hours", 30));
		assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(ApiClient.errorFields(tooMany)).containsExactly("hours");
	}

	@Test
	void refusesHoursBeforeTheServiceTimeSayingSoAndRecordsNothing() {
		long registration = registrant(null, "市民政局");
		long id = requestDispatch("party1", 1);
		assertThat(api.post("party1", "/api/dispatches/" + id + "/answers", answer(registration, true)).getBody()
			.get("status").asText()).isEqualTo("FILLED");
		String serviceTime = cn.needsloop.system.PageDates.format(Instant.parse(api.get("party1", "/api/dispatches/" + id)
			.getBody().get("at").asText()));

		ResponseEntity<JsonNode> english = api.post("party1", "/api/dispatches/" + id + "/hours",
				Map.of("registrationId", registration, "hours", 2));
		assertThat(english.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(ApiClient.errorFields(english)).containsExactly("hours");
		assertThat(english.getBody().toString())
			.contains("Hours can be recorded only after the service time (" + serviceTime + ", Beijing time).");
		ResponseEntity<JsonNode> chinese = api.call(HttpMethod.POST, "party1", "/api/dispatches/" + id + "/hours",
				Map.of("registrationId", registration, "hours", 2), "zh-CN");
		assertThat(chinese.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(chinese.getBody().toString()).contains("服务时间（北京时间 " + serviceTime + "）之后才能登记服务时长。");
		assertThat(api.get("party1", "/api/dispatches/" + id).getBody().get("hours")).isEmpty();

		afterTheService();
		assertThat(api.post("party1", "/api/dispatches/" + id + "/hours", Map.of("registrationId", registration, "hours", 2))
			.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void rejectsInvalidDispatchNamingEachField() {
		Map<String, Object> body = dispatch(0);
		body.remove("skill");
		body.remove("at");

		ResponseEntity<JsonNode> response = api.post("party1", "/api/dispatches", body);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(ApiClient.errorFields(response)).contains("skill", "people", "at");

		Map<String, Object> past = dispatch(1);
		past.put("at", "2020-01-01T00:00:00Z");
		assertThat(ApiClient.errorFields(api.post("party1", "/api/dispatches", past))).containsExactly("at");

		Map<String, Object> unknownNeed = dispatch(1);
		unknownNeed.put("needId", 987654);
		assertThat(ApiClient.errorFields(api.post("party1", "/api/dispatches", unknownNeed))).containsExactly("needId");

		ResponseEntity<JsonNode> answer = api.post("party1", "/api/dispatches/1/answers", Map.of("note", "x"));
		assertThat(ApiClient.errorFields(answer)).contains("registrationId", "accepted");

		ResponseEntity<JsonNode> chinese = api.call(HttpMethod.POST, "party1", "/api/dispatches", past, "zh-CN");
		assertThat(chinese.getBody().get("title").asText()).isNotEqualTo("Invalid input");
		assertThat(chinese.getBody().toString()).contains("服务时间");
	}

	@Test
	void onlyThePartyLineOrAStewardOfTheCommunityDispatches() {
		assertThat(api.post("resident1", "/api/dispatches", dispatch(1)).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(api.post("steward2", "/api/dispatches", dispatch(1)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(api.post("steward1", "/api/dispatches", dispatch(1)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
	}

	@Test
	void requiresSignIn() {
		assertThat(api.get(null, "/api/dispatches?communityCode=xingfu").getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void readsDispatchesOfOwnCommunity() {
		long id = requestDispatch("party1", 1);

		assertThat(api.get("party1", "/api/dispatches/" + id).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(api.get("manager1", "/api/dispatches/" + id).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(api.get("steward2", "/api/dispatches/" + id).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(api.get("party1", "/api/dispatches/987654").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(api.post("party1", "/api/dispatches/987654/answers", answer(1, true)).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);

		ResponseEntity<JsonNode> list = api.get("steward1", "/api/dispatches?communityCode=xingfu");
		assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(list.getBody().findValuesAsText("skill")).contains(skill);
		assertThat(api.get("steward2", "/api/dispatches?communityCode=xingfu").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<JsonNode> noCommunity = api.get("resident1", "/api/dispatches");
		assertThat(noCommunity.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(ApiClient.errorFields(noCommunity)).containsExactly("communityCode");
	}
}
