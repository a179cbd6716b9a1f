package cn.needsloop.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import cn.needsloop.support.Api.Response;

/**
 * Two organisations claim one published project at the same moment: exactly one wins, the other is told the
 * project is taken (409), and only the winner works on it. One scenario, run on H2
 * ({@code ImplementationControllerTests}) and on MySQL ({@code MySqlIntegrationTests}), whose locks differ.
 */
public final class ConcurrentClaims {

	private ConcurrentClaims() {
	}

	public static void exactlyOneOfTwoWins(Api api) {
		long project = api.publishedProject("ELDERLY_CARE", 1).projectId();
		List<Supplier<Response>> claims = List.of(() -> api.claim("org1", project), () -> api.claim("org2", project));
		List<Response> answers = Api.atOnce(claims);
		Response first = answers.get(0);
		Response second = answers.get(1);

		assertThat(List.of(first.status(), second.status())).containsExactlyInAnyOrder(200, 409);
		boolean org1Won = first.status() == 200;
		Response winner = org1Won ? first : second;
		(org1Won ? second : first).expectProblem(409);
		String claimant = org1Won ? "yangguang" : "aixin";
		assertThat(winner.path("claimant").asText()).isEqualTo(claimant);
		JsonNode claimed = api.project(project);
		assertThat(claimed.path("claimant").asText()).isEqualTo(claimant);
		assertThat(claimed.path("status").asText()).isEqualTo("IN_PROGRESS");
		api.reportMilestone(org1Won ? "org1" : "org2", project, 0).expect(200);
		api.reportMilestone(org1Won ? "org2" : "org1", project, 0).expectProblem(409);
	}
}
