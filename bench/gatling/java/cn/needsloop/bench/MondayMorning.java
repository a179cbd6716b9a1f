package cn.needsloop.bench;

import static cn.needsloop.bench.BenchSettings.BASE_URL;
import static cn.needsloop.bench.BenchSettings.COMMUNITIES;
import static cn.needsloop.bench.BenchSettings.PASSWORD;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.ByteArrayBodyPart;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * A Monday morning in the generated district (bench/generate.sh): stewards work their task lists
 * (verify, classify), the party and self-governance lines resolve, social organisations look at
 * the project hall and their notifications, managers watch the dashboard and the KPIs, and
 * residents report needs with an Idempotency-Key. Pages are signed in through the login form as a
 * browser would; the API is called with HTTP Basic as the pages' scripts and other clients do.
 *
 * <pre>
 * ./mvnw -Pbench gatling:test -Dgatling.simulationClass=cn.needsloop.bench.MondayMorning \
 *   -DbaseUrl=http://localhost:8080 -Dduration=600 -Dstewards=60 -Dlines=20 -Dorganizations=10 \
 *   -Dmanagers=5 -DresidentsPerMinute=60 -Dthink=5
 * </pre>
 */
public class MondayMorning extends Simulation {

	static final Duration DURATION = BenchSettings.seconds("duration", 600);

	static final Duration RAMP = BenchSettings.seconds("ramp", 30);

	static final int STEWARDS = BenchSettings.number("stewards", 60);

	static final int LINES = BenchSettings.number("lines", 20);

	static final int ORGANIZATIONS = BenchSettings.number("organizations", 10);

	static final int MANAGERS = BenchSettings.number("managers", 5);

	static final int RESIDENTS_PER_MINUTE = BenchSettings.number("residentsPerMinute", 60);

	static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

	static final String THIRTY_DAYS_AGO = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(29).toString();

	static final String YEAR_AGO = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(364).toString();

	static final String[] CATEGORIES = { "ELDERLY_CARE", "FACILITIES", "ENVIRONMENT", "NEIGHBOR_DISPUTE", "HARDSHIP_RELIEF",
			"CHILD_CARE", "LEGAL_AID", "CULTURE_SPORTS" };

	static String community(int c) {
		return String.format(Locale.ROOT, "b%03d", c + 1);
	}

