package cn.needsloop.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A small HTTP client for the JSON API of a running application, plus the steps of the loop as
 * one-liners (report a need, verify it, design a project ...), each asserting its own success. Every
 * call goes over real HTTP with HTTP Basic credentials, exactly as a browser or app would call.
 */
public final class Api {

	public static final String PASSWORD = "demo";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final ObjectMapper json = new ObjectMapper();

	private final String base;

	public Api(int port) {
		this.base = "http://localhost:" + port;
	}

	public String base() {
		return base;
	}

	/** A request as {@code user}, or without credentials if {@code user} is null. */
	public Call as(String user) {
		return new Call(user);
	}

	public Call anonymous() {
		return new Call(null);
	}

	/** A unique suffix, so that tests sharing one database find their own records. */
	public static String unique() {
		return Long.toString(System.nanoTime() % 1_000_000_000L, 36) + "-" + SEQUENCE.incrementAndGet();
	}

	/** Builds one HTTP call. */
	public final class Call {

		private final String user;

		private String password = PASSWORD;

		private String language;

		private final Map<String, String> headers = new LinkedHashMap<>();

		Call(String user) {
			this.user = user;
		}

		public Call password(String password) {
			this.password = password;
			return this;
		}

		/** Sends {@code Accept-Language}. */
		public Call language(String language) {
			this.language = language;
			return this;
		}

		public Call header(String name, String value) {
			headers.put(name, value);
			return this;
		}

		public Response get(String path) {
			return send("GET", path, null);
		}

		public Response post(String path, Object body) {
			return send("POST", path, body);
		}

		public Response put(String path, Object body) {
			return send("PUT", path, body);
		}

