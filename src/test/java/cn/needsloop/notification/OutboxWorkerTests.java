package cn.needsloop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * The delivery worker against a local HTTP stub standing in for the deployment's SMS and WeChat adapters (a real
 * HTTP conversation on a port of this machine), on the app's schema (Flyway, H2): retry with exponential backoff,
 * the failed state after the last attempt, what the adapters receive.
 */
class OutboxWorkerTests {

	private static JdbcTemplate jdbc;

	private HttpServer stub;

	/** Status the stub answers with, one per request (the last one repeats). */
	private final List<Integer> answers = new CopyOnWriteArrayList<>();

	private final List<Map<String, Object>> received = new CopyOnWriteArrayList<>();

	private final AtomicInteger requests = new AtomicInteger();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));

	@BeforeAll
	static void schema() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		jdbc = new JdbcTemplate(dataSource);
	}

	@BeforeEach
	void startStub() throws IOException {
		jdbc.update("delete from notification_outbox");
		stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		stub.createContext("/send", exchange -> {
			int n = requests.getAndIncrement();
			byte[] body = exchange.getRequestBody().readAllBytes();
			received.add(Map.of("key", String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")),
					"authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
					"json", new ObjectMapper().readTree(new String(body, StandardCharsets.UTF_8))));
			int status = answers.get(Math.min(n, answers.size() - 1));
			byte[] answer = (status == 200 ? "{\"ok\":true}" : "{\"error\":\"busy\"}").getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		stub.start();
	}

	@AfterEach
	void stopStub() {
		stub.stop(0);
	}

	private URI stubUrl() {
		return URI.create("http://127.0.0.1:" + stub.getAddress().getPort() + "/send");
	}

	private static final Preference PERSON = new Preference("resident7", Set.of(OutboxChannel.SMS, OutboxChannel.WECHAT),
			null, "13800001234", "oPenId_resident7", null, true, Locale.SIMPLIFIED_CHINESE);

	private OutboxWorker worker(Sender sender, int maxAttempts) {
		return new OutboxWorker(jdbc, "node-test", List.of(sender), user -> PERSON, clock, Duration.ofMinutes(2),
				maxAttempts, Duration.ofMinutes(1), 50);
	}

	private long write(OutboxChannel channel, String subject) {
		Outbox.insert(jdbc, PERSON, channel, Outbox.NOTICE, subject, subject + "\n详情请登录民需闭环查看。", false,
				clock.instant());
		return jdbc.queryForObject("select max(id) from notification_outbox", Long.class);
	}

	private Map<String, Object> row(long id) {
		return jdbc.queryForMap("select state, attempts, next_attempt_ms, last_error, sent_by from notification_outbox where id = ?",
				id);
	}

	@Test
	void retriesWithExponentialBackoffUntilTheAdapterTakesIt() {
		answers.addAll(List.of(500, 503, 200));
		OutboxWorker worker = worker(new HttpSender(OutboxChannel.SMS, stubUrl(), "", "SMS_123", Duration.ofSeconds(5)), 6);
		long id = write(OutboxChannel.SMS, "您反映的诉求（编号 N123）已办结，请评价");
		long start = clock.millis();

		assertThat(worker.deliverDue()).isZero();
		assertThat(row(id)).containsEntry("STATE", "PENDING").containsEntry("ATTEMPTS", 1)
			.containsEntry("NEXT_ATTEMPT_MS", start + Duration.ofMinutes(1).toMillis());
		assertThat((String) row(id).get("LAST_ERROR")).contains("500");

		clock.advance(Duration.ofSeconds(59));
		assertThat(worker.deliverDue()).isZero();
		assertThat(requests.get()).as("not before its backoff").isEqualTo(1);

		clock.advance(Duration.ofSeconds(1));
		assertThat(worker.deliverDue()).isZero();
		long second = clock.millis();
		assertThat(row(id)).containsEntry("STATE", "PENDING").containsEntry("ATTEMPTS", 2)
			.containsEntry("NEXT_ATTEMPT_MS", second + Duration.ofMinutes(2).toMillis());

		clock.advance(Duration.ofMinutes(2));
		assertThat(worker.deliverDue()).isEqualTo(1);
		assertThat(row(id)).containsEntry("STATE", "SENT").containsEntry("ATTEMPTS", 3).containsEntry("SENT_BY", "node-test");
		assertThat(requests.get()).isEqualTo(3);

		// each attempt carries the same key, so that an adapter that keeps keys can drop a copy
		assertThat(received).extracting(r -> r.get("key")).containsOnly("outbox-" + id);
		JsonNode json = (JsonNode) received.get(2).get("json");
		assertThat(json.path("to").asText()).isEqualTo("13800001234");
		assertThat(json.path("channel").asText()).isEqualTo("SMS");
		assertThat(json.path("template").asText()).isEqualTo("SMS_123");
		assertThat(json.path("subject").asText()).isEqualTo("您反映的诉求（编号 N123）已办结，请评价");

		clock.advance(Duration.ofHours(1));
		assertThat(worker.deliverDue()).as("sent once").isZero();
		assertThat(requests.get()).isEqualTo(3);
	}

	@Test
	void failsAfterTheLastAttemptAndTheManagerMaySendItAgain() {
		answers.add(500);
		OutboxWorker worker = worker(new HttpSender(OutboxChannel.WECHAT, stubUrl(), "s3cret", "TPL-1", Duration.ofSeconds(5)), 3);
		long id = write(OutboxChannel.WECHAT, "新任务：核实民需");

		for (int attempt = 1; attempt <= 3; attempt++) {
			assertThat(worker.deliverDue()).isZero();
			clock.advance(Duration.ofMinutes(1L << (attempt - 1)));
		}
		assertThat(row(id)).containsEntry("STATE", "FAILED").containsEntry("ATTEMPTS", 3);
		clock.advance(Duration.ofDays(2));
		assertThat(worker.deliverDue()).as("a failed message stays failed").isZero();
		assertThat(requests.get()).isEqualTo(3);
		assertThat(received).extracting(r -> r.get("authorization")).containsOnly("Bearer s3cret");
		assertThat(((JsonNode) received.get(0).get("json")).path("to").asText()).isEqualTo("oPenId_resident7");

		// the manager's retry: from the first attempt again
		assertThat(jdbc.update("update notification_outbox set state = 'PENDING', attempts = 0, next_attempt_ms = ?"
				+ " where id = ? and state in ('FAILED', 'UNCERTAIN')", clock.millis(), id)).isEqualTo(1);
		answers.clear();
		answers.add(200);
		requests.set(0);
		assertThat(worker.deliverDue()).isEqualTo(1);
		assertThat(row(id)).containsEntry("STATE", "SENT").containsEntry("ATTEMPTS", 1);
	}

	@Test
	void backoffDoublesAndStopsAtADay() {
		OutboxWorker worker = worker(new HttpSender(OutboxChannel.SMS, stubUrl(), "", "", Duration.ofSeconds(5)), 40);
		assertThat(worker.backoffAfter(1)).isEqualTo(Duration.ofMinutes(1).toMillis());
		assertThat(worker.backoffAfter(2)).isEqualTo(Duration.ofMinutes(2).toMillis());
		assertThat(worker.backoffAfter(5)).isEqualTo(Duration.ofMinutes(16).toMillis());
		assertThat(worker.backoffAfter(12)).isEqualTo(Duration.ofDays(1).toMillis());
		assertThat(worker.backoffAfter(40)).isEqualTo(Duration.ofDays(1).toMillis());
	}

	@Test
	void aNodeLeavesTheChannelsItDoesNotSendOn() {
		answers.add(200);
		OutboxWorker smsOnly = worker(new HttpSender(OutboxChannel.SMS, stubUrl(), "", "", Duration.ofSeconds(5)), 3);
		long wechat = write(OutboxChannel.WECHAT, "催办：核实民需 已到期");
		assertThat(smsOnly.deliverDue()).isZero();
		assertThat(row(wechat)).containsEntry("STATE", "PENDING").containsEntry("ATTEMPTS", 0);
	}
}
