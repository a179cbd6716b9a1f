package cn.needsloop.registration;

import static cn.needsloop.registration.TestUsers.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
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

import com.fasterxml.jackson.databind.JsonNode;

import cn.needsloop.support.Api.Response;
import cn.needsloop.support.ApiTest;

/** {@code /api/dispatches} over HTTP: dispatch, answers, hours and their errors. */
class DispatchControllerTests extends ApiTest {

	@Autowired
	IdentityService identity;

	String skill;

	@BeforeEach
	void setUp() {
		skill = unique("理发");
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
		Response response = api.as("party1").post("/api/registrations", body);
		assertThat(response.status()).isEqualTo(201);
		return response.json().get("id").asLong();
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
		Response response = api.as(user).post("/api/dispatches", dispatch(people));
		assertThat(response.status()).isEqualTo(201);
		return response.json().get("id").asLong();
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
		String volunteer = TestUsers.newUser(identity, "volunteer", "resident");
		long withAccount = registrant(volunteer, "市民政局");
		long withoutAccount = registrant(null, "市财政局");

		Response created = api.as("party1").post("/api/dispatches", dispatch(2));

		assertThat(created.status()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(URI.create(created.header("Location"))).hasPath("/api/dispatches/" + id);
		assertThat(created.json().get("status").asText()).isEqualTo("OPEN");
		assertThat(created.json().get("round").asInt()).isEqualTo(1);
		assertThat(created.json().get("offers").findValuesAsText("status")).containsExactly("INVITED", "INVITED");

		JsonNode myTasks = api.as(volunteer).get("/api/tasks").json();
		assertThat(myTasks.findValuesAsText("taskKey")).containsExactly("userTask_answerDispatch");
		assertThat(api.as(volunteer).get("/api/notifications").json().toString()).contains("Dispatch invitation");

		Response accepted = api.as(volunteer).post("/api/dispatches/" + id + "/answers",
				answer(withAccount, true));
		assertThat(accepted.status()).isEqualTo(200);
		assertThat(accepted.json().get("acceptedCount").asInt()).isEqualTo(1);
		assertThat(accepted.json().get("status").asText()).isEqualTo("OPEN");

		Response onBehalf = api.as("party1").post("/api/dispatches/" + id + "/answers",
				answer(withoutAccount, true));
		assertThat(onBehalf.json().get("status").asText()).isEqualTo("FILLED");

		afterTheService();
		Response hours = api.as("party1").post("/api/dispatches/" + id + "/hours",
				Map.of("registrationId", withAccount, "hours", 2.5));
		assertThat(hours.status()).isEqualTo(200);
		assertThat(hours.json().get("hours").get(0).get("hours").decimalValue()).isEqualByComparingTo("2.5");
		api.as("party1").post("/api/dispatches/" + id + "/hours", Map.of("registrationId", withoutAccount, "hours", 3));

		JsonNode kpis = api.as("party1").get("/api/registrations/kpis?communityCode=xingfu").json();
		assertThat(kpis.get("hoursByUnit").get("市民政局").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("2.5"));
		assertThat(kpis.get("hoursServed").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("5.5"));
		assertThat(kpis.get("dispatchesAnsweredInTime").asDouble()).isGreaterThan(0.0);
		assertThat(kpis.get("dispatchesFilled").asLong()).isPositive();
	}

	@Test
	void answersOfOthersAreForbidden() {
		String volunteer = TestUsers.newUser(identity, "volunteer", "resident");
		long registration = registrant(volunteer, "市民政局");
		long id = requestDispatch("party1", 1);

		Response response = api.as("resident1").post("/api/dispatches/" + id + "/answers",
				answer(registration, true));

		assertThat(response.status()).isEqualTo(403);
		assertThat(api.as("steward2").post("/api/dispatches/" + id + "/answers", answer(registration, true))
			.status()).isEqualTo(403);
	}

	@Test
	void secondAnswerAndUninvitedRegistrantAreConflicts() {
		long first = registrant(null, "市民政局");
		long second = registrant(null, "市民政局");
		long id = requestDispatch("party1", 2);
		long outsider = registrant(null, "市民政局");

		assertThat(api.as("party1").post("/api/dispatches/" + id + "/answers", answer(first, false)).status())
			.isEqualTo(200);
		Response again = api.as("party1").post("/api/dispatches/" + id + "/answers", answer(first, true));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("code").asText()).isEqualTo("problem.dispatch.alreadyAnswered");

		Response uninvited = api.as("party1").post("/api/dispatches/" + id + "/answers",
				answer(outsider, true));
		assertThat(uninvited.status()).isEqualTo(409);
		assertThat(uninvited.json().get("code").asText()).isEqualTo("problem.dispatch.notInvited");

		afterTheService();
		Response hoursOfDecliner = api.as("party1").post("/api/dispatches/" + id + "/hours",
				Map.of("registrationId", first, "hours", 1));
		assertThat(hoursOfDecliner.status()).isEqualTo(409);
		assertThat(api.as("party1").post("/api/dispatches/" + id + "/answers", answer(second, true)).status())
			.isEqualTo(200);
	}

