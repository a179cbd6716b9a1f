package cn.needsloop.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.needsloop.support.Api;
import cn.needsloop.support.ApiTest;
import cn.needsloop.support.PageSession;

/**
 * Request ids and users in the log: the caller's {@code X-Request-Id} (or a new one) is echoed and
 * printed, with the signed-in user, on the lines of its request, for the API, the engine's REST API and
 * the pages. The per-request line of {@link RequestLogging} (debug) shows what the pattern prints.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestLogTests extends ApiTest {

	private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

	@LocalServerPort
	private int port;

	@BeforeEach
	void logEachRequest() {
		logging.setLogLevel(RequestLogging.class.getName(), LogLevel.DEBUG);
	}

	@AfterEach
	void quiet() {
		logging.setLogLevel(RequestLogging.class.getName(), null);
	}

	@Test
	void echoesTheCallersRequestId() {
		String id = "lb-" + Api.unique() + ".1:2";
		assertThat(api.as("steward1").header("X-Request-Id", id).get("/api/needs?communityCode=xingfu").expect(200)
			.header("X-Request-Id")).isEqualTo(id);
		// refused calls too
		assertThat(api.anonymous().header("X-Request-Id", id).get("/api/needs").expect(401).header("X-Request-Id"))
			.isEqualTo(id);
	}

	@Test
	void givesARequestWithoutAPlainIdANewOne() {
		Set<String> ids = new HashSet<>();
		for (String given : new String[] { null, "two words", "x".repeat(65), "line\tbreak" }) {
			Api.Call call = api.as("steward1");
			if (given != null) {
				call.header("X-Request-Id", given);
			}
			String id = call.get("/api/tasks").expect(200).header("X-Request-Id");
			assertThat(id).matches(UUID);
			ids.add(id);
		}
		assertThat(ids).hasSize(4);
	}

	@Test
	void linesOfAnApiCallCarryItsIdAndUser(CapturedOutput output) {
		String id = "api-" + Api.unique();
		api.as("steward1").header("X-Request-Id", id).get("/api/needs?communityCode=xingfu").expect(200);
		assertThat(line(output, id)).contains("[" + id + " steward1] ").contains("GET /api/needs -> 200");
	}

	@Test
	void linesOfTheEngineRestApiCarryTheUserCamundaSignedIn(CapturedOutput output) {
		String id = "rest-" + Api.unique();
		api.as("manager1").header("X-Request-Id", id).get("/engine-rest/task?maxResults=1").expect(200);
		assertThat(line(output, id)).contains("[" + id + " manager1] ").contains("GET /engine-rest/task -> 200");
	}

	@Test
	void linesOfAPageCarryTheSignedInUser(CapturedOutput output) {
		PageSession.signIn(port, "steward1").get("/steward");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(output.getAll().lines()
				.filter(l -> l.contains("GET /steward -> 200"))
				.toList()).anySatisfy(l -> assertThat(l).containsPattern("\\[" + UUID + " steward1\\] ")));
	}

	@Test
	void linesOfAnAnonymousOrRefusedCallHaveNoUser(CapturedOutput output) {
		String id = "anon-" + Api.unique();
		api.anonymous().header("X-Request-Id", id).get("/api/needs").expect(401);
		assertThat(line(output, id)).contains("[" + id + " ] ").contains("GET /api/needs -> 401");
		String wrong = "wrong-" + Api.unique();
		api.as("nobody").password("nope").header("X-Request-Id", wrong).get("/api/needs").expect(401);
		assertThat(line(output, wrong)).contains("[" + wrong + " ] ");
	}

	/** The request's own line, once the server has written it. */
	private static String line(CapturedOutput output, String id) {
		await().atMost(Duration.ofSeconds(10)).until(() -> output.getAll().contains("[" + id + " "));
		List<String> lines = output.getAll().lines().filter(l -> l.contains("[" + id + " ")).toList();
		return lines.get(lines.size() - 1);
	}
}
