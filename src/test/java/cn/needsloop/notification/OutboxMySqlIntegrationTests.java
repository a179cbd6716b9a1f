package cn.needsloop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

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

import jakarta.mail.internet.MimeMessage;

/**
 * Two nodes of a cluster deliver one outbox on MySQL/MariaDB (127.0.0.1:3306, a database of its own, the schema
 * from the Flyway scripts) to a real SMTP server (GreenMail): each node its own connection pool, worker, node id and
 * clock. Racing nodes send every message exactly once; a node that dies after the step committed, after claiming,
 * or in the middle of a send loses nothing and causes no second e-mail. Fails (never skips) when the server cannot
 * be reached.
 */
class OutboxMySqlIntegrationTests {

	@RegisterExtension
	static final ThrowawayDatabase DATABASE = ThrowawayDatabase.named("outbox_it").migrated();

	private static final Duration LEASE = Duration.ofMinutes(2);

	@RegisterExtension
	static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	/** One node: its own pool, clock and worker sending e-mail to GreenMail. */
	private record Node(HikariDataSource pool, JdbcTemplate jdbc, MutableClock clock, OutboxWorker worker) {

		/** The node dies: its connections are gone, it does nothing more. */
		void crash() {
			pool.close();
		}
	}

	private static final Instant START = Instant.parse("2026-03-02T01:00:00Z");

	private Node node(String name) {
		HikariDataSource pool = DATABASE.pool(4);
		JavaMailSenderImpl mail = new JavaMailSenderImpl();
		mail.setHost("127.0.0.1");
		mail.setPort(SMTP.getSmtp().getPort());
		mail.setDefaultEncoding("UTF-8");
		MutableClock clock = new MutableClock(START);
		JdbcTemplate jdbc = new JdbcTemplate(pool);
		return new Node(pool, jdbc, clock, new OutboxWorker(jdbc, name, List.of(new EmailSender(mail, "noreply@needsloop.test")),
				OutboxMySqlIntegrationTests::person, clock, LEASE, 3, Duration.ofMinutes(1), 20));
	}

	private static Preference person(String user) {
		return new Preference(user, Set.of(OutboxChannel.EMAIL), user + "@mail.example.cn", null, null, null, true,
				Locale.SIMPLIFIED_CHINESE);
	}

	@BeforeEach
	void empty() throws Exception {
		DATABASE.execute("delete from notification_outbox", "delete from notification");
	}

	/** A step on a node: its in-app notification and its e-mail, in one transaction. */
	private static long step(Node node, String user, String subject) {
		return new TransactionTemplate(new DataSourceTransactionManager(node.pool())).execute(status -> {
			node.jdbc().update("insert into notification (recipient_user, title, body, created_at) values (?, ?, ?, ?)", user,
					subject, subject, java.sql.Timestamp.from(START));
			Outbox.insert(node.jdbc(), person(user), OutboxChannel.EMAIL, Outbox.NOTICE, subject,
					subject + "\n详情请登录民需闭环查看。", false, START);
			return node.jdbc().queryForObject("select max(id) from notification_outbox", Long.class);
		});
	}

	private static String state(Node node, long id) {
		return node.jdbc().queryForObject("select state from notification_outbox where id = ?", String.class, id);
	}

