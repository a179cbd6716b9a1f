package cn.needsloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.needsloop.process.Workflow;
import cn.needsloop.support.Api;
import cn.needsloop.support.ApiTest;
import cn.needsloop.support.ConsultationSteps;
import cn.needsloop.support.TasklistSession;

/**
 * The ways round the steps' rules through the engine's REST API ({@code /engine-rest}, HTTP Basic) and through
 * Tasklist's own engine API ({@code /camunda/api/engine}, the webapp session), as issue 8 found them: a steward
 * moving a need to another community by rewriting {@code communityCode}; a resident adding the social
 * organisations as candidates, handing their task to org1 and completing it with a comment over the limit; an
 * organisation without the project's qualification claiming its claim task; and every other engine call that
 * changes a case outside its steps (messages, signals, starting instances, jobs, external tasks, modification,
 * deployments, decisions, new tasks, comments, attachments, filters). Each is refused with a 4xx whose message a
 * steward reads in Chinese (English when asked for), shows no SQL, stack trace or class name, and changes nothing.
 * A person working a task may still claim it and complete it with exactly the fields of its form.
 */
@ExtendWith(OutputCaptureExtension.class)
class TaskTamperingTests extends ApiTest {

	private static final String REST = "/engine-rest";

	private static final Pattern CHINESE = Pattern.compile("[\\u4e00-\\u9fff]");

	/** What no answer may show: SQL, stack frames, qualified class names, exception class names, message keys. */
	private static final Pattern LEAK = Pattern.compile(
			"(?i)(\\bselect\\b.*\\bfrom\\b|\\bupdate\\s+\\w+\\s+set\\b|\\binsert\\s+into\\b|\\bcolumn\\b|\\bat\\s+[a-z]+\\.[a-z]+\\.|"
					+ "\\b(org|java|javax|jakarta|cn)\\.[a-z]+\\.|[A-Za-z]+Exception\\b|\\bproblem\\.[a-z]+|ENGINE-\\d+)");

	@LocalServerPort
	int port;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	FilterService filters;

	@Autowired
	RepositoryService repository;

	@Autowired
	AuthorizationService authorizations;

	// ---------------------------------------------------------------- item 4: a steward rewrites a need's variables

	@Test
	void aStewardCannotMoveANeedToAnotherCommunityByItsVariables() {
		long need = api.reportedNeed("篡改 社区");
		String instance = instanceOf(need);
		Task task = task(instance, Workflow.Step.VERIFY_NEED);
		JsonNode before = api.need(need);
		TasklistSession tasklist = TasklistSession.signIn(port, "steward1");

		Map<String, Object> dongshan = Map.of("value", "dongshan", "type", "String");
		Map<String, Object> modification = Map.of("modifications", Map.of("communityCode", dongshan));
		for (Way way : ways(tasklist, "steward1")) {
			assertRefused(way.call("PUT", "/task/" + task.getId() + "/variables/communityCode", dongshan), 403);
			assertRefused(way.call("POST", "/task/" + task.getId() + "/variables", modification), 403);
			assertRefused(way.call("DELETE", "/task/" + task.getId() + "/variables/needId", null), 403);
			assertRefused(way.call("PUT", "/task/" + task.getId() + "/localVariables/communityCode", dongshan), 403);
			assertRefused(way.call("POST", "/task/" + task.getId() + "/localVariables", modification), 403);
			assertRefused(way.call("PUT", "/process-instance/" + instance + "/variables/communityCode", dongshan), 403);
			assertRefused(way.call("POST", "/process-instance/" + instance + "/variables", modification), 403);
			assertRefused(way.call("DELETE", "/process-instance/" + instance + "/variables/communityCode", null), 403);
			assertRefused(way.call("PUT", "/execution/" + instance + "/localVariables/communityCode", dongshan), 403);
			assertRefused(way.call("POST", "/execution/" + instance + "/localVariables", modification), 403);
		}
		assertThat(runtime.getVariable(instance, "communityCode")).isEqualTo("xingfu");
		assertThat(tasks.getVariable(task.getId(), "needId")).isNotNull();
		assertThat(tasks.getVariablesLocal(task.getId())).doesNotContainKey("communityCode");
		api.assertNeedUnchanged(need, before);
		// the line a task is offered to may work it (claim, complete), not update it
		Authorization line = authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId())
			.groupIdIn("steward:xingfu").singleResult();
		assertThat(line.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
		assertThat(line.isPermissionGranted(Permissions.UPDATE)).isFalse();
		assertThat(line.isPermissionGranted(Permissions.TASK_ASSIGN)).isFalse();
		// steward2 of 东山村 was not told of it and does not see it
		assertThat(api.as("steward2").get(REST + "/task?processInstanceId=" + instance).expect(200).json().size()).isZero();
	}

