package cn.needsloop.benchmark;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.needsloop.support.ApiTest;
import cn.needsloop.support.PageSession;

/**
 * Monday morning at the steward station: 300 needs waiting for verification; the steward opens the
 * workbench, claims all 300 in one bulk job, then verifies them all as genuine in another. A
 * benchmark, not a test (not part of {@code ./mvnw verify}): run it with
 * {@code ./mvnw test -Dtest=WorkbenchBulkBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; the
 * figures are printed and recorded in docs/benchmarks.md.
 */
class WorkbenchBulkBenchmark extends ApiTest {

	static final int NEEDS = 300;

	@Test
	void bulkActionsOnThreeHundredNeeds() throws Exception {
		List<Long> needIds = new ArrayList<>();
		for (int i = 0; i < NEEDS; i++) {
			needIds.add(api.reportedNeed("周一待核实 " + i));
		}
		List<String> taskIds = new ArrayList<>();
		for (JsonNode t : api.as("steward1").get("/api/tasks?max=1000").expect(200).json()) {
			if (needIds.contains(t.path("needId").asLong())) {
				taskIds.add(t.path("id").asText());
			}
		}
		int port = Integer.parseInt(api.base().substring(api.base().lastIndexOf(':') + 1));
		PageSession steward = PageSession.signIn(port, "steward1");
		for (int i = 0; i < 3; i++) {
			steward.get("/steward");
		}
		long start = System.nanoTime();
		int rows = steward.get("/steward").document().select("input.select-task").size();
		System.out.printf("%nBENCHMARK GET /steward with %d task rows: %.1f ms%n", rows, (System.nanoTime() - start) / 1e6);

		job("CLAIM", taskIds, null);
		job("VERIFY_GENUINE", taskIds, "周一上午集中电话核实");
	}

	private void job(String action, List<String> taskIds, String note) throws InterruptedException {
		long start = System.nanoTime();
		java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("action", action);
		body.put("taskIds", taskIds);
		body.put("note", note);
		String id = api.as("steward1").post("/api/tasks/bulk-actions", body).expect(202).path("id").asText();
		long[] firstPoll = { 0 };
		int[] polls = { 0 };
		java.util.concurrent.atomic.AtomicReference<JsonNode> last = new java.util.concurrent.atomic.AtomicReference<>();
		// polled as the page does, every 300 ms, until the job says it is finished
		org.awaitility.Awaitility.await().pollDelay(java.time.Duration.ZERO).pollInterval(java.time.Duration.ofMillis(300))
			.atMost(java.time.Duration.ofMinutes(30)).until(() -> {
				long before = System.nanoTime();
				JsonNode answer = api.as("steward1").get("/api/tasks/bulk-actions/" + id).expect(200).json();
				polls[0]++;
				firstPoll[0] = firstPoll[0] == 0 ? System.nanoTime() - before : firstPoll[0];
				last.set(answer);
				return answer.path("finished").asBoolean();
			});
		JsonNode job = last.get();
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("BENCHMARK bulk %-15s %d tasks: %d done, %d refused in %.1f s (%.0f ms a task; %d polls, first %.1f ms)%n",
				action, taskIds.size(), job.path("succeeded").asInt(), job.path("failed").asInt(), seconds,
				seconds * 1000 / taskIds.size(), polls[0], firstPoll[0] / 1e6);
	}
}
