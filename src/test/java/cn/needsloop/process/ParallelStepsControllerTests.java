package cn.needsloop.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.needsloop.support.Api;
import cn.needsloop.support.Api.Response;
import cn.needsloop.support.ApiTest;

/**
 * Steps that run side by side in one process (the residents', the community's and the implementer's
 * ratings; the milestone reports) sent at the same moment: every call succeeds and is recorded, none
 * answers 409 because another one joined the same branch first.
 */
class ParallelStepsControllerTests extends ApiTest {

	@Test
	void recordsEightRatingsSentAtTheSameMoment() {
		List<Long> needs = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			needs.add(api.pooledNeed("同时评价-" + i, "ELDERLY_CARE"));
		}
		long id = api.designedProject("ELDERLY_CARE", needs, List.of("一"));
		api.approve("party1", id, true).expect(200);
		api.claim("org1", id).expect(200);
		api.reportMilestone("org1", id, 0).expect(200);
		api.complete("org1", id).expect(200);

		List<Supplier<Response>> ratings = new ArrayList<>();
		for (long need : needs) {
			ratings.add(() -> api.rate("resident1", id, "RESIDENT", need, 5));
		}
		ratings.add(() -> api.rate("steward1", id, "COMMUNITY", null, 4));
		ratings.add(() -> api.rate("org1", id, "IMPLEMENTER", null, 5));
		Api.atOnce(ratings).forEach(answer -> answer.expect(201));

		JsonNode project = api.project(id);
		assertThat(project.path("evaluations").size()).isEqualTo(8);
		assertThat(project.path("status").asText()).isEqualTo("CLOSED");
		assertThat(project.path("verdict").asText()).isEqualTo("SATISFIED");
		for (long need : needs) {
			assertThat(api.need(need).path("outcome").asText()).isEqualTo("RESOLVED");
		}
	}

	@Test
	void recordsFourMilestoneReportsSentAtTheSameMoment() {
		long id = api.publishedProject("ELDERLY_CARE", 4).projectId();
		api.claim("org1", id).expect(200);

		List<Supplier<Response>> reports = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			int index = i;
			reports.add(() -> api.reportMilestone("org1", id, index));
		}
		Api.atOnce(reports).forEach(answer -> answer.expect(200));

		JsonNode project = api.project(id);
		project.path("milestones").forEach(m -> assertThat(m.path("reportedBy").asText()).isEqualTo("org1"));
		assertThat(project.path("milestones").size()).isEqualTo(4);
		api.complete("org1", id).expect(200);
	}
}
