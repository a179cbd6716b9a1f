package cn.needsloop.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.needsloop.shared.Category;
import cn.needsloop.shared.Channel;

/**
 * The needs that are still open, put into the running app through its own API as the people of
 * the district would: the steward reports (or a resident, online), verifies and classifies; the
 * line the routing table chose resolves. Each need stops at its target step, so its process
 * instance, task, candidate groups, due date and timers are the engine's own. Mix: 35% waiting for
 * verification, 20% for classification, 25% with their line for resolution, 10% for the resident's
 * confirmation, 10% pooled for a project.
 */
final class OpenCases {

	private final String baseUrl;

	private final DistrictPlan plan;

	private final int threads;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final ObjectMapper json = new ObjectMapper();

	private final Map<String, AtomicLong> atStep = new ConcurrentHashMap<>();

	private final AtomicLong calls = new AtomicLong();

	OpenCases(String baseUrl, DistrictPlan plan, int threads) {
		this.baseUrl = baseUrl;
		this.plan = plan;
		this.threads = threads;
	}

	Map<String, AtomicLong> open() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> work = new ArrayList<>();
		AtomicLong done = new AtomicLong();
		long started = System.nanoTime();
		for (int t = 0; t < threads; t++) {
			int worker = t;
			work.add(pool.submit(() -> {
				SplittableRandom random = new SplittableRandom(plan.seed() * 31 + worker);
				for (int i = worker; i < plan.openNeeds(); i += threads) {
					try {
						openOne(i, random);
					}
					catch (IOException | InterruptedException e) {
						throw new IllegalStateException("open need " + i + ": " + e.getMessage(), e);
					}
					long n = done.incrementAndGet();
					if (n % 500 == 0) {
						System.out.printf("  %,d open needs (%.1f needs/s, %,d API calls)%n", n,
								n / ((System.nanoTime() - started) / 1e9), calls.get());
					}
				}
				return null;
			}));
		}
		pool.shutdown();
		for (Future<?> f : work) {
			f.get();
		}
		return atStep;
	}

	private void openOne(int i, SplittableRandom random) throws IOException, InterruptedException {
		// the same skew as the closed cases: a few large communities (a steward there has a few hundred tasks)
		int c = (int) (Math.pow(random.nextDouble(), 1.6) * plan.communities());
		String steward = DistrictPlan.steward(c);
		boolean online = random.nextInt(4) == 0;
		String reporter = online ? DistrictPlan.resident(c, 1 + random.nextInt(DistrictPlan.RESIDENTS_PER_COMMUNITY)) : steward;
		Category[] categories = Category.values();
		Category category = categories[random.nextInt(categories.length)];
		Channel channel = online ? Channel.ONLINE : Channel.values()[random.nextInt(5)];
		String grid = DistrictPlan.grid(c, 1 + random.nextInt(DistrictPlan.gridsOf(c)));
		JsonNode need = post(reporter, "/api/needs",
				Map.of("communityCode", DistrictPlan.community(c), "gridCode", grid, "channel", channel.name(), "title",
						"待办民需 " + (i + 1) + "：" + category.name(), "description", "生成的在办民需，用于基准测试", "reporterName",
						"居民" + (i + 1), "reporterPhone", "139" + String.format("%08d", i), "householdCount", 1 + random.nextInt(40)));
		long id = need.get("id").asLong();
		int roll = random.nextInt(100);
		if (roll < 35) {
			count("verify");
			return;
		}
		post(steward, "/api/needs/" + id + "/verification", Map.of("verdict", "GENUINE", "note", "上门核实，情况属实"));
		if (roll < 55) {
			count("classify");
			return;
		}
		boolean common = roll >= 90;
		post(steward, "/api/needs/" + id + "/classification",
				Map.of("category", category.name(), "urgency", "NORMAL", "scope", common ? "COMMON" : "INDIVIDUAL"));
		if (common) {
			count("pooled");
			return;
		}
		if (roll < 80) {
			count("resolve");
			return;
		}
		JsonNode classified = get(steward, "/api/needs/" + id);
		String line = classified.path("line").asText("STEWARD");
		String resolver = switch (line) {
			case "PARTY" -> DistrictPlan.party(c);
			case "SELF_GOVERNANCE" -> DistrictPlan.selfgov(c);
			default -> steward;
		};
		// the after-photo a resolution carries where evidence-required.dmn asks for one (one for every need here)
		upload(resolver, "/api/needs/" + id + "/evidence?step=RESOLUTION_AFTER", PHOTO);
		post(resolver, "/api/needs/" + id + "/resolution", Map.of("note", "已上门处理"));
		count("confirm");
	}

	private void count(String step) {
		atStep.computeIfAbsent(step, s -> new AtomicLong()).incrementAndGet();
	}

	private JsonNode post(String user, String path, Map<String, Object> body) throws IOException, InterruptedException {
		HttpRequest request = request(user, path).header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build();
		return send(request, path);
	}

	/** A small JPEG, as a steward's phone would send after the work (checked and re-encoded by the server). */
	private static final byte[] PHOTO = photo();

	private static byte[] photo() {
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 48,
				java.awt.image.BufferedImage.TYPE_INT_RGB);
		java.awt.Graphics2D g = image.createGraphics();
		g.setColor(new java.awt.Color(90, 140, 200));
		g.fillRect(0, 0, 64, 48);
		g.dispose();
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try {
			javax.imageio.ImageIO.write(image, "jpg", out);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private JsonNode upload(String user, String path, byte[] jpeg) throws IOException, InterruptedException {
		String boundary = "----bench" + UUID.randomUUID();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"after.jpg\"\r\n"
				+ "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(jpeg);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = request(user, path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		return send(request, path);
	}

	/** Waits until the node answers its readiness probe (the start gate refuses the API with 503 until then). */
	private void awaitReady() {
		org.awaitility.Awaitility.await("the app ready at " + baseUrl)
			.atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptions()
			.until(() -> http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health/readiness")).GET().build(),
					HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
	}

	private JsonNode get(String user, String path) throws IOException, InterruptedException {
		return send(request(user, path).GET().build(), path);
	}

	private HttpRequest.Builder request(String user, String path) {
		String basic = Base64.getEncoder().encodeToString((user + ":" + plan.password()).getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create(baseUrl + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Basic " + basic)
			.header("Accept", "application/json")
			.header("Accept-Language", "zh-CN");
	}

	private JsonNode send(HttpRequest request, String path) throws IOException, InterruptedException {
		for (int attempt = 1;; attempt++) {
			calls.incrementAndGet();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			int status = response.statusCode();
			if (status / 100 == 2) {
				String body = response.body();
				return body == null || body.isBlank() ? json.nullNode() : json.readTree(body);
			}
			// 409 after an optimistic-lock race (the winner has committed: try again at once), 503 while the node
			// starts (try again once it says it is ready); a few times at most
			if (status == 409 && attempt < 5) {
				continue;
			}
			if (status == 503 && attempt < 5) {
				awaitReady();
				continue;
			}
			throw new IOException(request.method() + " " + path + " -> " + status + ": " + response.body());
		}
	}
}
