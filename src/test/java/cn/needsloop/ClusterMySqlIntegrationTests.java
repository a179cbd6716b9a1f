package cn.needsloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.fasterxml.jackson.databind.JsonNode;

import cn.needsloop.support.Api;
import cn.needsloop.support.OutsideServices;
import cn.needsloop.support.PageSession;

/**
 * Two nodes on one MySQL/MariaDB database, as Camunda's homogeneous cluster: two JVMs of the application
 * (separate processes, so that each has its own engine, job executor and Camunda webapps, as in production),
 * started at the same moment on an empty database next to another Camunda schema, behind no proxy (a client
 * goes to either). Shows that nothing is seeded twice, that a user signed in on one node is signed in on the
 * other (one session cookie), that a due timer fires once with both job executors on, and that a bulk job
 * started on one node is followed on the other and, when the first is killed (SIGKILL) in the middle of it,
 * finished by the other without doing any task twice. Skipped without a MySQL server like the other MySQL
 * tests; each node's log is in {@code target/cluster-it/}.
 */
@ExtendWith(OutsideServices.MySql.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterMySqlIntegrationTests {

	static final String SERVER = OutsideServices.mysqlServer();

	static final String OPTIONS = "?sendFractionalSeconds=false&characterEncoding=UTF-8&useSSL=false"
			+ "&allowPublicKeyRetrieval=true&serverTimezone=UTC&nullDatabaseMeansCurrent=true";

	static final String SUFFIX = UUID.randomUUID().toString().replace("-", "").substring(0, 10);

	static final String DATABASE = "needsloop_ops_cluster_" + SUFFIX;

	/** Another Camunda schema on the same server: Camunda must still create its own tables in ours. */
	static final String OTHER_DATABASE = "needsloop_ops_cluster_other_" + SUFFIX;

	static Node a;

	static Node b;

	static JdbcTemplate db;

	private static SingleConnectionDataSource dataSource;

	@BeforeAll
	static void startTwoNodesAtOnce() throws Exception {
		execute("create database `" + DATABASE + "` character set utf8mb4 collate utf8mb4_bin");
		execute("create database `" + OTHER_DATABASE + "` character set utf8mb4 collate utf8mb4_bin");
		execute("create table `" + OTHER_DATABASE + "`.ACT_GE_PROPERTY (NAME_ varchar(64) primary key, VALUE_ varchar(300),"
				+ " REV_ integer)");
		dataSource = new SingleConnectionDataSource(SERVER + DATABASE + OPTIONS, "root", "", true);
		db = new JdbcTemplate(dataSource);
		a = Node.start("node-a");
		b = Node.start("node-b");
		a.awaitReady();
		b.awaitReady();
	}

	@AfterAll
	static void stopAndDrop() throws Exception {
		for (Node node : new Node[] { a, b }) {
			if (node != null) {
				node.kill();
			}
		}
		if (dataSource != null) {
			dataSource.destroy();
		}
		execute("drop database if exists `" + DATABASE + "`");
		execute("drop database if exists `" + OTHER_DATABASE + "`");
	}

	@Test
	@Order(1)
	void seedsOnceWhenBothNodesStartAtTheSameMoment() {
		// the demo data: 8 needs, 2 communities, the demo users; Camunda's deployment, filters and authorizations
		assertThat(count("select count(*) from need")).as("demo needs").isEqualTo(8);
		assertThat(count("select count(*) from community")).isEqualTo(2);
		assertThat(count("select count(*) from ACT_ID_USER where ID_ in ('steward1', 'admin1', 'manager1')")).isEqualTo(3);
		assertThat(count("select count(*) from ACT_RE_DEPLOYMENT")).as("deployments").isEqualTo(1);
		assertThat(count("select count(*) from ACT_RE_PROCDEF where VERSION_ > 1")).isZero();
		assertThat(count("select count(*) from ACT_RU_FILTER")).as("Tasklist filters").isEqualTo(3);
		assertThat(count("select count(*) from (select GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_ from ACT_RU_AUTHORIZATION"
				+ " where TYPE_ = 1 and GROUP_ID_ is not null group by GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_"
				+ " having count(*) > 1) d")).as("authorizations granted to a group twice").isZero();
		assertThat(count("select count(*) from information_schema.tables where table_schema = '" + DATABASE
				+ "' and table_name = 'ACT_RU_TASK'")).as("Camunda's tables in this database").isEqualTo(1);
	}

	@Test
	@Order(2)
	void aUserSignedInOnOneNodeIsSignedInOnTheOther() {
		PageSession onA = PageSession.signIn(a.port, "steward1");
		PageSession onB = onA.onPort(b.port);
		assertThat(onB.page("/steward").selectFirst(".who").text()).isEqualTo("steward1");
		// Tasklist on the other node takes the same session too
		assertThat(onB.status("/camunda/app/tasklist/default/")).isEqualTo(200);
		assertThat(onB.getJson("/camunda/api/admin/auth/user/default").body()).contains("\"userId\":\"steward1\"");
		assertThat(onA.getJson("/camunda/api/admin/auth/user/default").body()).contains("\"userId\":\"steward1\"");

		// signed out on B: signed out on A
		onB.page("/steward");
		assertThat(onB.post("/logout", List.of(Map.entry("x", "y"))).status()).isEqualTo(302);
		assertThat(onA.get("/steward").location()).endsWith("/login");
	}

	@Test
	@Order(3)
	void aDueTimerFiresOnceWithBothJobExecutorsOn() {
		Api onB = new Api(b.port);
		List<Long> needs = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			needs.add(onB.report("resident1", "xingfu", "到期催办一次 " + i, "两个节点都在取作业", 1));
		}
		String inNeeds = needs.stream().map(String::valueOf).collect(Collectors.joining(","));
		List<String> reminders = db.queryForList("select j.ID_ from ACT_RU_JOB j join need n on n.process_instance_id ="
				+ " j.PROCESS_INSTANCE_ID_ where n.id in (" + inNeeds + ") and j.TYPE_ = 'timer' and j.HANDLER_CFG_ like"
				+ " '%reminder%'", String.class);
		assertThat(reminders).as("a reminder timer per need").hasSize(needs.size());
		// the time limit has passed: due now for both nodes' job executors
		db.update("update ACT_RU_JOB set DUEDATE_ = ? where ID_ in (" + quoted(reminders) + ")",
				java.sql.Timestamp.from(Instant.now().minusSeconds(60)));
		awaitTrue("the reminders have fired", Duration.ofMinutes(3),
				() -> count("select count(*) from ACT_RU_JOB where ID_ in (" + quoted(reminders) + ")") == 0);
		for (String job : reminders) {
			assertThat(count("select count(*) from ACT_HI_JOB_LOG where JOB_ID_ = '" + job + "' and JOB_STATE_ = 2"))
				.as("successful runs of timer %s", job).isEqualTo(1);
		}
		for (long need : needs) {
			assertThat(count("select count(*) from need_history where need_id = " + need + " and activity like '%到期催办'"))
				.as("reminders of need %s", need).isEqualTo(1);
		}
	}

	@Test
	@Order(4)
	void aBulkJobStartedOnOneNodeIsFinishedOnTheOtherAfterTheFirstIsKilled() throws Exception {
		Api onA = new Api(a.port);
		Api onB = new Api(b.port);
		PageSession browser = PageSession.signIn(a.port, "steward1");
		int size = 80;
		Set<Long> needs = new java.util.LinkedHashSet<>();
		for (int i = 0; i < size; i++) {
			needs.add(onA.report("resident1", "xingfu", "批量核实 " + i, "节点停了也要办完", 1));
		}
		List<String> taskIds = new ArrayList<>();
		for (JsonNode task : onB.as("steward1").get("/api/tasks?max=1000").expect(200).json()) {
			if (needs.contains(task.path("needId").asLong())) {
				taskIds.add(task.path("id").asText());
			}
		}
		assertThat(taskIds).hasSize(size);

		String job = onA.as("steward1")
			.post("/api/tasks/bulk-actions", Map.of("action", "VERIFY_GENUINE", "taskIds", taskIds, "note", "集中核实"))
			.expect(202)
			.path("id")
			.asText();
		// followed on B while A runs it
		java.util.concurrent.atomic.AtomicReference<JsonNode> progress = new java.util.concurrent.atomic.AtomicReference<>();
		org.awaitility.Awaitility.await("the bulk job's first result, seen on node B")
			.atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> {
				progress.set(onB.as("steward1").get("/api/tasks/bulk-actions/" + job).expect(200).json());
				return progress.get().path("done").asInt() >= 1 || progress.get().path("finished").asBoolean();
			});
		JsonNode seen = progress.get();
		assertThat(seen.path("finished").asBoolean()).as("the job is still running when node A is killed: %s", seen).isFalse();
		assertThat(seen.path("total").asInt()).isEqualTo(size);
		a.kill();

		// B takes the job up when A's lease runs out, and finishes it
		JsonNode[] last = new JsonNode[1];
		awaitTrue("the job finished on node B", Duration.ofMinutes(4), () -> {
			last[0] = onB.as("steward1").get("/api/tasks/bulk-actions/" + job).expect(200).json();
			return last[0].path("finished").asBoolean();
		});
		assertThat(last[0].path("succeeded").asInt()).as("%s", last[0]).isEqualTo(size);
		assertThat(last[0].path("failed").asInt()).as("%s", last[0]).isZero();
		assertThat(count("select runs from bulk_job where id = '" + job + "'")).as("taken up by another node").isEqualTo(2);
		String inNeeds = needs.stream().map(String::valueOf).collect(Collectors.joining(","));
		assertThat(count("select count(*) from ACT_HI_TASKINST t join need n on n.process_instance_id = t.PROC_INST_ID_"
				+ " where n.id in (" + inNeeds + ") and t.TASK_DEF_KEY_ = 'userTask_verifyNeed' and t.END_TIME_ is not null"))
			.as("needs verified, each once").isEqualTo(size);
		awaitTrue("every need moved on to categorising", Duration.ofMinutes(3),
				() -> count("select count(*) from need where id in (" + inNeeds + ") and phase = 'CATEGORIZE'") == size);
		// the steward's session outlives the node it signed in on
		assertThat(browser.onPort(b.port).page("/steward").selectFirst(".who").text()).isEqualTo("steward1");
		// a job that never existed is still a 404
		onB.as("steward1").get("/api/tasks/bulk-actions/" + UUID.randomUUID()).expectProblem(404);
	}

	// ---------------------------------------------------------------- helpers

	private static int count(String sql) {
		Integer value = db.queryForObject(sql, Integer.class);
		return value == null ? 0 : value;
	}

	private static String quoted(List<String> ids) {
		return ids.stream().map(id -> "'" + id.replace("'", "") + "'").collect(Collectors.joining(","));
	}

	private static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) {
		org.awaitility.Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(250)).until(condition::getAsBoolean);
	}


	private static void execute(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(SERVER + OPTIONS, "root", "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/** One node: the application in a JVM of its own, on a port of its own, logging to target/cluster-it/. */
	static final class Node {

		final String name;

		final int port;

		final Process process;

		final Path log;

		private Node(String name, int port, Process process, Path log) {
			this.name = name;
			this.port = port;
			this.process = process;
			this.log = log;
		}

		static Node start(String name) throws IOException {
			int port;
			try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			Path dir = Path.of("target", "cluster-it");
			Files.createDirectories(dir);
			Path log = dir.resolve(name + ".log");
			List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-Xmx768m", "-XX:TieredStopAtLevel=1", "-Duser.language=en", "-cp", classpath(),
					NeedsLoopApplication.class.getName(), "--server.port=" + port,
					"--spring.profiles.active=mysql,demo",
					"--spring.datasource.url=" + SERVER + DATABASE + OPTIONS,
					"--needsloop.node-id=" + name,
					"--camunda.bpm.generic-properties.properties.hostname=" + name,
					// the job executors look for due jobs often, and bulk jobs change hands quickly, for a short test
					"--camunda.bpm.job-execution.wait-time-in-millis=500", "--camunda.bpm.job-execution.max-wait=2000",
					"--needsloop.jobs.lease=PT6S", "--needsloop.jobs.sweep-interval=PT2S"));
			// started in target/cluster-it: the project's root holds processes/*.bpmn, which a class path entry naming
			// the working directory would deploy a second time
			ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
				.redirectOutput(log.toAbsolutePath().toFile());
			builder.environment().put("MYSQL_USER", "root");
			builder.environment().put("MYSQL_PASSWORD", "");
			builder.environment().remove("SPRING_PROFILES_ACTIVE");
			return new Node(name, port, builder.start(), log);
		}

		/** Until /actuator/health/readiness answers 200: migrations, deployments, seeding and job executor up. */
		void awaitReady() throws Exception {
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
			try {
				org.awaitility.Awaitility.await(name + " ready")
					.atMost(Duration.ofMinutes(8))
					.pollInterval(Duration.ofMillis(500))
					.until(() -> {
						if (!process.isAlive()) {
							fail(name + " stopped while starting:\n" + tail());
						}
						try {
							return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
									+ "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(),
									HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
						}
						catch (IOException ex) {
							return false; // not listening yet
						}
					});
			}
			catch (org.awaitility.core.ConditionTimeoutException ex) {
				fail(name + " not ready in 8 minutes:\n" + tail());
			}
		}

		void kill() throws InterruptedException {
			if (process.isAlive()) {
				process.destroyForcibly(); // SIGKILL: no shutdown hook, no lease given back
				process.waitFor();
			}
		}

		String tail() throws IOException {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
		}

		/** The test's class path: the real one, also when the test runs from a manifest-only booter jar. */
		private static String classpath() throws IOException {
			String path = java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
				.filter(entry -> !entry.isBlank() && !entry.equals("."))
				.map(entry -> Path.of(entry).toAbsolutePath().toString())
				.collect(Collectors.joining(File.pathSeparator));
			String[] entries = path.split(File.pathSeparator);
			if (entries.length == 1 && entries[0].endsWith(".jar")) {
				try (JarFile jar = new JarFile(entries[0])) {
					String manifest = jar.getManifest().getMainAttributes().getValue("Class-Path");
					if (manifest != null) {
						List<String> files = new ArrayList<>();
						for (String url : manifest.split(" ")) {
							if (!url.isBlank()) {
								files.add(Path.of(URI.create(url)).toString());
							}
						}
						return String.join(File.pathSeparator, files);
					}
				}
			}
			return path;
		}
	}

}