		/** Sends a form with one file ({@code multipart/form-data}), as a phone or a script uploads a photo. */
		public Response postFile(String path, Map<String, String> fields, String fileField, String fileName,
				byte[] content) {
			String boundary = "----api" + java.util.UUID.randomUUID();
			java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
			fields.forEach((name, value) -> body.writeBytes(("--" + boundary
					+ "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
				.getBytes(StandardCharsets.UTF_8)));
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
					+ "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(content);
			body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
				.timeout(Duration.ofSeconds(60))
				.header("Accept", "application/json, application/problem+json")
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
			if (user != null) {
				request.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
			}
			if (language != null) {
				request.header("Accept-Language", language);
			}
			headers.forEach(request::header);
			try {
				HttpResponse<String> response = http.send(request.build(),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				return new Response("POST " + path + " as " + user, response.statusCode(), response.headers(),
						response.body(), parse(response.body()));
			}
			catch (IOException ex) {
				throw new IllegalStateException("POST " + path + " failed", ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		/** Sends bytes as they are with their content type (an .xlsx sheet). */
		public Response postBytes(String path, String contentType, byte[] content) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
				.timeout(Duration.ofSeconds(60))
				.header("Accept", "application/json, application/problem+json")
				.header("Content-Type", contentType)
				.POST(HttpRequest.BodyPublishers.ofByteArray(content));
			if (user != null) {
				request.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
			}
			if (language != null) {
				request.header("Accept-Language", language);
			}
			headers.forEach(request::header);
			try {
				HttpResponse<String> response = http.send(request.build(),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				return new Response("POST " + path + " as " + user, response.statusCode(), response.headers(),
						response.body(), parse(response.body()));
			}
			catch (IOException ex) {
				throw new IllegalStateException("POST " + path + " failed", ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		/** Sends a body as it is, for malformed JSON. */
		public Response postRaw(String path, String rawBody) {
			return sendRaw("POST", path, rawBody);
		}

		public Response send(String method, String path, Object body) {
			try {
				return sendRaw(method, path, body == null ? null : json.writeValueAsString(body));
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		Response sendRaw(String method, String path, String body) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
				.timeout(Duration.ofSeconds(60))
				.header("Accept", "application/json, application/problem+json");
			if (user != null) {
				request.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
			}
			if (language != null) {
				request.header("Accept-Language", language);
			}
			headers.forEach(request::header);
			if (body == null) {
				request.method(method, HttpRequest.BodyPublishers.noBody());
			}
			else {
				request.header("Content-Type", "application/json");
				request.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
			}
			try {
				HttpResponse<String> response = http.send(request.build(),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				return new Response(method + " " + path + " as " + user, response.statusCode(), response.headers(),
						response.body(), parse(response.body()));
			}
			catch (IOException ex) {
				throw new IllegalStateException(method + " " + path + " failed", ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private JsonNode parse(String body) {
		if (body == null || body.isBlank()) {
			return MissingNode.getInstance();
		}
		try {
			return json.readTree(body);
		}
		catch (IOException ex) {
			return MissingNode.getInstance();
		}
	}

	/** The answer to one call. */
	public record Response(String call, int status, java.net.http.HttpHeaders headers, String body, JsonNode json) {

		public Response expect(int expected) {
			assertThat(status).as("status of %s; body: %s", call, body).isEqualTo(expected);
			return this;
		}

		public String contentType() {
			return headers.firstValue("Content-Type").orElse(null);
		}

		public String header(String name) {
			return headers.firstValue(name).orElse(null);
		}

		public JsonNode path(String field) {
			return json.path(field);
		}

		public long id() {
			return json.path("id").asLong();
		}

		/** The fields named in a 400 problem's {@code errors}. */
		public List<String> errorFields() {
			List<String> fields = new ArrayList<>();
			json.path("errors").forEach(e -> fields.add(e.path("field").asText()));
			return fields;
		}

		/** The message of the first error about {@code field}. */
		public String errorMessage(String field) {
			for (JsonNode error : json.path("errors")) {
				if (field.equals(error.path("field").asText())) {
					return error.path("message").asText();
				}
			}
			return null;
		}

		/** Asserts an RFC 9457 problem of this status. */
		public Response expectProblem(int expected) {
			expect(expected);
			assertThat(contentType()).as("content type of %s", call).startsWith("application/problem+json");
			assertThat(json.path("status").asInt()).as("problem status of %s", call).isEqualTo(expected);
			assertThat(json.path("title").asText()).as("problem title of %s", call).isNotBlank();
			return this;
		}
	}

	// ---------------------------------------------------------------- the loop's steps, as one-liners

	public static Map<String, Object> needBody(String community, String title, String description, Integer households) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("communityCode", community);
		body.put("gridCode", null);
		body.put("channel", "ONLINE");
		body.put("title", title);
		body.put("description", description);
		body.put("reporterName", "测试居民");
		body.put("reporterPhone", "138 0000 0000");
		body.put("householdCount", households);
		return body;
	}

	/** Reports a need as {@code user}; returns its id. */
	public long report(String user, String community, String title, String description, Integer households) {
		return as(user).post("/api/needs", needBody(community, title + " " + unique(), description, households))
			.expect(201)
			.id();
	}

	/** A need of xingfu reported by resident1, waiting for verification. */
	public long reportedNeed(String title) {
		return report("resident1", "xingfu", title, "测试用的民需描述：" + title, 1);
	}

	public Response verify(String steward, long needId, String verdict) {
		return as(steward).post("/api/needs/" + needId + "/verification", Map.of("verdict", verdict, "note", "已核实"));
	}

	public Response classify(String steward, long needId, String category, String urgency, String scope) {
		return as(steward).post("/api/needs/" + needId + "/classification",
				Map.of("category", category, "urgency", urgency, "scope", scope));
	}

	/** A need of xingfu verified as genuine, waiting for classification. */
	public long verifiedNeed(String title) {
		long id = reportedNeed(title);
		verify("steward1", id, "GENUINE").expect(200);
		return id;
	}

	/** An individual need of xingfu classified in {@code category}, waiting for its line to resolve it. */
	public long individualNeed(String title, String category) {
		long id = verifiedNeed(title);
		classify("steward1", id, category, "NORMAL", "INDIVIDUAL").expect(200);
		return id;
	}

	/** A common need of xingfu in the needs pool. */
	public long pooledNeed(String title, String category) {
		long id = verifiedNeed(title);
		classify("steward1", id, category, "HIGH", "COMMON").expect(200);
		return id;
	}

	public static Map<String, Object> projectBody(String community, String category, List<Long> needIds,
			List<String> milestones) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("communityCode", community);
		body.put("title", "测试项目 " + unique());
		body.put("goal", "让需求得到满足");
		body.put("plan", "分三步实施");
		body.put("category", category);
		body.put("needIds", needIds);
		body.put("budgetYuan", 12000.50);
		body.put("householdCount", 20);
		body.put("publicAffairs", false);
		body.put("plannedEnd", LocalDate.now().plusMonths(3).toString());
		body.put("milestones", milestones);
		return body;
	}

	/** A project designed by steward1 for pooled needs; waiting for the party's approval. */
	public long designedProject(String category, List<Long> needIds, List<String> milestones) {
		return as("steward1").post("/api/projects", projectBody("xingfu", category, needIds, milestones))
			.expect(201)
			.id();
	}

	public Response approve(String party, long projectId, boolean approved) {
		return as(party).post("/api/projects/" + projectId + "/approval",
				Map.of("approved", approved, "note", approved ? "同意实施" : "请补充预算明细"));
	}

	/** A project of one pooled need, approved and published in the project hall. */
	public Published publishedProject(String category, int milestones) {
		long need = pooledNeed("项目需求", category);
		List<String> titles = new ArrayList<>();
		for (int i = 0; i < milestones; i++) {
			titles.add("里程碑 " + (i + 1));
		}
		long project = designedProject(category, List.of(need), titles);
		approve("party1", project, true).expect(200);
		return new Published(project, List.of(need));
	}

	public record Published(long projectId, List<Long> needIds) {
		public long needId() {
			return needIds.get(0);
		}
	}

	public Response claim(String org, long projectId) {
		return as(org).post("/api/projects/" + projectId + "/claim", null);
	}

	public Response reportMilestone(String org, long projectId, int index) {
		return as(org).post("/api/projects/" + projectId + "/milestones/" + index + "/report",
				Map.of("note", "第" + (index + 1) + "阶段完成", "socialWorkers", 2, "volunteers", 5));
	}

	public Response complete(String org, long projectId) {
		return as(org).post("/api/projects/" + projectId + "/completion", Map.of("report", "项目已全部实施完毕"));
	}

	/** A published project claimed by org1 (ELDERLY_CARE), with all milestones reported and completed. */
	public Published projectInEvaluation(int milestones) {
		Published project = publishedProject("ELDERLY_CARE", milestones);
		claim("org1", project.projectId()).expect(200);
		for (int i = 0; i < milestones; i++) {
			reportMilestone("org1", project.projectId(), i).expect(200);
		}
		complete("org1", project.projectId()).expect(200);
		return project;
	}

	public Response rate(String user, long projectId, String perspective, Long needId, Object score) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("perspective", perspective);
		body.put("needId", needId);
		body.put("score", score);
		body.put("comment", "评价");
		return as(user).post("/api/projects/" + projectId + "/evaluations", body);
	}

	/** Asserts that a rejected call left the need exactly as it was (same view, same history). */
	public void assertNeedUnchanged(long id, JsonNode before) {
		assertThat(need(id)).as("need %s after a rejected call", id).isEqualTo(before);
	}

	/** Asserts that a rejected call left the project exactly as it was. */
	public void assertProjectUnchanged(long id, JsonNode before) {
		assertThat(project(id)).as("project %s after a rejected call", id).isEqualTo(before);
	}

	/** How many needs there are (as the manager sees them). */
	public long needCount() {
		return as("manager1").get("/api/needs?size=1").expect(200).json().path("totalElements").asLong();
	}

	/** How many projects there are (as the manager sees them). */
	public int projectCount() {
		return as("manager1").get("/api/projects").expect(200).json().path("totalElements").asInt();
	}

	public JsonNode need(long id) {
		return as("manager1").get("/api/needs/" + id).expect(200).json();
	}

	public JsonNode project(long id) {
		return as("manager1").get("/api/projects/" + id).expect(200).json();
	}

	/**
	 * Sends the calls at the same moment: each on its own thread, all released together once every thread is
	 * ready. The answers come back in the order of the calls.
	 */
	public static <T> List<T> atOnce(List<Supplier<T>> calls) {
		ExecutorService threads = Executors.newFixedThreadPool(calls.size());
		try {
			CountDownLatch ready = new CountDownLatch(calls.size());
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> answers = new ArrayList<>();
			for (Supplier<T> call : calls) {
				answers.add(threads.submit(() -> {
					ready.countDown();
					start.await();
					return call.get();
				}));
			}
			assertThat(ready.await(30, TimeUnit.SECONDS)).as("all %s callers ready", calls.size()).isTrue();
			start.countDown();
			List<T> responses = new ArrayList<>();
			for (Future<T> answer : answers) {
				responses.add(answer.get(120, TimeUnit.SECONDS));
			}
			return responses;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			threads.shutdownNow();
		}
	}
}