	/** One record per person; the busiest communities first (the generator puts more needs there). */
	static Iterator<Map<String, Object>> people(int count, java.util.function.IntFunction<Map<String, Object>> person) {
		List<Map<String, Object>> all = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			all.add(person.apply(i));
		}
		return Stream.iterate(0, i -> (i + 1) % all.size()).map(all::get).iterator();
	}

	HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
		.acceptHeader("application/json")
		.acceptLanguageHeader("zh-CN")
		.userAgentHeader("needs-loop-bench");

	/** Signs in through the login form as a browser does: the page session for the HTML pages. */
	static ChainBuilder signIn(String who) {
		return exec(http(who + ": GET /login").get("/login")
			.header("Accept", "text/html")
			.check(css("input[name=_csrf]", "value").saveAs("csrf")))
			.exec(http(who + ": POST /login").post("/login")
				.header("Accept", "text/html")
				.formParam("username", "#{user}")
				.formParam("password", PASSWORD)
				.formParam("_csrf", "#{csrf}")
				.check(status().is(200)));
	}

	static ChainBuilder page(String who, String name, String path) {
		return exec(http(who + ": page " + name).get(path).header("Accept", "text/html").check(status().is(200)));
	}

	static ChainBuilder api(String who, String name, String path) {
		return exec(http(who + ": GET " + name).get(path).basicAuth("#{user}", PASSWORD).check(status().is(200)));
	}

	static ChainBuilder forget(String... keys) {
		return exec(session -> {
			var s = session;
			for (String key : keys) {
				s = s.remove(key);
			}
			return s;
		});
	}

	// ------------------------------------------------------------------------------------------ stewards

	ScenarioBuilder stewards = scenario("stewards")
		.feed(people(STEWARDS, i -> Map.of("user", "s-" + community(i % COMMUNITIES), "community", community(i % COMMUNITIES))))
		.exec(signIn("steward"))
		.during(DURATION).on(
			page("steward", "/steward", "/steward")
				.exec(http("steward: GET /api/tasks").get("/api/tasks").basicAuth("#{user}", PASSWORD)
					.check(status().is(200))
					.check(jsonPath("$[?(@.taskKey == 'userTask_verifyNeed')].needId").findRandom().optional().saveAs("verify"))
					.check(jsonPath("$[?(@.taskKey == 'userTask_classifyNeed')].needId").findRandom().optional().saveAs("classify")))
				.pause(BenchSettings::thinkOf)
				.doIfOrElse(session -> session.contains("classify") && ThreadLocalRandom.current().nextBoolean()).then(
					api("steward", "/api/needs/{id}", "/api/needs/#{classify}")
						.pause(BenchSettings::thinkOf)
						.exec(http("steward: POST classification").post("/api/needs/#{classify}/classification")
							.basicAuth("#{user}", PASSWORD)
							.body(StringBody(session -> "{\"category\":\"" + CATEGORIES[ThreadLocalRandom.current().nextInt(CATEGORIES.length)]
									+ "\",\"urgency\":\"NORMAL\",\"scope\":\""
									+ (ThreadLocalRandom.current().nextInt(10) < 8 ? "INDIVIDUAL" : "COMMON") + "\"}"))
							.asJson()
							.check(status().in(200, 204))))
				.orElse(
					doIf(session -> session.contains("verify")).then(
						api("steward", "/api/needs/{id}", "/api/needs/#{verify}")
							.pause(BenchSettings::thinkOf)
							.exec(http("steward: POST verification").post("/api/needs/#{verify}/verification")
								.basicAuth("#{user}", PASSWORD)
								.body(StringBody("{\"verdict\":\"GENUINE\",\"note\":\"上门核实，情况属实\"}"))
								.asJson()
								.check(status().in(200, 204)))))
				.randomSwitch().on(
					percent(30.0).then(
						api("steward", "/api/needs?communityCode&status=OPEN", "/api/needs?communityCode=#{community}&status=OPEN&size=50")),
					percent(10.0).then(
						api("steward", "/api/needs/pool", "/api/needs/pool?communityCode=#{community}")),
					percent(20.0).then( api("steward", "/api/notifications", "/api/notifications")))
				.exec(forget("verify", "classify"))
				.pause(BenchSettings::thinkOf));

	// ------------------------------------------------------------------------------------------ lines

	/** A small real JPEG (the server decodes what it is given): the photo of the spot after the work. */
	static final byte[] AFTER_PHOTO = afterPhoto();

	private static byte[] afterPhoto() {
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
		java.awt.Graphics2D g = image.createGraphics();
		g.setColor(new java.awt.Color(90, 140, 200));
		g.fillRect(0, 0, 64, 48);
		g.setColor(java.awt.Color.WHITE);
		g.fillRect(16, 12, 32, 24);
		g.dispose();
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try {
			if (!javax.imageio.ImageIO.write(image, "jpg", out)) {
				throw new IllegalStateException("no JPEG writer");
			}
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	ScenarioBuilder lines = scenario("lines")
		.feed(people(LINES, i -> Map.of("user", (i % 2 == 0 ? "g-" : "p-") + community((i / 2) % COMMUNITIES))))
		.exec(signIn("line"))
		.during(DURATION).on(
			page("line", "/tasks", "/tasks")
				.exec(http("line: GET /api/tasks").get("/api/tasks").basicAuth("#{user}", PASSWORD)
					.check(status().is(200))
					.check(jsonPath("$[?(@.taskKey == 'userTask_resolveNeed')].needId").findRandom().optional().saveAs("resolve")))
				.pause(BenchSettings::thinkOf)
				.doIf(session -> session.contains("resolve")).then(
					// the after-photo first, as a line worker takes it on the spot: evidence-required.dmn asks for it
					// (RESOLUTION_AFTER) before FACILITIES and SAFETY needs are resolved
					exec(http("line: POST evidence RESOLUTION_AFTER").post("/api/needs/#{resolve}/evidence")
							.queryParam("step", "RESOLUTION_AFTER")
							.basicAuth("#{user}", PASSWORD)
							.bodyPart(ByteArrayBodyPart("file", AFTER_PHOTO).fileName("after.jpg").contentType("image/jpeg"))
							.asMultipartForm()
							.check(status().is(201)))
					// the line sees the need in its task (a party or self-governance user may not read /api/needs/{id})
					.exec(http("line: POST resolution").post("/api/needs/#{resolve}/resolution")
							.basicAuth("#{user}", PASSWORD)
							.body(StringBody("{\"note\":\"已上门处理完毕\"}"))
							.asJson()
							.check(status().in(200, 204))))
				.exec(forget("resolve"))
				.pause(BenchSettings::thinkOf));

	// ------------------------------------------------------------------------------------------ organisations

	ScenarioBuilder organizations = scenario("organizations")
		.feed(people(ORGANIZATIONS, i -> Map.of("user", String.format(Locale.ROOT, "o-%02d", i % 10 + 1))))
		.exec(signIn("organization"))
		.during(DURATION).on(
			page("organization", "/hall", "/hall")
				.pause(BenchSettings::thinkOf)
				.exec(api("organization", "/api/projects", "/api/projects"))
				.pause(BenchSettings::thinkOf)
				.exec(api("organization", "/api/notifications", "/api/notifications"))
				.pause(BenchSettings::thinkOf));

	// ------------------------------------------------------------------------------------------ managers

	ScenarioBuilder managers = scenario("managers")
		.feed(people(MANAGERS, i -> Map.of("user", "m-" + (i % 5 + 1))))
		.exec(signIn("manager"))
		.during(DURATION).on(
			page("manager", "/manager (dashboard, 30 days)", "/manager")
				.pause(BenchSettings::thinkOf)
				.exec(api("manager", "/api/kpis (30 days)", "/api/kpis?from=" + THIRTY_DAYS_AGO + "&to=" + TODAY))
				.pause(BenchSettings::thinkOf)
				.exec(api("manager", "/api/kpis (one year)", "/api/kpis?from=" + YEAR_AGO + "&to=" + TODAY))
				.pause(BenchSettings::thinkOf)
				.exec(session -> session.set("community", community(ThreadLocalRandom.current().nextInt(Math.min(20, COMMUNITIES))))
					.set("page", ThreadLocalRandom.current().nextInt(20)))
				.exec(api("manager", "/api/needs filtered page", "/api/needs?communityCode=#{community}&status=CLOSED&page=#{page}&size=50"))
				.pause(BenchSettings::thinkOf)
				.exec(page("manager", "/manager/needs (drill-down)", "/manager/needs?communityCode=#{community}"))
				.pause(BenchSettings::thinkOf));

	// ------------------------------------------------------------------------------------------ residents

	ScenarioBuilder residents = scenario("residents")
		.exec(session -> {
			int c = (int) (Math.pow(ThreadLocalRandom.current().nextDouble(), 1.6) * COMMUNITIES);
			return session.set("user", String.format(Locale.ROOT, "r-%s-%02d", community(c), 1 + ThreadLocalRandom.current().nextInt(10)))
				.set("community", community(c))
				.set("key", UUID.randomUUID().toString())
				.set("category", CATEGORIES[ThreadLocalRandom.current().nextInt(CATEGORIES.length)]);
		})
		.exec(http("resident: POST /api/needs").post("/api/needs")
			.basicAuth("#{user}", PASSWORD)
			.header("Idempotency-Key", "#{key}")
			.body(StringBody("{\"communityCode\":\"#{community}\",\"channel\":\"ONLINE\",\"title\":\"周一上报 #{category}\","
					+ "\"description\":\"基准测试：居民在线上报\",\"reporterName\":\"居民\",\"reporterPhone\":\"13900000000\"}"))
			.asJson()
			.check(status().is(201))
			.check(jsonPath("$.id").saveAs("id")))
		.pause(BenchSettings::thinkOf)
		.exec(api("resident", "/api/needs/{id} (own)", "/api/needs/#{id}"));

	{
		double residentsPerSecond = RESIDENTS_PER_MINUTE / 60.0;
		List<PopulationBuilder> populations = new ArrayList<>();
		Supplier<Duration> ramp = () -> RAMP;
		if (STEWARDS > 0) {
			populations.add(stewards.injectOpen(rampUsers(STEWARDS).during(ramp.get())));
		}
		if (LINES > 0) {
			populations.add(lines.injectOpen(rampUsers(LINES).during(ramp.get())));
		}
		if (ORGANIZATIONS > 0) {
			populations.add(organizations.injectOpen(rampUsers(ORGANIZATIONS).during(ramp.get())));
		}
		if (MANAGERS > 0) {
			populations.add(managers.injectOpen(rampUsers(MANAGERS).during(ramp.get())));
		}
		if (residentsPerSecond > 0) {
			populations.add(residents.injectOpen(constantUsersPerSec(residentsPerSecond).during(DURATION)));
		}
		setUp(populations).protocols(protocol);
	}
}
