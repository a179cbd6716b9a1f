package cn.needsloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.needsloop.support.Api.Response;
import cn.needsloop.support.ApiTest;
import cn.needsloop.support.PageSession;

/**
 * Every paged list, of the API and of the pages, answers page numbers up to {@link PageView#MAX_PAGE} and sizes up
 * to {@link PageView#MAX_SIZE}, and refuses any other with a 400 naming the parameter: page 99,999,999 of 200
 * needs was a 500 (the offset overflowed in the database).
 */
class PageBoundsTests extends ApiTest {

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/api/needs", "/api/notifications", "/api/consultations" })
	void theApiListsAnswerPagesUpToTheBoundAndRefuseOthers(String list) {
		String user = list.equals("/api/consultations") ? "steward1" : "manager1";
		Response last = api.as(user).get(list + "?page=" + PageView.MAX_PAGE + "&size=" + PageView.MAX_SIZE).expect(200);
		assertThat(last.path("content")).isEmpty();
		assertThat(last.path("page").asInt()).isEqualTo(PageView.MAX_PAGE);

		for (String query : new String[] { "page=" + (PageView.MAX_PAGE + 1), "page=99999999&size=200", "page=-1",
				"page=2147483648", "page=NaN" }) {
			assertThat(api.as(user).get(list + "?" + query).expectProblem(400).errorFields()).as(query)
				.containsExactly("page");
		}
		for (String query : new String[] { "size=" + (PageView.MAX_SIZE + 1), "size=0", "size=-5", "size=1e3" }) {
			assertThat(api.as(user).get(list + "?" + query).expectProblem(400).errorFields()).as(query)
				.containsExactly("size");
		}
	}

	@Test
	void saysWhichBoundInTheCallersLanguage() {
		Response english = api.as("manager1").get("/api/needs?page=99999999&size=200").expectProblem(400);
		assertThat(english.errorMessage("page")).isEqualTo("must be less than or equal to 10000");
		Response chinese = api.as("manager1").language("zh-CN").get("/api/needs?page=99999999&size=200").expectProblem(400);
		assertThat(chinese.errorMessage("page")).isEqualTo("最大不能超过10000");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/manager/needs", "/manager/projects", "/manager/consultations", "/consultations" })
	void thePagedPagesAnswerPagesUpToTheBoundAndRefuseOthers(String page) {
		PageSession manager = PageSession.signIn(port, "manager1");
		assertThat(manager.status(page + "?page=" + PageView.MAX_PAGE)).isEqualTo(200);
		assertThat(manager.status(page + "?page=" + (PageView.MAX_PAGE + 1))).isEqualTo(400);
		assertThat(manager.status(page + "?page=99999999")).isEqualTo(400);
		assertThat(manager.status(page + "?page=2147483648")).isEqualTo(400);
	}
}
