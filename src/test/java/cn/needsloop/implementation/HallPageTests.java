package cn.needsloop.implementation;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import cn.needsloop.support.Api.Published;
import cn.needsloop.support.ApiTest;
import cn.needsloop.support.PageSession;

/**
 * The project hall read a page at a time: the projects open to claim and the organisation's own, newest first,
 * each list with its own page number, and the newest ratings received.
 */
class HallPageTests extends ApiTest {

	@Test
	void showsTheNewestProjectsOfBothListsOnTheirFirstPageAndNothingBeyondTheLast() {
		long open = api.publishedProject("ELDERLY_CARE", 1).projectId();
		Published claimed = api.projectInEvaluation(1);
		api.rate("resident1", claimed.projectId(), "RESIDENT", claimed.needIds().get(0), 5).expect(201);

		PageSession org1 = PageSession.signIn(port(), "org1");
		Document first = org1.page("/hall");
		assertThat(first.select(".open-project[data-project=" + open + "]")).hasSize(1);
		assertThat(first.select(".my-project a[href=/projects/" + claimed.projectId() + "]")).hasSize(1);
		assertThat(first.select(".open-project").size()).isLessThanOrEqualTo(HallController.PAGE);
		assertThat(first.select(".my-project").size()).isLessThanOrEqualTo(HallController.PAGE);
		// the newest rating received comes first, and no more than the newest RATINGS are shown
		assertThat(first.select("#ratings-received tr").first().text()).contains("5 星");
		assertThat(first.select("#ratings-received tr").size()).isLessThanOrEqualTo(HallController.RATINGS);

		// each list keeps its own page: far past the last page of one, the other still shows its first page
		Document beyond = org1.page("/hall?minePage=" + 10_000);
		assertThat(beyond.select(".my-project")).isEmpty();
		assertThat(beyond.select(".open-project[data-project=" + open + "]")).hasSize(1);
		Document beyondOpen = org1.page("/hall?openPage=" + 10_000);
		assertThat(beyondOpen.select(".open-project")).isEmpty();
		assertThat(beyondOpen.select(".my-project a[href=/projects/" + claimed.projectId() + "]")).hasSize(1);
	}

	private int port() {
		return Integer.parseInt(api.base().replaceAll(".*:", ""));
	}
}
