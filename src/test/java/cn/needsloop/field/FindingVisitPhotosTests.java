package cn.needsloop.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.needsloop.evidence.TestFiles;
import cn.needsloop.support.ApiTest;
import cn.needsloop.support.PageSession;

/**
 * A need found on a household visit shows the visit's photos in its page's gallery, to those who may see the visit's
 * photos (the grid's workers, the community's stewards, managers); the line that settles the need sees the need,
 * not the household's visit.
 */
class FindingVisitPhotosTests extends ApiTest {

	@Autowired
	PatrolService patrols;

	@Autowired
	Patrols patrolRecords;

	private int port() {
		return Integer.parseInt(api.base().replaceAll(".*:", ""));
	}

	@Test
	void theNeedsPageShowsThePhotosOfTheVisitItWasFoundOn() throws Exception {
		LocalDate day = LocalDate.of(2028, 1, 10);
		ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2028-01-10T07:00:00+08:00").toInstant()));
		try {
			patrols.plan(day);
		}
		finally {
			ClockUtil.reset();
		}
		long patrol = patrolRecords.findByWorkerUserAndPatrolDay("grid1", day).orElseThrow().getId();
		String path = "/api/patrols/" + patrol;
		long household = api.as("grid1").get(path).expect(200).json().path("households").get(0).path("household")
			.path("id").asLong();
		Map<String, Object> visit = new LinkedHashMap<>();
		visit.put("householdId", household);
		visit.put("result", "NEEDS_HELP");
		visit.put("note", "家里水管漏水");
		long visitId = api.as("grid1").post(path + "/visits", visit).expect(201).json().path("id").asLong();
		api.as("grid1").postFile("/api/visits/" + visitId + "/evidence", Map.of(), "file", "入户.jpg",
				TestFiles.jpegWithGps(60, 40, 1)).expect(201);

		Map<String, Object> finding = new LinkedHashMap<>();
		finding.put("householdId", household);
		finding.put("title", "公共水管漏水");
		finding.put("description", "楼道水管漏水，需要维修");
		JsonNode found = api.as("grid1").post(path + "/findings", finding).expect(201).json();
		long need = found.path("needId").asLong();
		String page = "/needs/" + need;

		for (String user : new String[] { "steward1", "manager1", "grid1" }) {
			PageSession reader = PageSession.signIn(port(), user);
			Document shown = reader.page(page);
			assertThat(shown.select("#evidence-visit-gallery img")).as(user).hasSize(1);
			assertThat(shown.select("#evidence-visit-gallery .hint").text()).as(user).contains("入户走访");
			assertThat(shown.select("#evidence-none")).as(user).isEmpty();
			assertThat(reader.status(shown.select("#evidence-visit-gallery img").attr("src"))).as(user).isEqualTo(200);
		}
		String thumbnail = PageSession.signIn(port(), "steward1").page(page).select("#evidence-visit-gallery img")
			.attr("src");

		// settled by the self-governance line: it opens the need, but the household's visit is not for it
		api.classify("steward1", need, "FACILITIES", "NORMAL", "INDIVIDUAL").expect(200);
		PageSession selfgov = PageSession.signIn(port(), "selfgov1");
		Document line = selfgov.page(page);
		assertThat(line.select("#form-resolve")).isNotEmpty();
		assertThat(line.select("#evidence-visit-gallery")).isEmpty();
		assertThat(selfgov.status(thumbnail)).isEqualTo(403);
		assertThat(PageSession.signIn(port(), "steward2").status(page)).isEqualTo(403);
	}
}
