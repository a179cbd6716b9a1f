package cn.needsloop.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.needsloop.support.ApiTest;

/** {@code /api/patrols}: the day's list, a visit, a finding and the finish over HTTP, each with its refusals. */
class PatrolControllerTests extends ApiTest {

	@Autowired
	PatrolService patrols;

	@Autowired
	Patrols patrolRecords;

	@Test
	void aGridWorkerWalksThePatrolOverTheApiAndOthersAreRefused() {
		ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2027-05-06T07:00:00+08:00").toInstant()));
		try {
			patrols.plan(LocalDate.of(2027, 5, 6));
		}
		finally {
			ClockUtil.reset();
		}
		long id = patrolRecords.findByWorkerUserAndPatrolDay("grid3", LocalDate.of(2027, 5, 6)).orElseThrow().getId();
		String path = "/api/patrols/" + id;

		assertThat(api.as("grid3").get("/api/patrols").json().toString()).contains("\"id\":" + id);
		JsonNode day = api.as("grid3").get(path).expect(200).json();
		assertThat(day.path("gridName").asText()).isEqualTo("东山村一组");
		assertThat(day.path("households").size()).isGreaterThanOrEqualTo(2);
		JsonNode first = day.path("households").get(0).path("household");
		assertThat(first.path("disclosed").asBoolean()).isTrue();
		long household = first.path("id").asLong();
		assertThat(api.as("steward2").get(path).expect(200).json().path("households").size()).as("the steward reads it")
			.isEqualTo(day.path("households").size());
		api.as("grid1").get(path).expectProblem(403);
		api.as("resident1").get(path).expectProblem(403);

		Map<String, Object> visit = new LinkedHashMap<>();
		visit.put("householdId", household);
		assertThat(api.as("grid3").post(path + "/visits", visit).expectProblem(400).errorFields()).containsExactly("result");
		visit.put("result", "NOT_REACHED");
		visit.put("note", "家中无人，明天再去");
		api.as("grid1").post(path + "/visits", visit).expectProblem(403);
		JsonNode recorded = api.as("grid3").post(path + "/visits", visit).expect(201).json();
		assertThat(recorded.path("result").asText()).isEqualTo("NOT_REACHED");
		assertThat(api.as("grid3").get(path).json().path("visited").asInt()).isEqualTo(1);

		Map<String, Object> finding = new LinkedHashMap<>();
		finding.put("householdId", household);
		finding.put("description", "院墙开裂");
		assertThat(api.as("grid3").post(path + "/findings", finding).expectProblem(400).errorFields()).containsExactly("title");
		finding.put("title", "院墙开裂有倒塌危险");
		finding.put("contactPhone", "13700000002");
		JsonNode need = api.as("grid3").post(path + "/findings", finding).expect(201).json();
		assertThat(need.path("channel").asText()).isEqualTo("GRID_PATROL");
		JsonNode reported = api.as("steward2").get("/api/needs/" + need.path("needId").asLong()).expect(200).json();
		assertThat(reported.path("channel").asText()).isEqualTo("GRID_PATROL");
		assertThat(reported.path("householdId").asLong()).isEqualTo(household);
		assertThat(reported.path("phase").asText()).isEqualTo("CATEGORIZE");

		api.as("steward2").post(path + "/finish", Map.of("note", "代为完成")).expectProblem(403);
		api.as("grid3").post(path + "/finish", Map.of("note", "走访1户未见到人，上报1个问题")).expect(204);
		api.as("grid3").post(path + "/finish", Map.of()).expectProblem(409);
		api.as("grid3").post(path + "/visits", visit).expectProblem(409);
	}
}
