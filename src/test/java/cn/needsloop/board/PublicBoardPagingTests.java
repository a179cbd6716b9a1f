package cn.needsloop.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.needsloop.support.ApiTest;
import cn.needsloop.support.PageSession;

/**
 * The public board shows a page of each section, never every project of the district: with more finished projects
 * than a page holds, the first page shows the newest twenty and a link to the next, which shows the rest.
 */
class PublicBoardPagingTests extends ApiTest {

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	private final List<Long> inserted = new ArrayList<>();

	@AfterEach
	void removeProjects() {
		inserted.forEach(id -> jdbc.update("delete from service_project where id = ?", id));
	}

	@Test
	void finishedProjectsArePagedWithLinksToTheNextPage() {
		for (int i = 0; i < 25; i++) {
			jdbc.update("insert into service_project (community_code, title, goal, plan, category, budget_yuan,"
					+ " household_count, public_affairs, planned_end, status, evaluation_round, verdict, created_by,"
					+ " created_at, version) values ('xingfu', ?, '分页测试', '分页测试', 'ELDERLY_CARE', 100, 1, false,"
					+ " '1990-02-01', 'CLOSED', 1, 'SATISFIED', 'steward1', '1990-01-01 00:00:00', 0)",
					"分页项目 " + i);
			inserted.add(jdbc.queryForObject("select max(id) from service_project", Long.class));
		}
		Document first = PageSession.anonymous(port).page("/public");
		List<String> firstShown = first.select(".board-project[data-section=finished]").eachAttr("data-project");
		assertThat(firstShown).hasSize(20);
		assertThat(firstShown).contains(String.valueOf(inserted.get(24))).doesNotContain(String.valueOf(inserted.get(0)));
		assertThat(first.select("#finished-pages a").eachText()).containsExactly("下一页");
		String next = first.selectFirst("#finished-pages a").attr("href");
		assertThat(next).contains("donePage=1");

		Document second = PageSession.anonymous(port).page(next);
		List<String> secondShown = second.select(".board-project[data-section=finished]").eachAttr("data-project");
		assertThat(secondShown).contains(String.valueOf(inserted.get(0))).doesNotContainAnyElementsOf(firstShown);
		assertThat(second.select("#finished-pages a").eachText()).contains("上一页");
		assertThat(second.selectFirst("#finished-pages span").text()).startsWith("第 2 页");
	}

	@Test
	void aPageBeyondTheLastOrBelowTheFirstStillAnswers() {
		assertThat(PageSession.anonymous(port).page("/public?donePage=-3&openPage=99999").select("h1").text())
			.isNotEmpty();
	}
}
