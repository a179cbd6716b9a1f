package cn.needsloop.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.needsloop.evidence.TestFiles;
import cn.needsloop.support.ApiTest;
import cn.needsloop.support.PageSession;

/**
 * The party and self-governance lines open the page of a need whose task they hold: they see what serves the step
 * (the reporter masked), add photos to that step only, settle it from the page, and lose the page once it is done.
 * Everyone else of the lines gets 403, through the page, the API and the evidence endpoints alike.
 */
class LineWorkerNeedPageTests extends ApiTest {

	private int port() {
		return Integer.parseInt(api.base().replaceAll(".*:", ""));
	}

	@Test
	void thePartyLineOpensTheNeedItSettlesUploadsTheAfterPhotoAndResolvesFromThePage() throws Exception {
		long need = api.individualNeed("失业人员求职帮扶 " + cn.needsloop.support.Api.unique(), "EMPLOYMENT");
		assertThat(api.need(need).path("line").asText()).isEqualTo("PARTY");
		String page = "/needs/" + need;
		PageSession party = PageSession.signIn(port(), "party1");

		Document open = party.page(page);
		assertThat(open.select("#form-resolve")).isNotEmpty();
		assertThat(open.select("#form-return")).isNotEmpty();
		assertThat(open.select("#form-extension")).isNotEmpty();
		// the reporter's phone masked, no reveal for the line
		assertThat(open.select("#reporter-phone").text()).contains("****").doesNotContain("0000 0000");
		assertThat(open.select("#form-reveal-phone")).isEmpty();
		// only the steps of the task held, the after-photo first
		assertThat(open.select("#evidence-step option").eachAttr("value")).containsExactly("RESOLUTION_BEFORE",
				"RESOLUTION_AFTER");
		assertThat(open.select("#evidence-step option[selected]").attr("value")).isEqualTo("RESOLUTION_AFTER");
		JsonNode read = api.as("party1").get("/api/needs/" + need).expect(200).json();
		assertThat(read.path("reporterPhone").asText()).contains("****");

		// a step the line does not hold is refused, and keeps nothing
		api.as("party1")
			.postFile("/api/needs/" + need + "/evidence", Map.of("step", "VERIFICATION"), "file", "a.jpg",
					TestFiles.jpegWithGps(40, 20, 1))
			.expectProblem(403);
		PageSession.Page uploaded = party.postFile(page, page + "/evidence",
				List.of(Map.entry("step", "RESOLUTION_AFTER")), "files", "办理后.jpg", TestFiles.jpegWithGps(80, 60, 1));
		Document after = party.follow(uploaded).document();
		assertThat(after.select("#flash-done").text()).isEqualTo("照片和文件已上传");
		assertThat(after.select("#evidence-gallery img")).hasSize(1);
		String photo = after.select("#evidence-gallery a").attr("href");
		assertThat(party.status(photo)).isEqualTo(200);

		PageSession.Page resolved = party.post(page + "/resolution", List.of(Map.entry("note", "已推荐就业岗位")));
		assertThat(resolved.status()).isEqualTo(302);
		assertThat(api.need(need).path("phase").asText()).isEqualTo("EVALUATE");
		assertThat(files("steward1", need)).allSatisfy(f -> assertThat(f.path("taken").asBoolean()).isTrue());

		// the task done, the page, the need and its files are closed to the line again
		assertThat(party.status(page)).isEqualTo(403);
		assertThat(party.status(photo)).isEqualTo(403);
		api.as("party1").get("/api/needs/" + need).expectProblem(403);
		api.as("party1").get("/api/needs/" + need + "/evidence").expectProblem(403);
		api.as("party1")
			.postFile("/api/needs/" + need + "/evidence", Map.of("step", "RESOLUTION_AFTER"), "file", "b.jpg",
					TestFiles.jpegWithGps(40, 20, 1))
			.expectProblem(403);
	}

	@Test
	void aLineWithoutATaskOfTheNeedIsRefusedEverywhere() throws Exception {
		long verifying = api.reportedNeed("楼道堆物 " + cn.needsloop.support.Api.unique());
		long selfGoverned = api.individualNeed("单元门禁损坏 " + cn.needsloop.support.Api.unique(), "FACILITIES");
		for (long need : List.of(verifying, selfGoverned)) {
			PageSession party = PageSession.signIn(port(), "party1");
			assertThat(party.status("/needs/" + need)).isEqualTo(403);
			assertThat(party.getJson("/needs/" + need + "/diagram").status()).isEqualTo(403);
			api.as("party1").get("/api/needs/" + need).expectProblem(403);
			api.as("party1").get("/api/needs/" + need + "/evidence").expectProblem(403);
			api.as("party1")
				.postFile("/api/needs/" + need + "/evidence", Map.of("step", "RESOLUTION_AFTER"), "file", "a.jpg",
						TestFiles.jpegWithGps(40, 20, 1))
				.expectProblem(403);
		}
		// the self-governance line holds the repair: it opens it, and its after-photo is what lets it settle
		PageSession selfgov = PageSession.signIn(port(), "selfgov1");
		assertThat(selfgov.page("/needs/" + selfGoverned).select("#form-resolve")).isNotEmpty();
		assertThat(selfgov.status("/needs/" + verifying)).isEqualTo(403);
	}

	private java.util.List<JsonNode> files(String user, long need) {
		java.util.List<JsonNode> files = new java.util.ArrayList<>();
		api.as(user).get("/api/needs/" + need + "/evidence").expect(200).json().forEach(files::add);
		return files;
	}
}