	// ---------------------------------------------------------------- item 4: a resident rewrites their own task

	@Test
	void aResidentCannotRewriteTheirConfirmationTask(CapturedOutput output) {
		long need = settledNeed("篡改 确认");
		String instance = instanceOf(need);
		Task task = task(instance, Workflow.Step.CONFIRM_RESOLUTION);
		JsonNode before = api.need(need);
		Set<String> links = links(task.getId());
		TasklistSession tasklist = TasklistSession.signIn(port, "resident1");
		String id = task.getId();

		for (Way way : ways(tasklist, "resident1")) {
			assertRefused(way.call("PUT", "/task/" + id + "/variables/communityCode", Map.of("value", "dongshan")), 403);
			assertRefused(way.call("POST", "/task/" + id + "/identity-links", Map.of("groupId", "socialorg", "type", "candidate")),
					403);
			assertRefused(way.call("POST", "/task/" + id + "/identity-links/delete",
					Map.of("userId", "resident1", "type", "candidate")), 403);
			assertRefused(way.call("POST", "/task/" + id + "/identity-links/delete",
					Map.of("groupId", "steward:xingfu", "type", "candidate")), 403);
			assertRefused(way.call("POST", "/task/" + id + "/assignee", Map.of("userId", "org1")), 403);
			assertRefused(way.call("POST", "/task/" + id + "/delegate", Map.of("userId", "org1")), 403);
			assertRefused(way.call("POST", "/task/" + id + "/claim", Map.of("userId", "org1")), 403);
			// completing: exactly the fields of the form, validated like the API
			Api.Response tooLong = way.call("POST", "/task/" + id + "/" + way.complete(),
					variables(Map.of("needScore", 5, "confirmationComment", "长".repeat(1001))));
			assertRefused(tooLong, 400);
			assertThat(tooLong.path("message").asText()).contains("评价意见").contains("1000");
			assertRefused(way.call("POST", "/task/" + id + "/" + way.complete(),
					variables(Map.of("needScore", 5, "communityCode", "dongshan"))), 403);
			Api.Response unknown = way.call("POST", "/task/" + id + "/" + way.complete(),
					variables(Map.of("needScore", 5, "notOnTheForm", "x")));
			assertRefused(unknown, 400);
			assertThat(unknown.path("message").asText()).contains("notOnTheForm");
			Api.Response badScore = way.call("POST", "/task/" + id + "/" + way.complete(), variables(Map.of("needScore", 9)));
			assertRefused(badScore, 400);
			assertThat(badScore.path("message").asText()).contains("满意度评分");
			assertRefused(way.call("POST", "/task/" + id + "/" + way.complete(), variables(Map.of())), 400);
		}
		Task after = tasks.createTaskQuery().taskId(id).singleResult();
		assertThat(after).as("the confirmation task is still open").isNotNull();
		assertThat(after.getAssignee()).isNull();
		assertThat(after.getOwner()).isNull();
		assertThat(links(id)).isEqualTo(links);
		assertThat(runtime.getVariable(instance, "communityCode")).isEqualTo("xingfu");
		assertThat(tasks.getVariablesLocal(id)).doesNotContainKeys("communityCode", "confirmationComment", "needScore");
		api.assertNeedUnchanged(need, before);
		// org1 reads nothing of it
		assertThat(api.as("org1").get(REST + "/task?processInstanceId=" + instance).expect(200).json().size()).isZero();

		// each refusal is one line at WARN, without the engine's error and stack trace
		assertThat(output.getOut()).contains("WARN").contains("Refused CompleteTaskCmd for resident1: 400")
			.contains("Refused POST /engine-rest/task/" + id + "/identity-links for resident1")
			.doesNotContain("ENGINE-16004").doesNotContain("Value too long").doesNotContain("at cn.needsloop.process.EngineRules");

		// the same refusal in English
		Api.Response english = api.as("resident1").language("en")
			.post(REST + "/task/" + id + "/complete", variables(Map.of("needScore", 5, "confirmationComment", "x".repeat(1001))));
		assertRefused(english, 400, false);
		assertThat(english.path("message").asText()).contains("1000").doesNotContainPattern(CHINESE.pattern());

		// and the form's own fields complete it, through Tasklist
		tasklist.post(TasklistSession.ENGINE + "/task/" + id + "/submit-form",
				variables(Map.of("needScore", 4, "confirmationComment", "满意"))).expect(204);
		assertThat(tasks.createTaskQuery().taskId(id).singleResult()).isNull();
		assertThat(api.need(need).path("score").asInt()).isEqualTo(4);
	}

