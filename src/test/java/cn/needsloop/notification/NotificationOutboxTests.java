package cn.needsloop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import cn.needsloop.process.Subject;
import cn.needsloop.shared.ChinaTime;
import cn.needsloop.shared.Wording;
import cn.needsloop.support.Api;
import cn.needsloop.support.ApiTest;
import cn.needsloop.support.PageSession;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/**
 * Notifications that leave the app, end to end in the application with a real SMTP server (GreenMail on the port
 * application-test.yml gives spring.mail): written with the step or not at all, Chinese e-mails with the case
 * number and nothing more, quiet hours, the stewards' morning digest instead of a message per step, the settings
 * API and the manager's list of failed messages.
 */
class NotificationOutboxTests extends ApiTest {

	@RegisterExtension
	static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(39251, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	/** Each digest test writes a day of its own (a day is written once). */
	private static final AtomicInteger DAYS = new AtomicInteger(400);

	@Autowired
	private Notifier notifier;

	@Autowired
	private Outbox outbox;

	@Autowired
	private StewardDigest digest;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private PlatformTransactionManager transactions;

	@AfterEach
	void inAppOnlyAgain() {
		ClockUtil.reset();
		jdbc.update("delete from notification_preference where user_id in ('steward1', 'resident1', 'selfgov1')");
		// what a test left for later goes nowhere
		jdbc.update("update notification_outbox set state = 'DISMISSED' where state in ('PENDING', 'FAILED', 'UNCERTAIN')");
	}

	private void chooseEmail(String user, String address, Map<String, Object> more) {
		Map<String, Object> body = new HashMap<>(more);
		body.put("channels", List.of("EMAIL"));
		body.put("email", address);
		api.as(user).put("/api/notifications/preferences", body).expect(200);
	}

	private List<MimeMessage> mailTo(String address) {
		return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
			try {
				return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static String text(MimeMessage message) throws Exception {
		return (String) message.getContent();
	}

	private int outboxRows(String user, String kind) {
		return jdbc.queryForObject("select count(*) from notification_outbox where recipient_user = ? and kind = ?",
				Integer.class, user, kind);
	}

	private static void setChinaTime(LocalDate day, LocalTime time) {
		ClockUtil.setCurrentTime(Date.from(day.atTime(time).atZone(ChinaTime.ZONE).toInstant()));
	}

	@Test
	void emailIsChineseAndCarriesTheCaseNumberOnly() throws Exception {
		chooseEmail("resident1", "resident1@mail.example.cn", Map.of());
		new TransactionTemplate(transactions).executeWithoutResult(status -> notifier.notifyUser("resident1",
				Wording.of("notification.needClosed.title", "王大爷家楼道灯坏了"),
				Wording.of("notification.needClosed.body", 4711, "王大爷家楼道灯坏了"), new Subject(4711L, null)));

		assertThat(outbox.deliverDue()).isGreaterThanOrEqualTo(1);

		List<MimeMessage> mail = mailTo("resident1@mail.example.cn");
		assertThat(mail).hasSize(1);
		assertThat(mail.get(0).getSubject()).isEqualTo("您反映的诉求（编号 N4711）已办结，请评价");
		assertThat(text(mail.get(0))).isEqualTo("您反映的诉求（编号 N4711）已办结，请评价\n详情请登录民需闭环查看。");
		assertThat(mail.get(0).getFrom()[0].toString()).isEqualTo("noreply@needsloop.test");
		assertThat(mail.get(0).getMessageID()).matches("<outbox-\\d+@needsloop.test>");
	}

	@Test
	void emailIsInThePersonsLanguage() throws Exception {
		chooseEmail("resident1", "resident1@mail.example.cn", Map.of("locale", "en"));
		new TransactionTemplate(transactions).executeWithoutResult(status -> notifier.notifyUser("resident1",
				Wording.of("notification.needClosed.title", "楼道灯"), Wording.of("notification.needClosed.body", 12, "楼道灯"),
				new Subject(12L, null)));
		outbox.deliverDue();
		List<MimeMessage> mail = mailTo("resident1@mail.example.cn");
		assertThat(mail).hasSize(1);
		assertThat(mail.get(0).getSubject())
			.isEqualTo("The need you reported (case N12) is closed: please rate the service");
	}

	@Test
	void messagesAreWrittenWithTheStepOrNotAtAll() {
		chooseEmail("resident1", "resident1@mail.example.cn", Map.of());
		int before = outboxRows("resident1", Outbox.NOTICE);
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			notifier.notifyUser("resident1", Wording.of("notification.needReopened"), Wording.of("notification.needReopened"),
					new Subject(5L, null));
			status.setRollbackOnly();
		});
		assertThat(outboxRows("resident1", Outbox.NOTICE)).as("the step failed: no message").isEqualTo(before);

		new TransactionTemplate(transactions).executeWithoutResult(status -> notifier.notifyUser("resident1",
				Wording.of("notification.needReopened"), Wording.of("notification.needReopened"), new Subject(5L, null)));
		assertThat(outboxRows("resident1", Outbox.NOTICE)).isEqualTo(before + 1);
	}

	@Test
	void quietHoursHoldAMessageUntilMorningButNotAnUrgentOne() throws Exception {
		chooseEmail("resident1", "resident1@mail.example.cn", Map.of("quietFrom", "22:00", "quietUntil", "07:00"));
		LocalDate day = LocalDate.now(ChinaTime.ZONE).plusDays(DAYS.incrementAndGet());
		setChinaTime(day, LocalTime.of(23, 0));
		TransactionTemplate tx = new TransactionTemplate(transactions);
		tx.executeWithoutResult(status -> notifier.notifyUser("resident1", Wording.of("notification.needReopened"),
				Wording.of("notification.needReopened"), new Subject(77L, null)));
		tx.executeWithoutResult(status -> notifier.notify(List.of(Recipient.user("resident1")),
				Wording.of("notification.task.newUrgent", Wording.step("userTask_verifyNeed", "核实民需")),
				Wording.of("notification.needReopened"), new Subject(78L, null), null, true));

		outbox.deliverDue();
		assertThat(mailTo("resident1@mail.example.cn")).extracting(MimeMessage::getSubject)
			.as("at 23:00 only the urgent one").containsExactly("【紧急】新任务：核实民需");

		setChinaTime(day.plusDays(1), LocalTime.of(6, 59));
		outbox.deliverDue();
		assertThat(mailTo("resident1@mail.example.cn")).hasSize(1);

		setChinaTime(day.plusDays(1), LocalTime.of(7, 0));
		outbox.deliverDue();
		List<MimeMessage> mail = mailTo("resident1@mail.example.cn");
		assertThat(mail).hasSize(2);
		assertThat(mail.get(1).getSubject()).isEqualTo("您的民需将重新办理");
		assertThat(text(mail.get(1))).isEqualTo("您的民需将重新办理（编号 N77）\n详情请登录民需闭环查看。");
	}

	@Test
	void stewardsTakingTheDigestGetNoMessagePerStepUnlessUrgent() {
		chooseEmail("steward1", "steward1@xingfu.example.cn", Map.of());
		int before = outboxRows("steward1", Outbox.NOTICE);
		api.report("resident1", "xingfu", "小区绿化带需要修剪 " + Api.unique(), "3号楼门口", 1);
		assertThat(outboxRows("steward1", Outbox.NOTICE)).as("a new step for the steward line: in the digest; %s",
				jdbc.queryForList("select subject, urgent from notification_outbox where recipient_user = 'steward1'"))
			.isEqualTo(before);

		TransactionTemplate tx = new TransactionTemplate(transactions);
		tx.executeWithoutResult(status -> notifier.notify(List.of(Recipient.group("steward:xingfu")),
				Wording.of("notification.task.newUrgent", Wording.step("userTask_verifyNeed", "核实民需")),
				Wording.of("notification.needReopened"), new Subject(9L, null), null, true));
		assertThat(outboxRows("steward1", Outbox.NOTICE)).as("urgent: at once").isEqualTo(before + 1);

		chooseEmail("steward1", "steward1@xingfu.example.cn", Map.of("digest", false));
		api.report("resident1", "xingfu", "宣传栏需要更新 " + Api.unique(), "小区南门", 1);
		assertThat(outboxRows("steward1", Outbox.NOTICE)).as("no digest: a message per step").isEqualTo(before + 2);
	}

	@Test
	void stewardReceivesAnEmailDigestOfOverdueAndDueTodaySteps() throws Exception {
		chooseEmail("steward1", "steward1@xingfu.example.cn", Map.of());
		String title = "小区公告栏字迹褪色 " + Api.unique();
		long needId = api.report("resident1", "xingfu", title, "2号楼旁公告栏看不清，住户孙大妈电话13800000009", 1);
		JsonNode need = api.as("steward1").get("/api/needs/" + needId).expect(200).json();
		Instant due = Instant.parse(need.path("verificationDueAt").asText());

		StewardDigest.Digest dueToday = digest.digestOf("steward1", due.minus(Duration.ofHours(1)), due.plus(Duration.ofHours(1)));
		assertThat(dueToday.body()).extracting(w -> w.args().size() > 2 ? w.args().get(2) : "").contains("N" + needId);
		StewardDigest.Digest overdue = digest.digestOf("steward1", due.plus(Duration.ofHours(1)), due.plus(Duration.ofHours(2)));
		assertThat(overdue.overdue()).isGreaterThanOrEqualTo(1);
		assertThat(overdue.overdue()).isEqualTo(dueToday.overdue() + dueToday.dueToday());

		LocalDate day = LocalDate.now(ChinaTime.ZONE).plusDays(DAYS.incrementAndGet());
		setChinaTime(day, LocalTime.of(7, 30));
		assertThat(digest.writeDigests(day)).isGreaterThanOrEqualTo(1);
		assertThat(digest.writeDigests(day)).as("one digest a day, whichever node runs it").isEqualTo(-1);

		outbox.deliverDue();
		List<MimeMessage> all = mailTo("steward1@xingfu.example.cn");
		List<MimeMessage> mail = all.stream().filter(m -> {
			try {
				return m.getSubject().startsWith("民需管家晨报");
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
		assertThat(mail).as("one digest among %s", all.stream().map(m -> {
			try {
				return m.getSubject();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).toList()).hasSize(1);
		MimeMessage morning = mail.get(0);
		assertThat(morning.getSubject()).matches("民需管家晨报：\\d+ 项已逾期，0 项今日到期");
		String body = text(morning);
		assertThat(body).startsWith("您好！以下是您今天需要处理的事项（北京时间）：\n已逾期（");
		assertThat(body).contains("· 核实民需（编号 N" + needId + "），截止 ");
		assertThat(body).endsWith("请登录民需闭环“我的待办”办理。本邮件每天早上发送一次，如需退订请在“通知设置”中关闭晨报。");
		assertThat(body).doesNotContain(title).doesNotContain("孙大妈").doesNotContain("13800000009");
	}

	@Test
	void theManagersPageListsAFailedMessageAndSendsItAgain() throws Exception {
		chooseEmail("selfgov1", "selfgov1@mail.example.cn", Map.of());
		new TransactionTemplate(transactions).executeWithoutResult(status -> notifier.notifyUser("selfgov1",
				Wording.of("notification.needReopened"), Wording.of("notification.needReopened"), new Subject(32L, null)));
		jdbc.update("delete from notification_preference where user_id = 'selfgov1'");
		outbox.deliverDue();
		long id = jdbc.queryForObject("select max(id) from notification_outbox where recipient_user = 'selfgov1'", Long.class);

		int port = Integer.parseInt(api.base().replaceAll(".*:", ""));
		PageSession manager = PageSession.signIn(port, "manager1");
		assertThat(manager.page("/manager").getElementById("deliveries-link").attr("href")).endsWith("/manager/deliveries");
		var row = manager.page("/manager/deliveries").selectFirst("#deliveries tr[data-delivery=" + id + "]");
		assertThat(row).isNotNull();
		assertThat(row.attr("data-state")).isEqualTo("FAILED");
		assertThat(row.text()).contains("selfgov1", "电子邮件", "您的民需将重新办理", "发送失败").doesNotContain("@mail.example.cn");
		assertThat(PageSession.signIn(port, "steward1").status("/manager/deliveries")).isEqualTo(403);

		chooseEmail("selfgov1", "selfgov1@mail.example.cn", Map.of());
		PageSession.Page answer = manager.post("/manager/deliveries/" + id + "/retry", List.of());
		assertThat(answer.status()).isEqualTo(302);
		assertThat(manager.follow(answer).document().getElementById("flash-done").text()).isEqualTo("已安排重新发送。");
		assertThat(manager.page("/manager/deliveries").selectFirst("#deliveries tr[data-delivery=" + id + "]")).isNull();
		outbox.deliverDue();
		assertThat(mailTo("selfgov1@mail.example.cn")).extracting(MimeMessage::getSubject).containsExactly("您的民需将重新办理");
	}

	@Test
	void settingsAreCheckedAndPersonal() {
		assertThat(api.as("resident1").put("/api/notifications/preferences", Map.of("channels", List.of("SMS"), "phone",
				"13800000000")).expectProblem(400).errorFields()).containsExactly("channels");
		assertThat(api.as("resident1").put("/api/notifications/preferences", Map.of("channels", List.of("EMAIL")))
			.expectProblem(400).errorFields()).containsExactly("email");
		assertThat(api.as("resident1").put("/api/notifications/preferences", Map.of("email", "not-an-address"))
			.expectProblem(400).errorFields()).containsExactly("email");
		assertThat(api.as("resident1").put("/api/notifications/preferences", Map.of("quietFrom", "22:00"))
			.expectProblem(400).errorFields()).containsExactly("quietUntil");
		assertThat(api.as("resident1").put("/api/notifications/preferences", Map.of("quietFrom", "25:00", "quietUntil", "07:00"))
			.expectProblem(400).errorFields()).containsExactly("quietFrom");

		JsonNode mine = api.as("resident1").get("/api/notifications/preferences").expect(200).json();
		assertThat(mine.path("available").toString()).isEqualTo("[\"EMAIL\"]");
		assertThat(mine.path("email").asText()).as("the account's address as a suggestion").isEqualTo("resident1@demo.needsloop.cn");

		chooseEmail("resident1", "resident1@mail.example.cn", Map.of("quietFrom", "22:30", "quietUntil", "06:45"));
		JsonNode saved = api.as("resident1").get("/api/notifications/preferences").expect(200).json();
		assertThat(saved.path("channels").toString()).isEqualTo("[\"EMAIL\"]");
		assertThat(saved.path("quietFrom").asText()).isEqualTo("22:30");
		assertThat(saved.path("quietUntil").asText()).isEqualTo("06:45");

		api.as("steward1").get("/api/notifications/preferences/resident1").expectProblem(403);
		api.as("manager1").get("/api/notifications/preferences/resident1").expectProblem(403);
		assertThat(api.as("admin1").get("/api/notifications/preferences/resident1").expect(200).json().path("email").asText())
			.isEqualTo("resident1@mail.example.cn");
	}

	@Test
	void aFailedDeliveryIsVisibleToTheManagerWhoMaySendItAgain() throws Exception {
		chooseEmail("selfgov1", "selfgov1@mail.example.cn", Map.of());
		new TransactionTemplate(transactions).executeWithoutResult(status -> notifier.notifyUser("selfgov1",
				Wording.of("notification.needReopened"), Wording.of("notification.needReopened"), new Subject(31L, null)));
		// the person takes their address away before the message goes: it cannot be sent
		api.as("selfgov1").put("/api/notifications/preferences", Map.of("channels", List.of())).expect(200);
		outbox.deliverDue();

		JsonNode troubled = api.as("manager1").get("/api/notifications/deliveries/troubled").expect(200).json();
		JsonNode failed = null;
		for (JsonNode t : troubled) {
			if (t.path("recipientUser").asText().equals("selfgov1")) {
				failed = t;
			}
		}
		assertThat(failed).isNotNull();
		assertThat(failed.path("state").asText()).isEqualTo("FAILED");
		assertThat(failed.path("channel").asText()).isEqualTo("EMAIL");
		assertThat(failed.path("lastError").asText()).contains("no address");
		assertThat(failed.toString()).doesNotContain("selfgov1@mail.example.cn");
		api.as("resident1").get("/api/notifications/deliveries/troubled").expectProblem(403);

		long id = failed.path("id").asLong();
		api.as("resident1").post("/api/notifications/deliveries/" + id + "/retry", Map.of()).expectProblem(403);
		chooseEmail("selfgov1", "selfgov1@mail.example.cn", Map.of());
		api.as("manager1").post("/api/notifications/deliveries/" + id + "/retry", Map.of()).expect(204);
		api.as("manager1").post("/api/notifications/deliveries/" + id + "/retry", Map.of()).expectProblem(409);
		outbox.deliverDue();
		assertThat(mailTo("selfgov1@mail.example.cn")).extracting(MimeMessage::getSubject).containsExactly("您的民需将重新办理");
	}
}
