package cn.needsloop.bench;

import static cn.needsloop.bench.BenchSettings.PASSWORD;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The cost of one completed user task, measured the same way on both sides: {@code -Dtarget=app}
 * walks individual needs through our API (report, then the four user tasks verify, classify,
 * resolve, confirm, each by the steward of the client's own community); {@code -Dtarget=anchor}
 * walks the five user tasks of a plain Camunda 7.24 process through {@code /engine-rest} (start,
 * then five times: query the instance's task, complete it), as a team without this app would. Each
 * of {@code -Dclients} clients loops without pause for {@code -Dduration} seconds; at the end the
 * simulation prints the completed user tasks per second, which bench/step-cost.sh puts side by side.
 * Only completed walks count; a walk cut by the end of the run counts its completed tasks too.
 */
public class StepCost extends Simulation {

	static final String TARGET = BenchSettings.text("target", "app");

	static final int CLIENTS = BenchSettings.number("clients", 1);

	static final Duration DURATION = BenchSettings.seconds("duration", 60);

	static final String ANCHOR_URL = BenchSettings.text("anchorUrl", "http://localhost:8090");

	static final AtomicLong COMPLETED_TASKS = new AtomicLong();

	static final AtomicInteger NEXT_CLIENT = new AtomicInteger();

	static volatile long startedNanos;

	static ChainBuilder completed() {
		return exec(session -> {
			COMPLETED_TASKS.incrementAndGet();
			return session;
		});
	}

	// one steward per client, each in a community of its own (b151… so that it does not meet a Monday-morning steward)
	static final int FIRST_COMMUNITY = BenchSettings.number("stepCostFirstCommunity", 151);

	ChainBuilder appWalk = exec(session -> session.set("key", UUID.randomUUID().toString()))
		.exec(http("app: POST /api/needs (report)").post("/api/needs")
			.basicAuth("#{user}", PASSWORD)
			.header("Idempotency-Key", "#{key}")
			.body(StringBody("{\"communityCode\":\"#{community}\",\"channel\":\"STEWARD_STATION\",\"title\":\"助餐需求\","
					+ "\"description\":\"基准测试：逐步办理\",\"reporterName\":\"居民\",\"reporterPhone\":\"13900000000\"}"))
			.asJson()
			.check(status().is(201))
			.check(jsonPath("$.id").saveAs("id")))
		.exec(http("app: POST verification").post("/api/needs/#{id}/verification")
			.basicAuth("#{user}", PASSWORD)
			.body(StringBody("{\"verdict\":\"GENUINE\",\"note\":\"核实属实\"}"))
			.asJson()
			.check(status().in(200, 204)))
		.exec(completed())
		// ELDERLY_CARE goes to the steward's own line (task-routing.dmn), so the same client resolves it
		.exec(http("app: POST classification").post("/api/needs/#{id}/classification")
			.basicAuth("#{user}", PASSWORD)
			.body(StringBody("{\"category\":\"ELDERLY_CARE\",\"urgency\":\"NORMAL\",\"scope\":\"INDIVIDUAL\"}"))
			.asJson()
			.check(status().in(200, 204)))
		.exec(completed())
		.exec(http("app: POST resolution").post("/api/needs/#{id}/resolution")
			.basicAuth("#{user}", PASSWORD)
			.body(StringBody("{\"note\":\"已办理\"}"))
			.asJson()
			.check(status().in(200, 204)))
		.exec(completed())
		.exec(http("app: POST confirmation").post("/api/needs/#{id}/confirmation")
			.basicAuth("#{user}", PASSWORD)
			.body(StringBody("{\"score\":5,\"comment\":\"满意\"}"))
			.asJson()
			.check(status().in(200, 204)))
		.exec(completed());

	ChainBuilder anchorWalk = exec(http("anchor: POST start").post("/engine-rest/process-definition/key/fiveTasks/start")
		.body(StringBody("{}"))
		.asJson()
		.check(status().is(200))
		.check(jsonPath("$.id").saveAs("pi")))
		.exec(repeat(5).on(
			exec(http("anchor: GET task").get("/engine-rest/task?processInstanceId=#{pi}")
				.check(status().is(200))
				.check(jsonPath("$[0].id").saveAs("task")))
				.exec(http("anchor: POST complete").post("/engine-rest/task/#{task}/complete")
					.body(StringBody("{}"))
					.asJson()
					.check(status().is(204)))
				.exec(completed())));

	ScenarioBuilder walk = scenario(TARGET + " x" + CLIENTS)
		.exec(session -> {
			int c = FIRST_COMMUNITY - 1 + NEXT_CLIENT.getAndIncrement() % CLIENTS;
			String community = String.format(Locale.ROOT, "b%03d", c);
			return session.set("community", community).set("user", "s-" + community);
		})
		.during(DURATION).on("app".equals(TARGET) ? appWalk : anchorWalk);

	HttpProtocolBuilder protocol = http.baseUrl("app".equals(TARGET) ? BenchSettings.BASE_URL : ANCHOR_URL)
		.acceptHeader("application/json")
		.acceptLanguageHeader("zh-CN");

	{
		setUp(walk.injectOpen(atOnceUsers(CLIENTS))).protocols(protocol);
	}

	@Override
	public void before() {
		startedNanos = System.nanoTime();
	}

	@Override
	public void after() {
		double seconds = (System.nanoTime() - startedNanos) / 1e9;
		System.out.printf(Locale.ROOT, "STEP-COST target=%s clients=%d completedUserTasks=%d seconds=%.1f tasksPerSecond=%.2f%n",
				TARGET, CLIENTS, COMPLETED_TASKS.get(), seconds, COMPLETED_TASKS.get() / seconds);
	}
}