	// ---------------------------------------------------------------- item 3: claiming skips the step's rules

	@Test
	void anOrganisationWithoutTheQualificationCannotClaimTheProjectThroughTheEngine() {
		// org1 (阳光) is qualified for DISABILITY_SUPPORT, org2 (爱心) is not
		Api.Published project = api.publishedProject("DISABILITY_SUPPORT", 1);
		String instance = api.project(project.projectId()).path("processInstanceId").asText();
		Task claim = task(instance, Workflow.Step.CLAIM_PROJECT);
		Set<String> links = links(claim.getId());
		TasklistSession org2 = TasklistSession.signIn(port, "org2");

		for (Way way : ways(org2, "org2")) {
			Api.Response refused = way.call("POST", "/task/" + claim.getId() + "/claim", Map.of("userId", "org2"));
			assertRefused(refused, 403);
			assertThat(refused.path("message").asText()).contains("爱心志愿者协会").contains("资质");
			assertRefused(way.call("POST", "/task/" + claim.getId() + "/assignee", Map.of("userId", "org2")), 403);
			assertRefused(way.call("POST", "/task/" + claim.getId() + "/identity-links/delete",
					Map.of("groupId", "socialorg", "type", "candidate")), 403);
			assertRefused(way.call("POST", "/task/" + claim.getId() + "/" + way.complete(),
					variables(Map.of("claimConfirmed", true))), 403);
		}
		Api.Response english = api.as("org2").language("en").post(REST + "/task/" + claim.getId() + "/claim", Map.of("userId", "org2"));
		assertRefused(english, 403, false);
		assertThat(english.path("message").asText()).contains("not qualified");
		// the API says the same
		api.as("org2").post("/api/tasks/" + claim.getId() + "/claim", null).expectProblem(403);
		// a qualified organisation cannot claim it for another one either
		assertRefused(api.as("org1").language("zh-CN").post(REST + "/task/" + claim.getId() + "/claim", Map.of("userId", "org2")), 403);
		assertThat(tasks.createTaskQuery().taskId(claim.getId()).singleResult().getAssignee()).isNull();
		assertThat(links(claim.getId())).isEqualTo(links);

		// the qualified organisation claims it through /engine-rest, and the claim holds against the other
		api.as("org1").post(REST + "/task/" + claim.getId() + "/claim", Map.of("userId", "org1")).expect(204);
		assertThat(tasks.createTaskQuery().taskId(claim.getId()).singleResult().getAssignee()).isEqualTo("org1");
		Api.Response taken = api.as("org2").language("zh-CN").post(REST + "/task/" + claim.getId() + "/claim", Map.of("userId", "org2"));
		assertThat(taken.status()).isIn(403, 409);
		assertRefused(taken, taken.status());
		// and completes it with its form: the project is org1's, as through the API
		api.as("org1").post(REST + "/task/" + claim.getId() + "/complete", variables(Map.of("claimConfirmed", true))).expect(204);
		assertThat(api.project(project.projectId()).path("status").asText()).isNotEqualTo("PUBLISHED");
	}

