package cn.needsloop.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import cn.needsloop.support.Api.Published;
import cn.needsloop.support.ApiTest;
import cn.needsloop.support.PageSession;

/**
 * A project is named by its title wherever it is mentioned (the workbench, a need's page) and its implementer by
 * name, not by code.
 */
class ProjectPageTests extends ApiTest {

	private int port() {
		return Integer.parseInt(api.base().replaceAll(".*:", ""));
	}

	@Test
	void theProjectPageNamesItsImplementer() {
		Published project = api.publishedProject("ELDERLY_CARE", 1);
		api.claim("org1", project.projectId()).expect(200);

		Document page = PageSession.signIn(port(), "steward1").page("/projects/" + project.projectId());

		assertThat(page.getElementById("project-claimant").text()).isEqualTo("阳光社工服务中心");
	}

	@Test
	void aNeedsPageAndTheWorkbenchNameTheProjectByItsTitle() {
		long need = api.pooledNeed("项目标题", "ELDERLY_CARE");
		long projectId = api.designedProject("ELDERLY_CARE", List.of(need), List.of("第一阶段"));
		String title = api.as("steward1").get("/api/projects/" + projectId).expect(200).path("title").asText();

		Document needPage = PageSession.signIn(port(), "steward1").page("/needs/" + need);
		assertThat(needPage.getElementById("need-project").text()).isEqualTo("项目 #" + projectId + " · " + title);

		// the party line's approval task on its workbench
		Document workbench = PageSession.signIn(port(), "party1").page("/tasks");
		Element row = workbench.select("tr[data-task-key=userTask_approveProject]").stream()
			.filter(r -> r.text().contains("项目 #" + projectId + " "))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no approval task of project " + projectId + " in " + workbench.text()));
		assertThat(row.text()).contains("项目 #" + projectId + " · " + title);
	}

	@Test
	void theWorkbenchNamesANeedByItsTitle() {
		long need = api.reportedNeed("工作台标题");
		String title = api.as("steward1").get("/api/needs/" + need).expect(200).path("title").asText();

		Document workbench = PageSession.signIn(port(), "steward1").page("/steward");

		assertThat(workbench.select("tr[data-need-id=" + need + "]").text()).contains("民需 #" + need + " · " + title);
	}
}
