package cn.needsloop.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import cn.needsloop.support.ApiTest;
import cn.needsloop.support.PageSession;

/**
 * A need's timeline as people read it: it starts with the report; who acted reads as name and role to those
 * who serve the need (王芳（民需管家）), as a role alone to others, and 系统 for the system, never as an
 * account; a project's steps, written into each of its needs' timelines, say which project and which need.
 */
class NeedTimelinePageTests extends ApiTest {

	private int port() {
		return Integer.parseInt(api.base().replaceAll(".*:", ""));
	}

	private static List<String> activities(Document page) {
		return page.select("#timeline li > strong").eachText();
	}

	private static Element entry(Document page, String activity) {
		return page.select("#timeline li").stream()
			.filter(li -> li.selectFirst("strong").text().equals(activity))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + activity + " in " + activities(page)));
	}

	@Test
	void theTimelineStartsWithTheReportAndNamesPeopleByNameAndRole() {
		long need = api.pooledNeed("时间线", "ELDERLY_CARE"); // reported by resident1, verified and classified by steward1

		Document steward = PageSession.signIn(port(), "steward1").page("/needs/" + need);
		assertThat(activities(steward).get(0)).isEqualTo("上报民需");
		assertThat(entry(steward, "上报民需").select(".by").text()).isEqualTo("刘秀英（居民）");
		assertThat(entry(steward, "核实民需 · 完成").select(".by").text()).isEqualTo("王芳（民需管家）");
		assertThat(entry(steward, "进入需求池，等待统筹设计项目").select(".by").text()).isEqualTo("系统");
		assertThat(steward.select("#timeline").text()).doesNotContain("steward1", "resident1", "system");

		// the resident reads their own name, and the steward's role only
		Document resident = PageSession.signIn(port(), "resident1").page("/needs/" + need);
		assertThat(entry(resident, "上报民需").select(".by").text()).isEqualTo("刘秀英（居民）");
		assertThat(entry(resident, "核实民需 · 完成").select(".by").text()).isEqualTo("民需管家");
		assertThat(resident.select("#timeline").text()).doesNotContain("王芳", "steward1");
	}

	@Test
	void aProjectsStepsSayWhichProjectAndWhichNeed() {
		long first = api.pooledNeed("项目时间线一", "ELDERLY_CARE");
		long second = api.pooledNeed("项目时间线二", "ELDERLY_CARE");
		long project = api.designedProject("ELDERLY_CARE", List.of(first, second), List.of("第一阶段"));
		api.approve("party1", project, true).expect(200);
		api.claim("org1", project).expect(200);
		api.reportMilestone("org1", project, 0).expect(200);
		api.complete("org1", project).expect(200);

		List<String> timeline = activities(PageSession.signIn(port(), "steward1").page("/needs/" + first));

		assertThat(timeline).contains("项目 #" + project + " · 党组织审批 · 完成")
			.contains("项目 #" + project + " · 居民评价（民需 #" + first + "） · 待办")
			.contains("项目 #" + project + " · 居民评价（民需 #" + second + "） · 待办")
			.doesNotContain("居民评价 · 待办");
	}
}