	// ---------------------------------------------------------------- item 6: the step's reason through Tasklist's form

	@Test
	void tasklistShowsTheStepsOwnReasonInChinese() {
		long consultation = api.as("steward1").post("/api/consultations", Map.of("communityCode", "xingfu", "topic",
				"小区公共空间改造 " + Api.unique(), "topicType", "PUBLIC_SPACE", "description", "协商公共空间的用途")).expect(201).id();
		Task fix = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(consultation))
			.taskDefinitionKey(Workflow.Step.FIX_PARTICIPANTS).singleResult();
		assertThat(fix).isNotNull();
		TasklistSession tasklist = TasklistSession.signIn(port, "selfgov1");
		Api.Response missing = tasklist.post(TasklistSession.ENGINE + "/task/" + fix.getId() + "/submit-form",
				variables(Map.of("participants", "王建国，居民代表")));
		assertRefused(missing, 400);
		assertThat(missing.path("message").asText()).startsWith("协商主体：").contains("按协商目录还须有以下协商主体参加");
		Api.Response english = tasklist.language("en").post(TasklistSession.ENGINE + "/task/" + fix.getId() + "/submit-form",
				variables(Map.of("participants", "王建国，居民代表")));
		assertRefused(english, 400, false);
		assertThat(english.path("message").asText()).doesNotContain("problem.");
		Api.Response line = tasklist.language("zh-CN").post(TasklistSession.ENGINE + "/task/" + fix.getId() + "/submit-form",
				variables(Map.of("participants", "不是一行有效的名单")));
		assertRefused(line, 400);
		assertThat(line.path("message").asText()).contains("不是有效的协商主体");
		assertThat(tasks.createTaskQuery().taskId(fix.getId()).singleResult()).isNotNull();

