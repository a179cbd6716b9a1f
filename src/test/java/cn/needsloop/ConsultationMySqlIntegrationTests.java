package cn.needsloop;

import cn.needsloop.shared.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.needsloop.calendar.WorkingCalendar;
import cn.needsloop.community.Communities;
import cn.needsloop.consultation.ConsultationRequests.ApplyResult;
import cn.needsloop.consultation.ConsultationRequests.FixParticipants;
import cn.needsloop.consultation.ConsultationRequests.Participant;
import cn.needsloop.consultation.ConsultationRequests.PublishAgenda;
import cn.needsloop.consultation.ConsultationRequests.RaiseObjection;
import cn.needsloop.consultation.ConsultationRequests.RecordMeeting;
import cn.needsloop.consultation.ConsultationService;
import cn.needsloop.consultation.ConsultationStatus;
import cn.needsloop.consultation.ConsultationView;
import cn.needsloop.consultation.ParticipantKind;
import cn.needsloop.design.ProjectRequests.Approval;
import cn.needsloop.design.ProjectRequests.DesignProject;
import cn.needsloop.design.ProjectService;
import cn.needsloop.design.ProjectStatus;
import cn.needsloop.design.ProjectView;
import cn.needsloop.shared.Category;
import cn.needsloop.shared.Channel;
import cn.needsloop.intake.NeedRequests.Classify;
import cn.needsloop.intake.NeedRequests.ReportNeed;
import cn.needsloop.intake.NeedRequests.Verify;
import cn.needsloop.intake.NeedService;
import cn.needsloop.intake.Scope;
import cn.needsloop.shared.Urgency;
import cn.needsloop.intake.VerificationVerdict;
import cn.needsloop.support.ConsultationSteps;
import cn.needsloop.support.OutsideServices;
import cn.needsloop.process.AccessBootstrap;
import cn.needsloop.shared.Actor;

/**
 * The consultation path of a project on MySQL (or MariaDB) at 127.0.0.1:3306 as root without a
 * password: Flyway's schema, Camunda's tables, READ COMMITTED and {@code sendFractionalSeconds=false}
 * from {@code application-mysql.yml}. The test creates its own database and drops it afterwards. Without
 * a server it is skipped with one line saying what to start, and fails in CI
 * ({@code -Dneedsloop.require-services=true}).
 */
@ExtendWith(OutsideServices.MySql.class)
@SpringBootTest
@ActiveProfiles({ "test", "mysql" })
class ConsultationMySqlIntegrationTests {

	static final String SERVER = OutsideServices.mysqlServer();

	static final String OPTIONS = "?sendFractionalSeconds=false&characterEncoding=UTF-8&useSSL=false"
			+ "&allowPublicKeyRetrieval=true&serverTimezone=UTC";

	static final String DATABASE = "needsloop_consultation_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	static final ZonedDateTime START = ZonedDateTime.of(2026, 9, 7, 9, 0, 0, 0, ChinaTime.ZONE);

	static final Actor STEWARD = new Actor("steward1", List.of("steward:xingfu"));

	static final Actor PARTY = new Actor("party1", List.of("party:xingfu"));

	static final Actor SELFGOV = new Actor("selfgov1", List.of("selfgov:xingfu"));

	static final Actor RESIDENT = new Actor("resident1", List.of("resident"));

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws SQLException {
		execute("create database " + DATABASE + " character set utf8mb4 collate utf8mb4_bin");
		registry.add("spring.datasource.url", () -> SERVER + DATABASE + OPTIONS);
		registry.add("spring.datasource.username", () -> "root");
		registry.add("spring.datasource.password", () -> "");
	}

	@AfterAll
	static void dropDatabase() throws SQLException {
		execute("drop database if exists " + DATABASE);
	}

