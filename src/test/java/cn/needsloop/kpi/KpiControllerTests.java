package cn.needsloop.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.needsloop.support.Api;
import cn.needsloop.support.ApiTest;

/**
 * {@code GET /api/kpis}. The measured scenario runs on the engine clock moved to a day in 2001, so
 * that its period holds exactly the needs and overdue tasks of this test, whatever else the shared
 * database holds.
 */
class KpiControllerTests extends ApiTest {

	private static final Instant T0 = Instant.parse("2001-05-10T02:00:00Z"); // 10:00 in Shanghai

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	private static void at(Duration sinceT0) {
		ClockUtil.setCurrentTime(Date.from(T0.plus(sinceT0)));
	}

	private long report(String user, String community, String channel, String title) {
		Map<String, Object> body = Api.needBody(community, title + " " + Api.unique(), "指标测试", 1);
		body.put("channel", channel);
		return api.as(user).post("/api/needs", body).expect(201).id();
	}

	@Test
	void measuresTheLoopOfACommunityOverAPeriod() {
		at(Duration.ZERO);
		long answered = report("resident1", "xingfu", "ONLINE", "噪音扰民");
		long late = report("steward1", "xingfu", "PARTY", "迟到的核实");
		report("steward1", "xingfu", "ONE_WINDOW", "无人核实");
		report("steward2", "dongshan", "ONLINE", "东山村");

		at(Duration.ofHours(1));
		api.verify("steward1", answered, "GENUINE").expect(200);
		at(Duration.ofHours(2));
		api.classify("steward1", answered, "NEIGHBOR_DISPUTE", "NORMAL", "INDIVIDUAL").expect(200);
		at(Duration.ofHours(3));
		api.as("selfgov1").post("/api/needs/" + answered + "/resolution", Map.of("note", "已调解")).expect(204);
		at(Duration.ofHours(4));
		api.as("resident1").post("/api/needs/" + answered + "/confirmation", Map.of("score", 5)).expect(204);
		at(Duration.ofHours(30)); // a day and six hours later: verification was due after 24 hours
		api.verify("steward1", late, "GENUINE").expect(200);

		JsonNode kpis = api.as("manager1").get("/api/kpis?communityCode=xingfu&from=2001-05-10&to=2001-05-10")
			.expect(200)
			.json();
		assertThat(kpis.path("communityCode").asText()).isEqualTo("xingfu");
		assertThat(kpis.path("from").asText()).isEqualTo("2001-05-10");
		assertThat(kpis.path("to").asText()).isEqualTo("2001-05-10");
		assertThat(kpis.path("needsDiscovered").asLong()).isEqualTo(3);
		assertThat(kpis.path("needsByChannel").path("ONLINE").asLong()).isEqualTo(1);
		assertThat(kpis.path("needsByChannel").path("PARTY").asLong()).isEqualTo(1);
		assertThat(kpis.path("needsByChannel").path("ONE_WINDOW").asLong()).isEqualTo(1);
		assertThat(kpis.path("needsByCategory").path("NEIGHBOR_DISPUTE").asLong()).isEqualTo(1);
		assertThat(kpis.path("responseRate").asDouble()).isCloseTo(0.3333, within(0.0001));
		assertThat(kpis.path("resolutionRate").asDouble()).isEqualTo(1.0);
		assertThat(kpis.path("satisfactionRate").asDouble()).isEqualTo(1.0);
		assertThat(kpis.path("loopClosureRate").asDouble()).isEqualTo(0.5);
		assertThat(kpis.path("medianHoursToCategorize").asDouble()).isEqualTo(2.0);
		assertThat(kpis.path("p90HoursToCategorize").asDouble()).isEqualTo(2.0);
		assertThat(kpis.path("needsPerProject").isNull()).isTrue();
		assertThat(kpis.path("claimRate").isNull()).isTrue();
		assertThat(kpis.path("overdueTasks").asLong()).isEqualTo(1);
		assertThat(kpis.path("overdueTasksByLine").path("STEWARD").asLong()).isEqualTo(1);

		JsonNode own = api.as("steward1").get("/api/kpis").expect(200).json();
		assertThat(own.path("communityCode").asText()).isEqualTo("xingfu");
		assertThat(own.path("to").asText()).isEqualTo("2001-05-11");
		assertThat(own.path("from").asText()).isEqualTo("2001-04-12");
		assertThat(own.path("needsDiscovered").asLong()).isEqualTo(3);

		JsonNode district = api.as("manager1").get("/api/kpis?from=2001-05-10&to=2001-05-10").expect(200).json();
		assertThat(district.path("communityCode").isNull()).isTrue();
		assertThat(district.path("needsDiscovered").asLong()).isEqualTo(4);
		assertThat(district.path("overdueTasks").asLong()).isEqualTo(2);
	}

	@Test
	void showsKpisOnlyToManagersAndTheCommunitysStewards() {
		api.as("manager1").get("/api/kpis").expect(200);
		api.as("steward2").get("/api/kpis?communityCode=dongshan").expect(200);
		assertThat(api.as("steward1").get("/api/kpis?communityCode=dongshan").expectProblem(403).path("code").asText())
			.isEqualTo("problem.community.notYours");
		for (String user : new String[] { "resident1", "party1", "selfgov1", "org1" }) {
			assertThat(api.as(user).get("/api/kpis").expectProblem(403).path("code").asText())
				.isEqualTo("problem.kpi.forbidden");
		}
		api.anonymous().get("/api/kpis").expectProblem(401);
	}

	@Test
	void rejectsAnEmptyOrUnreadablePeriod() {
		assertThat(api.as("manager1").get("/api/kpis?from=2025-02-01&to=2025-01-01").expectProblem(400).errorFields())
			.containsExactly("from");
		assertThat(api.as("manager1").get("/api/kpis?from=yesterday").expectProblem(400).errorFields())
			.containsExactly("from");
		assertThat(api.as("manager1").get("/api/kpis?to=2025-13-01").expectProblem(400).errorFields())
			.containsExactly("to");
	}
}