	@Test
	void twoNodesRacingSendEveryMessageExactlyOnce() throws Exception {
		Node a = node("node-a");
		Node b = node("node-b");
		int messages = 120;
		for (int i = 0; i < messages; i++) {
			step(i % 2 == 0 ? a : b, "resident" + i, "新任务：核实民需 " + i);
		}
		ExecutorService threads = Executors.newFixedThreadPool(4);
		List<Future<Integer>> sent = new ArrayList<>();
		for (Node node : List.of(a, b, a, b)) {
			sent.add(threads.submit(() -> {
				int total = 0;
				while (node.jdbc().queryForObject("select count(*) from notification_outbox where state in ('PENDING', 'CLAIMED')",
						Integer.class) > 0) {
					total += node.worker().deliverDue();
				}
				return total;
			}));
		}
		int total = 0;
		for (Future<Integer> f : sent) {
			total += f.get(5, TimeUnit.MINUTES);
		}
		threads.shutdown();

		assertThat(total).isEqualTo(messages);
		MimeMessage[] received = SMTP.getReceivedMessages();
		assertThat(received).hasSize(messages);
		Set<String> ids = Arrays.stream(received).map(m -> {
			try {
				return m.getMessageID();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).collect(Collectors.toSet());
		assertThat(ids).as("no message twice").hasSize(messages);
		Map<String, Object> states = a.jdbc().queryForMap("select count(*) as total, sum(case when state = 'SENT' then 1 else 0 end)"
				+ " as sent, sum(case when attempts = 1 then 1 else 0 end) as once from notification_outbox");
		assertThat(((Number) states.get("sent")).intValue()).isEqualTo(messages);
		assertThat(((Number) states.get("once")).intValue()).as("one attempt each").isEqualTo(messages);
		System.out.println("outbox race: sent by node " + a.jdbc().queryForList(
				"select sent_by, count(*) as n from notification_outbox group by sent_by"));
	}

	@Test
	void aNodeThatDiesAfterTheStepCommittedLosesNothing() throws Exception {
		Node a = node("node-a");
		Node b = node("node-b");
		long id = step(a, "resident1", "您反映的诉求（编号 N123）已办结，请评价");
		a.crash();

		assertThat(b.worker().deliverDue()).isEqualTo(1);
		assertThat(state(b, id)).isEqualTo("SENT");
		assertThat(SMTP.getReceivedMessages()).hasSize(1);
		assertThat(SMTP.getReceivedMessages()[0].getSubject()).isEqualTo("您反映的诉求（编号 N123）已办结，请评价");
		b.clock().advance(Duration.ofHours(1));
		assertThat(b.worker().deliverDue()).isZero();
		assertThat(SMTP.getReceivedMessages()).hasSize(1);
	}

	@Test
	void aNodeThatDiesHoldingClaimsBeforeSendingLosesNothing() throws Exception {
		Node a = node("node-a");
		Node b = node("node-b");
		List<Long> ids = List.of(step(a, "resident1", "新任务：核实民需"), step(a, "resident2", "新任务：分类汇总"));
		assertThat(a.worker().claimDue()).containsExactlyElementsOf(ids);
		a.crash();

		assertThat(b.worker().deliverDue()).as("another node's lease holds").isZero();
		b.clock().advance(LEASE.plusSeconds(1));
		assertThat(b.worker().deliverDue()).as("its lease ran out before it began: sent by the other node").isEqualTo(2);
		assertThat(SMTP.getReceivedMessages()).hasSize(2);
		ids.forEach(id -> assertThat(state(b, id)).isEqualTo("SENT"));
	}

	@Test
	void aNodeThatDiesBetweenSendAndRecordNeverCausesASecondEmail() throws Exception {
		Node a = node("node-a");
		Node b = node("node-b");
		long id = step(a, "resident1", "催办：核实民需 已到期");
		long other = step(a, "resident2", "新任务：核实民需");
		assertThat(a.worker().claimDue()).containsExactly(id, other);
		assertThat(a.worker().startSending(id)).isTrue();
		a.worker().send(id, OutboxChannel.EMAIL, "resident1@mail.example.cn", "催办：核实民需 已到期", "催办");
		a.crash(); // before recording SENT

		b.clock().advance(LEASE.plusSeconds(1));
		assertThat(b.worker().deliverDue()).as("only the message it had not begun").isEqualTo(1);
		assertThat(state(b, id)).isEqualTo("UNCERTAIN");
		assertThat(state(b, other)).isEqualTo("SENT");
		b.clock().advance(Duration.ofDays(1));
		assertThat(b.worker().deliverDue()).isZero();
		assertThat(SMTP.getReceivedMessages()).as("resident1's e-mail once").hasSize(2);
		assertThat(Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
			try {
				return m.getSubject().startsWith("催办");
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		})).hasSize(1);
		assertThat(b.jdbc().queryForObject("select last_error from notification_outbox where id = ?", String.class, id))
			.contains("lease ran out");
	}

	@Test
	void aSlowSendOfALiveNodeIsRecordedAsSent() throws Exception {
		Node a = node("node-a");
		Node b = node("node-b");
		long id = step(a, "resident1", "新任务：核实民需");
		assertThat(a.worker().claimDue()).containsExactly(id);
		assertThat(a.worker().startSending(id)).isTrue();
		// node a's send takes longer than its lease: node b marks the row uncertain meanwhile
		b.clock().advance(LEASE.plusSeconds(1));
		assertThat(b.worker().deliverDue()).isZero();
		assertThat(state(b, id)).isEqualTo("UNCERTAIN");
		a.worker().send(id, OutboxChannel.EMAIL, "resident1@mail.example.cn", "新任务：核实民需", "新任务");
		assertThat(a.worker().markSent(id)).isTrue();
		assertThat(state(b, id)).isEqualTo("SENT");
		assertThat(SMTP.getReceivedMessages()).hasSize(1);
	}
}
