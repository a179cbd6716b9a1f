package cn.needsloop.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.needsloop.process.DecisionTables;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Workflow;
import cn.needsloop.support.Api;
import cn.needsloop.support.Api.Response;
import cn.needsloop.support.ApiTest;
import cn.needsloop.support.PageSession;

/**
 * The manager revises the time-limits table ({@code time-limits.dmn}) like the admission list: a new version is
 * deployed and dates the steps that start from then on, while every task already open keeps its due date and the
 * version that set it; a step the new version has no row for falls back to {@code application.yml}; a table whose
 * limit does not parse or lies out of bounds is refused with a 400 naming the cell, and nothing is deployed; only
 * a manager may publish, through the API and the page alike.
 */
class TimeLimitTableTests extends ApiTest {

	private static final String TABLE = "/api/time-limits";

	@Autowired
	RepositoryService repository;

	@Autowired
	TaskService taskService;

	@Autowired
	DecisionTables decisionTables;

	@Autowired
	TimeLimits timeLimits;

	@Autowired
	TimeLimitTable table;

	@LocalServerPort
	int port;

	static String shipped() {
		try (InputStream in = TimeLimitTableTests.class.getResourceAsStream("/processes/time-limits.dmn")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The shipped table with the limit of one rule changed. */
	static UnaryOperator<String> limitOf(String ruleId, String limit) {
		return xml -> {
			Pattern out = Pattern.compile("(<outputEntry id=\"rule_timeLimit_" + ruleId + "_out1\">\\s*<text>)\"[^\"]*\"");
			Matcher matcher = out.matcher(xml);
			assertThat(matcher.find()).as("rule %s in the shipped table", ruleId).isTrue();
			return matcher.replaceFirst(Matcher.quoteReplacement(matcher.group(1) + "\"" + limit + "\""));
		};
	}

	/** The shipped table without one rule. */
	static UnaryOperator<String> without(String ruleId) {
		return xml -> {
			Pattern rule = Pattern.compile("\\s*<rule id=\"rule_timeLimit_" + ruleId + "\">.*?</rule>", Pattern.DOTALL);
			assertThat(rule.matcher(xml).find()).isTrue();
			return rule.matcher(xml).replaceFirst("");
		};
	}

	private Task verificationOf(long needId) {
		String instance = api.as("steward1").get("/api/needs/" + needId).expect(200).path("processInstanceId").asText();
		return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("userTask_verifyNeed")
			.singleResult();
	}

	/** A need the text model does not read as urgent, reported online. */
	private long ordinaryNeed() {
		long id = api.as("resident1").post("/api/needs", Api.needBody("xingfu", "楼上太吵", "楼上天天半夜蹦跶，说了好几次都不听。", 1))
			.expect(201).id();
		assertThat(api.as("steward1").get("/api/needs/" + id).path("urgent").asBoolean(false)).isFalse();
		return id;
	}

	private static Duration limitOf(Task task) {
		return Duration.between(task.getCreateTime().toInstant(), task.getDueDate().toInstant());
	}

	@Test
	void anyoneSignedInReadsTheTableInForceRowByRowWithItsVersions() {
		Response table = api.as("steward1").get(TABLE).expect(200);

		assertThat(table.path("version").path("version").asInt())
			.isEqualTo(decisionTables.latest(Workflow.Decision.TIME_LIMIT).version());
		assertThat(table.path("rows").get(0).path("ruleId").asText()).isEqualTo("rule_timeLimit_verificationUrgentSafety");
		assertThat(table.path("rows").get(0).path("category").asText()).isEqualTo("SAFETY");
		assertThat(table.path("rows").get(0).path("channel").isNull()).as("any channel").isTrue();
		assertThat(table.path("rows").get(0).path("limit").asText()).isEqualTo("PT2H");
		assertThat(table.path("rows").get(0).path("description").asText()).contains("2 小时内核实");
		assertThat(table.path("versions")).isNotEmpty();
		api.anonymous().get(TABLE).expectProblem(401);
	}

	@Test
	void aNewVersionDatesNewStepsWhileOpenTasksKeepTheirDueDateAndVersion() {
		int v1 = api.as("manager1").get(TABLE).expect(200).path("version").path("version").asInt();
		long before = ordinaryNeed();
		Task first = verificationOf(before);
		assertThat(limitOf(first)).isBetween(Duration.ofHours(24), Duration.ofHours(24).plusMinutes(1));
		assertThat(taskService.getVariableLocal(first.getId(), "timeLimit")).isEqualTo("PT24H");
		assertThat(taskService.getVariableLocal(first.getId(), "timeLimitVersion")).isEqualTo(v1);

		String revised = limitOf("verification", "PT12H").andThen(without("certificate")).apply(shipped());
		try {
			Response published = api.as("manager1").post(TABLE, Map.of("dmnXml", revised)).expect(201);
			assertThat(published.path("version").asInt()).isEqualTo(v1 + 1);
			assertThat(published.path("deployment").asText()).as("as the engine keeps it (Cockpit shows it)")
				.isEqualTo("时限表修订（manager1）");
			assertThat(published.path("revisedBy").asText()).isEqualTo("manager1");
			assertThat(api.as("manager1").get(TABLE).expect(200).path("versions").get(0).path("version").asInt())
				.isEqualTo(v1 + 1);

			Task kept = taskService.createTaskQuery().taskId(first.getId()).singleResult();
			assertThat(kept.getDueDate()).as("the open task keeps its due date").isEqualTo(first.getDueDate());
			assertThat(taskService.getVariableLocal(first.getId(), "timeLimitVersion")).isEqualTo(v1);

			long after = ordinaryNeed();
			Task second = verificationOf(after);
			assertThat(limitOf(second)).isBetween(Duration.ofHours(12), Duration.ofHours(12).plusMinutes(1));
			assertThat(taskService.getVariableLocal(second.getId(), "timeLimitVersion")).isEqualTo(v1 + 1);
			assertThat(taskService.getVariableLocal(second.getId(), "timeLimit")).isEqualTo("PT12H");

			// the steward's list says what dated each task
			List<String> basis = api.as("steward1").get("/api/tasks?max=1000").expect(200).json().findValues("id").stream()
				.map(id -> id.asText()).toList();
			assertThat(basis).contains(first.getId(), second.getId());
			var tasks = api.as("steward1").get("/api/tasks?max=1000").expect(200).json();
			for (var task : tasks) {
				if (task.path("id").asText().equals(first.getId())) {
					assertThat(task.path("timeLimitVersion").asInt()).isEqualTo(v1);
					assertThat(task.path("timeLimit").asText()).isEqualTo("PT24H");
				}
				if (task.path("id").asText().equals(second.getId())) {
					assertThat(task.path("timeLimitVersion").asInt()).isEqualTo(v1 + 1);
				}
			}

			// the revision has no row for certificates: application.yml decides
			assertThat(timeLimits.limit("certificate", TimeLimits.Facts.NONE))
				.isEqualTo(new TimeLimits.Limit("certificate", "P5D", null));
			assertThat(timeLimits.limit("claim", TimeLimits.Facts.NONE))
				.isEqualTo(new TimeLimits.Limit("claim", "P7D", v1 + 1));
		}
		finally {
			// the shipped limits again, as a version of their own, for the tests that follow
			api.as("manager1").post(TABLE, Map.of("dmnXml", shipped())).expect(201);
		}
		assertThat(timeLimits.limit("verification", TimeLimits.Facts.NONE).value()).isEqualTo("PT24H");
	}

	@ParameterizedTest(name = "[{index}] {1}")
	@CsvSource(delimiter = '|', textBlock = """
			verification | three days | In rule 4 (rule_timeLimit_verification), column "时限": the limit "three days" cannot be read | 第 4 条规则（rule_timeLimit_verification）的“时限”列：时限“three days”无法识别
			verificationUrgentSafety | PT10M | In rule 1 (rule_timeLimit_verificationUrgentSafety), column "时限": the limit "PT10M" is out of bounds; it must lie between PT1H and P366D. | 第 1 条规则（rule_timeLimit_verificationUrgentSafety）的“时限”列：时限“PT10M”超出范围，须在 PT1H 到 P366D 之间。
			completion | P2Y | In rule 18 (rule_timeLimit_completion), column "时限": the limit "P2Y" is out of bounds | 第 18 条规则（rule_timeLimit_completion）的“时限”列：时限“P2Y”超出范围
			consultationApplication | 400WD | In rule 29 (rule_timeLimit_consultationApplication), column "时限": the limit "400WD" is out of bounds; working days must lie between 1 and 250. | 第 29 条规则（rule_timeLimit_consultationApplication）的“时限”列：时限“400WD”超出范围，工作日须在 1 到 250 之间。
			""")
	void refusesALimitThatDoesNotParseOrLiesOutOfBoundsAndDeploysNothing(String ruleId, String limit, String english,
			String chinese) {
		String xml = limitOf(ruleId, limit).apply(shipped());
		int version = api.as("manager1").get(TABLE).expect(200).path("version").path("version").asInt();
		long deployments = repository.createDeploymentQuery().count();

		Response refused = api.as("manager1").post(TABLE, Map.of("dmnXml", xml)).expectProblem(400);
		assertThat(refused.errorFields()).containsOnly("dmnXml");
		assertThat(refused.body()).contains(json(english));
		Response zh = api.as("manager1").language("zh-CN").post(TABLE, Map.of("dmnXml", xml)).expectProblem(400);
		assertThat(zh.body()).contains(json(chinese));

		assertThat(api.as("manager1").get(TABLE).expect(200).path("version").path("version").asInt()).isEqualTo(version);
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
	}

	@Test
	void refusesATableWithAnotherInputOrOutputAsEveryRevisedTableIs() {
		long deployments = repository.createDeploymentQuery().count();
		api.as("manager1").post(TABLE, Map.of("dmnXml", shipped().replace("<text>channel</text>", "<text>reporterPhone</text>")))
			.expectProblem(400);
		api.as("manager1").post(TABLE, Map.of("dmnXml", shipped().replace("name=\"limit\"", "name=\"hours\"")))
			.expectProblem(400);
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
	}

	@Test
	void onlyAManagerPublishesThroughTheApiAndThePage() {
		long deployments = repository.createDeploymentQuery().count();
		api.as("steward1").post(TABLE, Map.of("dmnXml", shipped())).expectProblem(403);
		api.as("dept1").post(TABLE, Map.of("dmnXml", shipped())).expectProblem(403);

		PageSession steward = PageSession.signIn(port, "steward1");
		assertThat(steward.status("/manager/time-limits")).isEqualTo(403);
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);

		PageSession manager = PageSession.signIn(port, "manager1");
		Document page = manager.page("/manager/time-limits");
		assertThat(page.getElementById("time-limits-version").text()).startsWith("第 ");
		assertThat(page.select("#time-limit-rules tr[data-rule=rule_timeLimit_verificationHotline]").text())
			.contains("12345 热线转办").contains("1WD");
		assertThat(page.select("#time-limit-rules tr[data-rule=rule_timeLimit_verificationUrgentSafety]").text())
			.contains("平安建设").contains("紧急").contains("PT2H");
		assertThat(page.getElementById("form-revise-time-limits")).isNotNull();

		// a bad file on the page: the problem in Chinese, nothing deployed
		PageSession.Page refused = manager.postFile("/manager/time-limits", "/manager/time-limits", List.of(), "file",
				"时限表.dmn", limitOf("verification", "PT10M").apply(shipped()).getBytes(StandardCharsets.UTF_8));
		assertThat(manager.follow(refused).body()).contains("时限“PT10M”超出范围");
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);

		// the shipped table again: a new version, listed
		int version = decisionTables.latest(Workflow.Decision.TIME_LIMIT).version();
		manager.page("/manager/time-limits");
		PageSession.Page published = manager.postFile("/manager/time-limits", "/manager/time-limits", List.of(), "file",
				"时限表.dmn", shipped().getBytes(StandardCharsets.UTF_8));
		Document after = manager.follow(published).document();
		assertThat(after.text()).contains("修订后的时限表已发布为新版本");
		assertThat(after.select("#time-limit-versions tr[data-version=" + (version + 1) + "]").text())
			.contains("manager1 修订");
		assertThat(manager.page("/manager/time-limits?lang=en")
			.select("#time-limit-versions tr[data-version=" + (version + 1) + "]").text()).contains("Revised by manager1");
	}

	@Test
	void whoRevisedAVersionIsReadFromItsDeploymentsNameInEitherLanguageOrAsEarlierVersionsNamedIt() {
		assertThat(table.revisedBy("时限表修订（manager1）")).isEqualTo("manager1");
		assertThat(table.revisedBy("Time limits revision (manager2)")).isEqualTo("manager2");
		assertThat(table.revisedBy("time-limits revision by manager3")).isEqualTo("manager3");
		assertThat(table.revisedBy("needs-loop")).as("the app's own deployment").isNull();
		assertThat(table.revisedBy("时限表修订（manager1）以后")).isNull();
		assertThat(table.revisedBy(null)).isNull();
	}

	/** A text as it appears inside a JSON string: quotes escaped. */
	private static String json(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}
}