	@Test
	void hoursAreRecordedOnceAndOnlyByThePartyLine() {
		long registration = registrant(null, "市民政局");
		long id = requestDispatch("steward1", 1);
		api.as("party1").post("/api/dispatches/" + id + "/answers", answer(registration, true));
		afterTheService();

		assertThat(api.as("steward1").post("/api/dispatches/" + id + "/hours",
				Map.of("registrationId", registration, "hours", 2)).status()).isEqualTo(403);
		assertThat(api.as("party1").post("/api/dispatches/" + id + "/hours",
				Map.of("registrationId", registration, "hours", 2)).status()).isEqualTo(200);
		Response twice = api.as("party1").post("/api/dispatches/" + id + "/hours",
				Map.of("registrationId", registration, "hours", 2));
		assertThat(twice.status()).isEqualTo(409);
		Response tooMany = api.as("party1").post("/api/dispatches/" + id + "/hours",
				Map.of("registrationId", registration, "hours", 30));
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.errorFields()).containsExactly("hours");
	}

	@Test
	void refusesHoursBeforeTheServiceTimeSayingSoAndRecordsNothing() {
		long registration = registrant(null, "市民政局");
		long id = requestDispatch("party1", 1);
		assertThat(api.as("party1").post("/api/dispatches/" + id + "/answers", answer(registration, true)).json()
			.get("status").asText()).isEqualTo("FILLED");
		String serviceTime = cn.needsloop.system.PageDates.format(Instant.parse(api.as("party1").get("/api/dispatches/" + id)
			.json().get("at").asText()));

		Response english = api.as("party1").post("/api/dispatches/" + id + "/hours",
				Map.of("registrationId", registration, "hours", 2));
		assertThat(english.status()).isEqualTo(400);
		assertThat(english.errorFields()).containsExactly("hours");
		assertThat(english.json().toString())
			.contains("Hours can be recorded only after the service time (" + serviceTime + ", Beijing time).");
		Response chinese = api.as("party1").language("zh-CN").post("/api/dispatches/" + id + "/hours",
				Map.of("registrationId", registration, "hours", 2));
		assertThat(chinese.status()).isEqualTo(400);
		assertThat(chinese.json().toString()).contains("服务时间（北京时间 " + serviceTime + "）之后才能登记服务时长。");
		assertThat(api.as("party1").get("/api/dispatches/" + id).json().get("hours")).isEmpty();

		afterTheService();
		assertThat(api.as("party1").post("/api/dispatches/" + id + "/hours", Map.of("registrationId", registration, "hours", 2))
			.status()).isEqualTo(200);
	}

	@Test
	void rejectsInvalidDispatchNamingEachField() {
		Map<String, Object> body = dispatch(0);
		body.remove("skill");
		body.remove("at");

		Response response = api.as("party1").post("/api/dispatches", body);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).contains("skill", "people", "at");

		Map<String, Object> past = dispatch(1);
		past.put("at", "2020-01-01T00:00:00Z");
		assertThat(api.as("party1").post("/api/dispatches", past).errorFields()).containsExactly("at");

		Map<String, Object> unknownNeed = dispatch(1);
		unknownNeed.put("needId", 987654);
		assertThat(api.as("party1").post("/api/dispatches", unknownNeed).errorFields()).containsExactly("needId");

		Response answer = api.as("party1").post("/api/dispatches/1/answers", Map.of("note", "x"));
		assertThat(answer.errorFields()).contains("registrationId", "accepted");

		Response chinese = api.as("party1").language("zh-CN").post("/api/dispatches", past);
		assertThat(chinese.json().get("title").asText()).isNotEqualTo("Invalid input");
		assertThat(chinese.json().toString()).contains("服务时间");
	}

	@Test
	void onlyThePartyLineOrAStewardOfTheCommunityDispatches() {
		assertThat(api.as("resident1").post("/api/dispatches", dispatch(1)).status())
			.isEqualTo(403);
		assertThat(api.as("steward2").post("/api/dispatches", dispatch(1)).status()).isEqualTo(403);
		assertThat(api.as("steward1").post("/api/dispatches", dispatch(1)).status()).isEqualTo(201);
	}

	@Test
	void requiresSignIn() {
		assertThat(api.anonymous().get("/api/dispatches?communityCode=xingfu").status())
			.isEqualTo(401);
	}

	@Test
	void readsDispatchesOfOwnCommunity() {
		long id = requestDispatch("party1", 1);

		assertThat(api.as("party1").get("/api/dispatches/" + id).status()).isEqualTo(200);
		assertThat(api.as("manager1").get("/api/dispatches/" + id).status()).isEqualTo(200);
		assertThat(api.as("steward2").get("/api/dispatches/" + id).status()).isEqualTo(403);
		assertThat(api.as("party1").get("/api/dispatches/987654").status()).isEqualTo(404);
		assertThat(api.as("party1").post("/api/dispatches/987654/answers", answer(1, true)).status())
			.isEqualTo(404);

		Response list = api.as("steward1").get("/api/dispatches?communityCode=xingfu");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().findValuesAsText("skill")).contains(skill);
		assertThat(api.as("steward2").get("/api/dispatches?communityCode=xingfu").status())
			.isEqualTo(403);
		Response noCommunity = api.as("resident1").get("/api/dispatches");
		assertThat(noCommunity.status()).isEqualTo(400);
		assertThat(noCommunity.errorFields()).containsExactly("communityCode");
	}
}