		// the right participants pass; then a meeting sooner than the notice allows is refused with the rule
		String participants = ConsultationSteps.PARTICIPANTS.stream().map(p -> p.name() + "，" + p.kind().label())
			.collect(Collectors.joining("\n"));
		tasklist.post(TasklistSession.ENGINE + "/task/" + fix.getId() + "/submit-form",
				variables(Map.of("participants", participants))).expect(204);
		Task agenda = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(consultation))
			.taskDefinitionKey(Workflow.Step.PUBLISH_AGENDA).singleResult();
		assertThat(agenda).isNotNull();
		Api.Response early = tasklist.post(TasklistSession.ENGINE + "/task/" + agenda.getId() + "/submit-form",
				variables(Map.of("agendaItems", "一、公共空间改造方案", "meetingAt", "2020-01-06T09:00")));
		assertRefused(early, 400);
		assertThat(early.path("message").asText()).startsWith("会议时间：").contains("工作日");
		assertThat(tasks.createTaskQuery().taskId(agenda.getId()).singleResult()).isNotNull();
	}

	// ---------------------------------------------------------------- the positive path through Tasklist

	@Test
	void aStewardCompletesAStepInTasklistWithExactlyItsFormFields() {
		long need = api.reportedNeed("Tasklist 核实");
		String instance = instanceOf(need);
		Task verify = task(instance, Workflow.Step.VERIFY_NEED);
		TasklistSession tasklist = TasklistSession.signIn(port, "steward1");
		tasklist.post(TasklistSession.ENGINE + "/task/" + verify.getId() + "/claim", Map.of("userId", "steward1")).expect(204);
		tasklist.post(TasklistSession.ENGINE + "/task/" + verify.getId() + "/unclaim", null).expect(204);
		tasklist.post(TasklistSession.ENGINE + "/task/" + verify.getId() + "/submit-form",
				variables(Map.of("verificationVerdict", "GENUINE", "verificationNote", "已上门核实"))).expect(204);
		assertThat(task(instance, Workflow.Step.CLASSIFY_NEED)).isNotNull();
		assertThat(api.need(need).path("phase").asText()).isEqualTo("CATEGORIZE");
	}

	// ---------------------------------------------------------------- the same class of hole elsewhere

	@Test
	void noOneButAnAdministratorChangesACaseThroughTheEnginesOtherCalls() {
		long need = api.reportedNeed("篡改 其他入口");
		String instance = instanceOf(need);
		Task task = task(instance, Workflow.Step.VERIFY_NEED);
		JsonNode before = api.need(need);
		long instances = runtime.createProcessInstanceQuery().count();
		long allTasks = tasks.createTaskQuery().count();
		long filterCount = filters.createFilterQuery().count();
		long deployments = repository.createDeploymentQuery().count();
		String definition = repository.createProcessDefinitionQuery().processDefinitionKey(Workflow.NEEDS_LOOP)
			.latestVersion().singleResult().getId();
		Map<String, Object> forged = Map.of("variables", Map.of("needId", Map.of("value", need), "communityCode",
				Map.of("value", "dongshan")), "businessKey", String.valueOf(need));

		Map<String, Function<Way, Api.Response>> calls = new LinkedHashMap<>();
		calls.put("start an instance with forged variables",
				w -> w.call("POST", "/process-definition/key/" + Workflow.NEEDS_LOOP + "/start", forged));
		calls.put("start an instance by its start form",
				w -> w.call("POST", "/process-definition/" + definition + "/submit-form", forged));
		calls.put("correlate a message", w -> w.call("POST", "/message",
				Map.of("messageName", "projectConcluded", "businessKey", String.valueOf(need), "all", true)));
		calls.put("throw a signal", w -> w.call("POST", "/signal", Map.of("name", "anything")));
		calls.put("modify the instance", w -> w.call("POST", "/process-instance/" + instance + "/modification",
				Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", Workflow.Step.CLASSIFY_NEED)))));
		calls.put("suspend the instance", w -> w.call("PUT", "/process-instance/" + instance + "/suspended", Map.of("suspended", true)));
		calls.put("delete the instance", w -> w.call("DELETE", "/process-instance/" + instance, null));
		calls.put("set job retries", w -> w.call("PUT", "/job/retries", Map.of("processInstanceQuery",
				Map.of("processInstanceIds", List.of(instance)), "retries", 5)));
		calls.put("fetch external tasks", w -> w.call("POST", "/external-task/fetchAndLock",
				Map.of("workerId", "w", "maxTasks", 10, "topics", List.of(Map.of("topicName", "any", "lockDuration", 1000)))));
		calls.put("evaluate a decision", w -> w.call("POST", "/decision-definition/key/task-routing/evaluate",
				Map.of("variables", Map.of())));
		calls.put("create a task", w -> w.call("POST", "/task/create", Map.of("id", "forged-" + Api.unique(), "name", "伪造任务",
				"assignee", "steward1")));
		calls.put("comment on a task", w -> w.call("POST", "/task/" + task.getId() + "/comment/create", Map.of("message", "改派东山村")));
		calls.put("attach to a task", w -> w.call("POST", "/task/" + task.getId() + "/attachment/create", Map.of()));
		calls.put("create a filter", w -> w.call("POST", "/filter/create", Map.of("resourceType", "Task", "name", "全部",
				"query", Map.of())));
		calls.put("change a task's due date", w -> w.call("PUT", "/task/" + task.getId(), Map.of("name", "改名", "due",
				"2099-01-01T00:00:00.000+0000")));
		calls.put("signal the waiting execution", w -> w.call("POST", "/execution/" + instance + "/signal", Map.of()));
		calls.put("trigger a message subscription", w -> w.call("POST", "/execution/" + instance
				+ "/messageSubscriptions/projectConcluded/trigger", Map.of()));
		calls.put("set variables of many instances", w -> w.call("POST", "/process-instance/variables-async",
				Map.of("processInstanceIds", List.of(instance), "variables", Map.of("communityCode", Map.of("value", "dongshan")))));
		calls.put("evaluate conditions", w -> w.call("POST", "/condition", Map.of("variables", Map.of())));
		calls.put("delete instances in a batch", w -> w.call("POST", "/process-instance/delete",
				Map.of("processInstanceIds", List.of(instance))));
		calls.put("a path with parameters and dots", w -> w.call("PUT", "/task/" + task.getId()
				+ "/claim/..;x=y/variables/communityCode", Map.of("value", "dongshan")));
		calls.put("set the task's owner", w -> w.call("POST", "/task/" + task.getId() + "/identity-links",
				Map.of("userId", "steward1", "type", "owner")));

		for (String user : List.of("steward1", "resident1", "org1", "manager1")) {
			TasklistSession tasklist = TasklistSession.signIn(port, user);
			for (Way way : ways(tasklist, user)) {
				calls.forEach((name, call) -> {
					Api.Response answer = call.apply(way);
					assertThat(answer.status()).as("%s: %s by %s; body: %s", way.name(), name, user, answer.body())
						.isBetween(400, 499);
					assertNoLeak(answer);
				});
			}
		}
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).active().count()).isEqualTo(1);
		assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
		assertThat(tasks.createTaskQuery().count()).isEqualTo(allTasks);
		assertThat(filters.createFilterQuery().count()).isEqualTo(filterCount);
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
		assertThat(tasks.getTaskComments(task.getId())).isEmpty();
		assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getName()).isEqualTo(task.getName());
		api.assertNeedUnchanged(need, before);
	}

	// ---------------------------------------------------------------- helpers

	/** One way into the engine: /engine-rest with HTTP Basic, or Tasklist's engine API with its session. */
	record Way(String name, String user, Api api, TasklistSession tasklist, String complete) {

		Api.Response call(String method, String path, Object body) {
			if (tasklist != null) {
				return tasklist.call(method, TasklistSession.ENGINE + path, body);
			}
			return api.as(user).language("zh-CN").send(method, REST + path, body);
		}
	}

	private List<Way> ways(TasklistSession tasklist, String user) {
		return List.of(new Way("/engine-rest", user, api, null, "complete"),
				new Way("Tasklist", user, api, tasklist, "submit-form"));
	}

	private void assertRefused(Api.Response answer, int status) {
		assertRefused(answer, status, true);
	}

	private void assertRefused(Api.Response answer, int status, boolean chinese) {
		assertThat(answer.status()).as("status of %s; body: %s", answer.call(), answer.body()).isEqualTo(status);
		String message = answer.path("message").asText();
		assertThat(message).as("message of %s", answer.call()).isNotBlank();
		if (chinese) {
			assertThat(CHINESE.matcher(message).find()).as("a Chinese message from %s: %s", answer.call(), message).isTrue();
		}
		assertNoLeak(answer);
	}

	private static void assertNoLeak(Api.Response answer) {
		assertThat(LEAK.matcher(String.valueOf(answer.body())).find())
			.as("%s shows SQL, a stack trace, a class or a message key: %s", answer.call(), answer.body())
			.isFalse();
	}

	private static Map<String, Object> variables(Map<String, Object> values) {
		Map<String, Object> variables = new LinkedHashMap<>();
		values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
		return Map.of("variables", variables);
	}

	private long settledNeed(String title) {
		long id = api.individualNeed(title, "NEIGHBOR_DISPUTE");
		api.as("selfgov1").post("/api/needs/" + id + "/resolution", Map.of("note", "已调解")).expect(204);
		return id;
	}

	private String instanceOf(long needId) {
		return api.need(needId).path("processInstanceId").asText();
	}

	private Task task(String instance, String key) {
		Task task = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
		assertThat(task).as("open task %s of %s", key, instance).isNotNull();
		return task;
	}

	private Set<String> links(String taskId) {
		return tasks.getIdentityLinksForTask(taskId).stream()
			.map(IdentityLink.class::cast)
			.map(l -> l.getType() + ":" + l.getUserId() + ":" + l.getGroupId())
			.collect(Collectors.toSet());
	}
}
