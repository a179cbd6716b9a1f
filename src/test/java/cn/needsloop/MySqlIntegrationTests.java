package cn.needsloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;

import cn.needsloop.support.Api;
import cn.needsloop.support.ConcurrentClaims;
import cn.needsloop.support.Api.Response;
import cn.needsloop.support.OutsideServices;

/**
 * The whole loop over the HTTP API on the {@code mysql} profile, against the MySQL/MariaDB server on
 * 127.0.0.1:3306 through Connector/J. The test creates its own database with a unique name before
 * the application starts and drops it after the application is closed. Without a server it is skipped
 * with one line saying what to start, and fails in CI ({@code -Dneedsloop.require-services=true}).
 */
// Database is declared before @SpringBootTest's SpringExtension: JUnit runs after-all callbacks in
// reverse order, so the context (closed by @DirtiesContext) is gone before the database is dropped;
// Database closes it itself if it is still open.
@ExtendWith(OutsideServices.MySql.class)
@ExtendWith(MySqlIntegrationTests.Database.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "mysql", "demo", "test" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MySqlIntegrationTests {

	static final String SERVER = OutsideServices.mysqlServer();

	/** The options of application-mysql.yml: Camunda needs no fractional seconds on MySQL. */
	static final String OPTIONS = "?sendFractionalSeconds=false&characterEncoding=UTF-8&useSSL=false"
			+ "&allowPublicKeyRetrieval=true&serverTimezone=UTC";

	static final String USER = "root";

	static final String PASSWORD = "";

	static final String DATABASE = "needsloop_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private static ConfigurableApplicationContext context;

	@DynamicPropertySource
	static void datasource(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> SERVER + DATABASE + OPTIONS);
		registry.add("spring.datasource.username", () -> USER);
		registry.add("spring.datasource.password", () -> PASSWORD);
	}

	/**
	 * Another Camunda schema on the same server (as beside staging, or another test run): Camunda must still
	 * create its tables in ours. The URL above leaves {@code nullDatabaseMeansCurrent} to application-mysql.yml.
	 */
	static final String OTHER_DATABASE = DATABASE + "_other";

	/** Creates the test's own database before the context starts and drops it after the context closed. */
	static class Database implements BeforeAllCallback, AfterAllCallback {

		@Override
		public void beforeAll(ExtensionContext extension) throws SQLException {
			execute("create database `" + OTHER_DATABASE + "` character set utf8mb4 collate utf8mb4_bin");
			execute("create table `" + OTHER_DATABASE + "`.ACT_GE_PROPERTY (NAME_ varchar(64) primary key,"
					+ " VALUE_ varchar(300), REV_ integer)");
			execute("create database `" + DATABASE + "` character set utf8mb4 collate utf8mb4_bin");
		}

		@Override
		public void afterAll(ExtensionContext extension) throws SQLException {
			if (context != null && context.isActive()) {
				context.close();
			}
			execute("drop database if exists `" + DATABASE + "`");
			execute("drop database if exists `" + OTHER_DATABASE + "`");
		}

		private static void execute(String sql) throws SQLException {
			try (Connection connection = DriverManager.getConnection(SERVER + OPTIONS, USER, PASSWORD);
					Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
		}
	}

	@LocalServerPort
	private int port;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private ConfigurableApplicationContext applicationContext;

	private Api api;

	@BeforeEach
	void connect() {
		context = applicationContext;
		api = new Api(port);
	}

	@Test
	void runsOnItsOwnMySqlDatabaseWithReadCommittedAndNoFractionalSeconds() throws SQLException {
		HikariDataSource hikari = (HikariDataSource) dataSource;
		assertThat(hikari.getJdbcUrl()).startsWith("jdbc:mysql://127.0.0.1:3306/" + DATABASE + "?")
			.contains("sendFractionalSeconds=false");
		try (Connection connection = dataSource.getConnection()) {
			assertThat(connection.getMetaData().getDriverName()).startsWith("MySQL Connector/J");
			assertThat(connection.getCatalog()).isEqualTo(DATABASE);
			assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
			try (Statement statement = connection.createStatement();
					var tables = statement.executeQuery("select count(*) from information_schema.tables "
							+ "where table_schema = database() and table_name in ('need', 'ACT_RU_TASK', 'act_ru_task')")) {
				tables.next();
				assertThat(tables.getInt(1)).isEqualTo(2);
			}
		}
	}

	@Test
	void walksTheLoopFromCommonNeedsThroughAProjectToResolvedNeeds() {
		// 精准发现 → 分类汇总: two common needs into the pool
		long a = api.report("resident1", "xingfu", "独居老人吃饭难", "2号楼王大爷行动不便，希望社区助餐", 6);
		long b = api.report("steward1", "xingfu", "希望开办老年食堂", "小区高龄老人多，子女不在身边", 8);
		for (long need : List.of(a, b)) {
			assertThat(api.verify("steward1", need, "GENUINE").expect(200).path("phase").asText()).isEqualTo("CATEGORIZE");
			JsonNode pooled = api.classify("steward1", need, "ELDERLY_CARE", "HIGH", "COMMON").expect(200).json();
			assertThat(pooled.path("pooled").asBoolean()).isTrue();
		}
		JsonNode pool = api.as("steward1").get("/api/needs/pool?communityCode=xingfu&size=200").expect(200).json()
			.path("content");
		List<Long> pooledIds = new ArrayList<>();
		pool.forEach(n -> pooledIds.add(n.path("id").asLong()));
		assertThat(pooledIds).contains(a, b);

		// 统筹设计: design and approval
		long project = api.designedProject("ELDERLY_CARE", List.of(a, b), List.of("场地改造与设备采购", "试运营一个月"));
		assertThat(api.project(project).path("status").asText()).isEqualTo("APPROVAL");
		assertThat(api.approve("party1", project, true).expect(200).path("status").asText()).isEqualTo("PUBLISHED");

		// 联动实施: claim, milestones, completion
		assertThat(api.claim("org1", project).expect(200).path("claimant").asText()).isEqualTo("yangguang");
		api.reportMilestone("org1", project, 1).expect(200);
		api.reportMilestone("org1", project, 0).expect(200);
		JsonNode completed = api.complete("org1", project).expect(200).json();
		assertThat(completed.path("status").asText()).isEqualTo("EVALUATION");

		// 双向评估: every rating, then the verdict goes back to the needs
		api.rate("resident1", project, "RESIDENT", a, 5).expect(201);
		api.rate("steward1", project, "RESIDENT", b, 4).expect(201);
		api.rate("steward1", project, "COMMUNITY", null, 5).expect(201);
		api.rate("org1", project, "IMPLEMENTER", null, 4).expect(201);

		JsonNode closed = api.project(project);
		assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
		assertThat(closed.path("verdict").asText()).isEqualTo("SATISFIED");
		assertThat(closed.path("evaluations").size()).isEqualTo(4);
		assertThat(closed.path("milestones").get(0).path("reportedBy").asText()).isEqualTo("org1");
		for (long need : List.of(a, b)) {
			JsonNode view = api.need(need);
			assertThat(view.path("status").asText()).isEqualTo("CLOSED");
			assertThat(view.path("outcome").asText()).isEqualTo("RESOLVED");
			assertThat(view.path("projectId").asLong()).isEqualTo(project);
		}
		JsonNode history = api.as("resident1").get("/api/needs/" + a).expect(200).json();
		assertThat(history.path("title").asText()).startsWith("独居老人吃饭难");
		List<String> phases = new ArrayList<>();
		history.path("history").forEach(h -> phases.add(h.path("phase").asText()));
		assertThat(phases).contains("DISCOVER", "CATEGORIZE", "DESIGN", "IMPLEMENT", "EVALUATE");

		// reading back over MySQL: lists, tasks, notifications, KPIs
		assertThat(api.as("manager1").get("/api/needs?communityCode=xingfu&status=CLOSED&category=ELDERLY_CARE&size=200")
			.expect(200).path("totalElements").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(api.as("resident1").get("/api/notifications").expect(200).path("totalElements").asLong()).isPositive();
		api.as("steward1").get("/api/tasks").expect(200);
		JsonNode kpis = api.as("manager1").get("/api/kpis?communityCode=xingfu").expect(200).json();
		assertThat(kpis.path("needsDiscovered").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(kpis.path("needsPerProject").isNull()).isFalse();
	}

	@Test
	void resolvesAndConfirmsAnIndividualNeed() {
		long need = api.report("resident1", "xingfu", "楼上漏水", "7号楼401漏水至301，双方协商未果", 1);
		api.verify("steward1", need, "GENUINE").expect(200);
		assertThat(api.classify("steward1", need, "NEIGHBOR_DISPUTE", "NORMAL", "INDIVIDUAL").expect(200).path("line")
			.asText()).isEqualTo("SELF_GOVERNANCE");
		api.as("selfgov1").post("/api/needs/" + need + "/resolution", Map.of("note", "居委会调解，已维修")).expect(204);
		api.as("resident1").post("/api/needs/" + need + "/confirmation", Map.of("score", 5, "comment", "满意")).expect(204);
		JsonNode closed = api.need(need);
		assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
		assertThat(closed.path("outcome").asText()).isEqualTo("RESOLVED");
		assertThat(closed.path("score").asInt()).isEqualTo(5);

		// a rejected call changes nothing on MySQL either
		api.as("resident1").post("/api/needs/" + need + "/confirmation", Map.of("score", 1)).expectProblem(409);
		assertThat(api.need(need)).isEqualTo(closed);
	}

	@Test
	void letsExactlyOneOfTwoConcurrentClaimsWin() {
		ConcurrentClaims.exactlyOneOfTwoWins(api);
	}

	@Test
	void recordsRatingsAndMilestoneReportsSentAtTheSameMoment() {
		List<Long> needs = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			needs.add(api.pooledNeed("同时评价-" + i, "ELDERLY_CARE"));
		}
		long project = api.designedProject("ELDERLY_CARE", needs, List.of("一", "二", "三", "四"));
		api.approve("party1", project, true).expect(200);
		api.claim("org1", project).expect(200);
		List<Supplier<Response>> reports = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			int index = i;
			reports.add(() -> api.reportMilestone("org1", project, index));
		}
		Api.atOnce(reports).forEach(answer -> answer.expect(200));
		api.project(project).path("milestones").forEach(m -> assertThat(m.path("reportedBy").asText()).isEqualTo("org1"));
		api.complete("org1", project).expect(200);

		List<Supplier<Response>> ratings = new ArrayList<>();
		for (long need : needs) {
			ratings.add(() -> api.rate("resident1", project, "RESIDENT", need, 5));
		}
		ratings.add(() -> api.rate("steward1", project, "COMMUNITY", null, 4));
		ratings.add(() -> api.rate("org1", project, "IMPLEMENTER", null, 5));
		Api.atOnce(ratings).forEach(answer -> answer.expect(201));

		JsonNode closed = api.project(project);
		assertThat(closed.path("evaluations").size()).isEqualTo(8);
		assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
		assertThat(closed.path("verdict").asText()).isEqualTo("SATISFIED");
	}

	@Test
	void createsOneNeedForAReportSentAgainWithItsIdempotencyKey() {
		String key = UUID.randomUUID().toString();
		Map<String, Object> body = Api.needBody("xingfu", "重发的上报 " + Api.unique(), "超时后重发", 1);
		long before = api.needCount();
		List<Supplier<Response>> sends = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			sends.add(() -> api.as("resident1").header("Idempotency-Key", key).post("/api/needs", body));
		}
		List<Response> answers = Api.atOnce(sends);
		answers.forEach(answer -> answer.expect(201));
		assertThat(answers).extracting(Response::id).containsOnly(answers.get(0).id());
		Response later = api.as("resident1").header("Idempotency-Key", key).post("/api/needs", body).expect(201);
		assertThat(later.json()).isEqualTo(answers.get(0).json());
		assertThat(later.header("Location")).isEqualTo("/api/needs/" + later.id());
		assertThat(api.needCount()).isEqualTo(before + 1);

		Map<String, Object> other = new java.util.LinkedHashMap<>(body);
		other.put("title", "另一件事");
		api.as("resident1").header("Idempotency-Key", key).post("/api/needs", other).expectProblem(422);
		api.as("steward1").header("Idempotency-Key", key).post("/api/needs", body).expect(201);
		assertThat(api.needCount()).isEqualTo(before + 2);
	}

	@Test
	void refusesEmojiTheEngineTablesCannotKeepWithA400AndKeepsOtherText() {
		long before = api.needCount();
		Map<String, Object> body = Api.needBody("xingfu", "民需 🏠 " + Api.unique(), "描述", 1);
		Response emoji = api.as("resident1").language("zh-CN").post("/api/needs", body).expectProblem(400);
		assertThat(emoji.errorFields()).containsExactly("title");
		assertThat(emoji.errorMessage("title")).isEqualTo("此文字含有数据库无法保存的字符（U+1F3E0，如表情符号）。");
		body.put("title", "账单\u202e4321");
		assertThat(api.as("resident1").post("/api/needs", body).expectProblem(400).errorFields()).containsExactly("title");
		assertThat(api.needCount()).isEqualTo(before);

		body.put("title", "零宽\u200b连接\u200d的民需 " + Api.unique());
		long id = api.as("resident1").post("/api/needs", body).expect(201).id();
		assertThat(api.need(id).path("title").asText()).isEqualTo(body.get("title"));
	}
}
