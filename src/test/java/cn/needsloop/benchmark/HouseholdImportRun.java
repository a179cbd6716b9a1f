package cn.needsloop.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One household register import followed as a steward's page follows it: the upload (answered at once with the
 * address of the import's status), then a poll of that status every 100 ms until the job has finished, noting each
 * change of progress seen (phase, rows checked) and when.
 */
record HouseholdImportRun(int uploadStatus, double uploadMs, double doneSeconds, String state, int created, int updated,
		int refused, List<String> progressSeen, Map<String, Double> phaseFirstSeen, double pollMedianMs, int polls) {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final ObjectMapper JSON = new ObjectMapper();

	static HouseholdImportRun follow(String base, String user, String password, String community, byte[] sheet)
			throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		long start = System.nanoTime();
		HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create(base + "/api/communities/" + community
				+ "/households/import"))
			.header("Authorization", auth)
			.header("Accept", "application/json, application/problem+json")
			.header("Content-Type", XLSX)
			.POST(HttpRequest.BodyPublishers.ofByteArray(sheet))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		double uploadMs = (System.nanoTime() - start) / 1e6;
		String location = upload.headers().firstValue("Location")
			.orElseThrow(() -> new IllegalStateException("no Location: HTTP " + upload.statusCode() + " " + upload.body()));
		List<String> seen = new ArrayList<>();
		Map<String, Double> phases = new LinkedHashMap<>();
		List<Double> pollTimes = new ArrayList<>();
		java.util.concurrent.atomic.AtomicReference<JsonNode> last = new java.util.concurrent.atomic.AtomicReference<>();
		// polled every 100 ms until the job is no longer running (the page polls every 500 ms)
		org.awaitility.Awaitility.await().pollDelay(java.time.Duration.ZERO).pollInterval(java.time.Duration.ofMillis(100))
			.atMost(java.time.Duration.ofMinutes(10)).until(() -> {
				long asked = System.nanoTime();
				HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + location))
					.header("Authorization", auth)
					.header("Accept", "application/json")
					.GET()
					.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				pollTimes.add((System.nanoTime() - asked) / 1e6);
				JsonNode status = JSON.readTree(answer.body());
				last.set(status);
				double at = (System.nanoTime() - start) / 1e9;
				String progress = status.path("phase").asText() + " " + status.path("checked").asInt() + "/"
						+ status.path("total").asInt() + (status.path("written").asInt() > 0 ? " written " + status.path("written").asInt() : "");
				if (seen.isEmpty() || !seen.get(seen.size() - 1).startsWith(progress + " ")) {
					seen.add(progress + " @" + String.format("%.1f", at) + "s");
				}
				phases.putIfAbsent(status.path("phase").asText(), at);
				return !status.path("state").asText().equals("RUNNING");
			});
		JsonNode status = last.get();
		double doneSeconds = (System.nanoTime() - start) / 1e9;
		return new HouseholdImportRun(upload.statusCode(), uploadMs, doneSeconds, status.path("state").asText(),
				status.path("created").asInt(), status.path("updated").asInt(), status.path("refusedCount").asInt(), seen,
				phases, median(pollTimes), pollTimes.size());
	}

	void print(String what) {
		System.out.printf("BENCHMARK import %s: upload answered HTTP %d in %.0f ms; %s after %.1f s (created %d, updated %d,"
				+ " refused %d); %d polls, median %.1f ms; %d progress states seen; phases first seen at %s%n", what,
				uploadStatus, uploadMs, state, doneSeconds, created, updated, refused, polls, pollMedianMs,
				progressSeen.size(), phaseFirstSeen);
		System.out.printf("BENCHMARK import %s: progress seen %s%n", what, progressSeen);
	}

	/** The load average of the machine now (1, 5, 15 minutes), from /proc/loadavg where there is one. */
	static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (Exception ex) {
			return "unknown";
		}
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(null);
		return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
	}
}
