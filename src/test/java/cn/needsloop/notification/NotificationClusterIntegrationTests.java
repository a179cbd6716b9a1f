package cn.needsloop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.zaxxer.hikari.HikariDataSource;

import cn.needsloop.support.ThrowawayDatabase;

/**
 * On MySQL/MariaDB (127.0.0.1:3306, a database of its own named {@code notifypage_…}, the schema from the Flyway
 * scripts), nodes each with their own connection pool: two nodes writing the stewards' morning digest for the same
 * morning at the same moment write exactly one digest per steward; and a message is delivered after the commit that
 * wrote it without waiting for the poll. Fails (never skips) when the server cannot be reached.
 */
class NotificationClusterIntegrationTests {

	@RegisterExtension
	static final ThrowawayDatabase DATABASE = ThrowawayDatabase.named("notifypage_it").migrated();

	@RegisterExtension
	static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	@BeforeEach
	void empty() throws Exception {
		DATABASE.execute("delete from notification_outbox", "delete from notification_digest_day");
	}

	/** One node: its own pool and transactions. */
	private record Node(String id, JdbcTemplate jdbc, TransactionTemplate transaction) {
	}

	private static Node node(String id) {
		HikariDataSource pool = DATABASE.pool(4);
		return new Node(id, new JdbcTemplate(pool), new TransactionTemplate(new DataSourceTransactionManager(pool)));
	}

	private static Preference steward(String user) {
		return new Preference(user, Set.of(OutboxChannel.EMAIL), user + "@mail.example.cn", null, null, null, true,
				Locale.SIMPLIFIED_CHINESE);
	}

	private static final List<String> STEWARDS = List.of("steward1", "steward2", "steward3", "steward4", "steward5");

	/** What a node writes for the morning: a digest e-mail for each steward, in the transaction of the day's row. */
	private static int digests(Node node, LocalDate day) {
		for (String user : STEWARDS) {
			Outbox.insert(node.jdbc(), steward(user), OutboxChannel.EMAIL, Outbox.DIGEST, "晨报 " + day,
					"您好！以下是您今天需要处理的事项（北京时间）：" + node.id(), false, java.time.Instant.now());
		}
		return STEWARDS.size();
	}

	@Test
	void twoNodesWritingTheSameMorningWriteOneDigestPerSteward() throws Exception {
		Node a = node("node-a");
		Node b = node("node-b");
		ExecutorService threads = Executors.newFixedThreadPool(2);
		LocalDate first = LocalDate.of(2026, 3, 2);
		int mornings = 20;
		for (int i = 0; i < mornings; i++) {
			LocalDate day = first.plusDays(i);
			CyclicBarrier together = new CyclicBarrier(2);
			List<Future<Integer>> runs = new ArrayList<>();
			for (Node node : List.of(a, b)) {
				runs.add(threads.submit(() -> {
					together.await(1, TimeUnit.MINUTES);
					return StewardDigest.writeOnce(node.jdbc(), node.transaction(), node.id(), day, () -> digests(node, day));
				}));
			}
			List<Integer> written = new ArrayList<>();
			for (Future<Integer> run : runs) {
				written.add(run.get(2, TimeUnit.MINUTES));
			}
			assertThat(written).as("morning %s: one node writes, the other finds it written", day)
				.containsExactlyInAnyOrder(STEWARDS.size(), -1);
			List<Map<String, Object>> perSteward = a.jdbc().queryForList("select recipient_user, count(*) as n,"
					+ " count(distinct body) as writers from notification_outbox where kind = 'DIGEST' and subject = ?"
					+ " group by recipient_user", "晨报 " + day);
			assertThat(perSteward).hasSize(STEWARDS.size());
			perSteward.forEach(row -> assertThat(((Number) row.get("n")).intValue()).as("%s", row).isEqualTo(1));
			Map<String, Object> dayRow = a.jdbc().queryForMap("select written_by, messages from notification_digest_day"
					+ " where digest_day = ?", java.sql.Date.valueOf(day));
			assertThat(((Number) dayRow.get("messages")).intValue()).isEqualTo(STEWARDS.size());
			assertThat(a.jdbc().queryForObject("select count(distinct body) from notification_outbox where kind = 'DIGEST'"
					+ " and subject = ? and body like ?", Integer.class, "晨报 " + day, "%" + dayRow.get("written_by")))
				.as("the digests are the day row's writer's").isEqualTo(1);
		}
		threads.shutdown();
		System.out.println("digest race: mornings written by node " + a.jdbc().queryForList(
				"select written_by, count(*) as n from notification_digest_day group by written_by"));
	}

	@Test
	void aMessageGoesOutAfterItsCommitWithoutWaitingForThePoll() throws Exception {
		Node a = node("node-a");
		JavaMailSenderImpl mail = new JavaMailSenderImpl();
		mail.setHost("127.0.0.1");
		mail.setPort(SMTP.getSmtp().getPort());
		mail.setDefaultEncoding("UTF-8");
		// no poll runs here at all: only the wake after the commit delivers
		OutboxWorker worker = new OutboxWorker(a.jdbc(), a.id(), List.of(new EmailSender(mail, "noreply@needsloop.test")),
				NotificationClusterIntegrationTests::steward, Clock.systemUTC(), Duration.ofMinutes(2), 3,
				Duration.ofMinutes(1), 20);
		try (OutboxNudge nudge = new OutboxNudge(worker::deliverDue, true)) {
			// a rolled-back step sends nothing
			try {
				a.transaction().executeWithoutResult(status -> {
					Outbox.insert(a.jdbc(), steward("resident7"), OutboxChannel.EMAIL, Outbox.NOTICE, "不应发出", "不应发出", false,
							java.time.Instant.now());
					nudge.wakeAfterCommit();
					throw new IllegalStateException("the step fails");
				});
			}
			catch (IllegalStateException expected) {
				// rolled back
			}
			long id = a.transaction().execute(status -> {
				Outbox.insert(a.jdbc(), steward("resident8"), OutboxChannel.EMAIL, Outbox.NOTICE,
						"您反映的诉求（编号 N88）已办结，请评价", "您反映的诉求（编号 N88）已办结，请评价", false, java.time.Instant.now());
				nudge.wakeAfterCommit();
				Outbox.insert(a.jdbc(), steward("resident9"), OutboxChannel.EMAIL, Outbox.NOTICE, "新任务：核实民需（编号 N89）",
						"新任务：核实民需（编号 N89）", false, java.time.Instant.now());
				nudge.wakeAfterCommit();
				return a.jdbc().queryForObject("select max(id) from notification_outbox", Long.class);
			});
			assertThat(SMTP.waitForIncomingEmail(60_000, 2)).as("both e-mails delivered after the commit").isTrue();
			assertThat(SMTP.getReceivedMessages()).extracting(m -> m.getSubject())
				.containsExactlyInAnyOrder("您反映的诉求（编号 N88）已办结，请评价", "新任务：核实民需（编号 N89）");
			// recorded SENT after the send: wait for the record, not for a time
			org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(a.jdbc()
					.queryForObject("select state from notification_outbox where id = ?", String.class, id)).isEqualTo("SENT"));
			assertThat(a.jdbc().queryForObject("select count(*) from notification_outbox where recipient_user = 'resident7'",
					Integer.class)).isZero();
		}
	}
}