	static void execute(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(SERVER + OPTIONS, "root", "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	@Autowired
	DataSource dataSource;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	IdentityService identity;

	@Autowired
	AccessBootstrap access;

	@Autowired
	Communities communities;

	@Autowired
	NeedService needs;

	@Autowired
	ProjectService projects;

	@Autowired
	ConsultationService consultations;

	@Autowired
	WorkingCalendar calendar;

	@BeforeEach
	void setUp() {
		ClockUtil.setCurrentTime(Date.from(START.toInstant()));
		ConsultationSteps.community(communities, identity, access, "selfgov:xingfu", "steward:xingfu", "party:xingfu", "resident");
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void runsOnMySqlWithReadCommitted() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			assertThat(connection.getMetaData().getURL()).contains(DATABASE).contains("sendFractionalSeconds=false");
			assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
		}
	}

	@Test
	void projectGoesThroughConsultationWithAnObjectionToApproval() {
		Long[] pooled = new Long[2];
		for (int i = 0; i < pooled.length; i++) {
			var need = needs.report(new ReportNeed("xingfu", null, Channel.STEWARD_STATION, "小区加装电梯 " + i,
					"老旧小区老人上下楼难", "居民" + i, "1390000000" + i, 12), STEWARD);
			needs.verify(need.getId(), new Verify(VerificationVerdict.GENUINE, null, "入户核实"), STEWARD);
			needs.classify(need.getId(), new Classify(Category.FACILITIES, Urgency.NORMAL, Scope.COMMON), STEWARD);
			pooled[i] = need.getId();
		}
		var designed = projects.design(new DesignProject("xingfu", "3号楼加装电梯", "方便老人出行", "加装一部电梯",
				Category.FACILITIES, List.of(pooled), new BigDecimal("80000"), 24, false, START.toLocalDate().plusMonths(6),
				List.of("设计", "施工", "验收")), STEWARD);

		ProjectView inConsultation = projects.view(designed.getId(), STEWARD);
		assertThat(inConsultation.status()).isEqualTo(ProjectStatus.CONSULTATION);
		Long id = inConsultation.consultationId();

		consultations.fixParticipants(id, new FixParticipants(List.of(
				new Participant("王建国", ParticipantKind.RESIDENT_REPRESENTATIVE),
				new Participant("李红", ParticipantKind.PARTY_MEMBER),
				new Participant("阳光社工服务中心", ParticipantKind.SOCIAL_ORGANIZATION),
				new Participant("一楼住户", ParticipantKind.STAKEHOLDER))), SELFGOV);
		meeting(id, 4, 3, 1);
		consultations.raiseObjection(id, new RaiseObjection("一楼采光受影响"), RESIDENT);
		assertThat(consultations.view(id, SELFGOV).round()).isEqualTo(2);
		meeting(id, 4, 4, 0);
		fire(id, "timer_publicityPeriod");
		consultations.applyResult(id, new ApplyResult("电梯井位置北移一米，一楼住户同意。"), SELFGOV);

		ConsultationView done = consultations.view(id, SELFGOV);
		assertThat(done.status()).isEqualTo(ConsultationStatus.APPLIED);
		assertThat(done.rounds()).hasSize(2);
		assertThat(done.objections()).hasSize(1);
		assertThat(done.history()).isNotEmpty();
		assertThat(done.publicityEndsAt()).isNotNull();
		assertThat(projects.view(designed.getId(), STEWARD).status()).isEqualTo(ProjectStatus.APPROVAL);
		projects.approve(designed.getId(), new Approval(true, "协商同意"), PARTY);
		assertThat(projects.view(designed.getId(), STEWARD).status()).isEqualTo(ProjectStatus.PUBLISHED);
	}

	void meeting(Long id, int attendees, int votesFor, int votesAgainst) {
		ZonedDateTime now = ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ChinaTime.ZONE);
		consultations.publishAgenda(id, new PublishAgenda(List.of("加装电梯方案", "表决"),
				calendar.plusWorkingDays(now, 5).toLocalDate().atTime(19, 0).atZone(ChinaTime.ZONE).toOffsetDateTime()),
				SELFGOV);
		fire(id, "timer_untilMeeting");
		consultations.recordMeeting(id, new RecordMeeting(attendees, "意见", votesFor, votesAgainst, 0), SELFGOV);
	}

	void fire(Long id, String timer) {
		String pid = consultations.view(id, SELFGOV).processInstanceId();
		Job job = management.createJobQuery().processInstanceId(pid).activityId(timer).singleResult();
		assertThat(job).as("timer %s", timer).isNotNull();
		ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 60_000));
		management.executeJob(job.getId());
	}
}
