package cn.needsloop.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.needsloop.support.Api;
import cn.needsloop.support.ApiTest;
import cn.needsloop.support.PageSession;
import cn.needsloop.support.PageSession.Page;

/**
 * Bulk actions on the workbench, as the page's form (no JavaScript: done at once, summary after the
 * redirect) and as the page's script (a job with progress), and the same in the JSON API. Each task
 * goes through the single-task path, so what a user may not do to one task they may not do in bulk.
 */
class WorkbenchBulkPageTests extends ApiTest {

	@Autowired
	private IdentityService identity;

	@Autowired
	private TaskService tasks;

	@Autowired
	private BulkJobs bulkJobs;

	private final ObjectMapper json = new ObjectMapper();

	// ---------------------------------------------------------------- the form, without JavaScript

	@Test
	void bulkClaimReportsTheTaskSomeoneElseHadAndClaimsTheOthers() {
		List<Long> needIds = List.of(api.reportedNeed("批量认领一"), api.reportedNeed("批量认领二"),
				api.reportedNeed("批量认领三"));
		List<String> taskIds = needIds.stream().map(this::verifyTask).toList();
		PageSession steward = PageSession.signIn(port(), "steward1");
		Document workbench = steward.get("/steward").document();
		for (String id : taskIds) {
			assertThat(workbench.select("#claimable-tasks input.select-task[value=" + id + "]")).hasSize(1);
		}
		assertThat(workbench.select("#bulk-form button[name=action]")).extracting(e -> e.val())
			.containsExactly("CLAIM", "UNCLAIM", "VERIFY_GENUINE");

		// a colleague of the same station is faster with the second one
		String colleague = colleague();
		api.as(colleague).post("/api/tasks/" + taskIds.get(1) + "/claim", null).expect(204);

		Page redirect = steward.post("/tasks/bulk", form("CLAIM", taskIds, null));
		assertThat(redirect.status()).isEqualTo(302);
		assertThat(redirect.location()).endsWith("/steward");
		Document after = steward.follow(redirect).document();
		assertThat(after.select("#bulk-summary h2").text()).isEqualTo("批量认领完成");
		assertThat(after.select("#bulk-summary-done").text()).isEqualTo("共 3 项，已办理 2 项。");
		assertThat(after.select("#bulk-failures li")).hasSize(1);
		assertThat(after.select("#bulk-failures li").attr("data-task-id")).isEqualTo(taskIds.get(1));
		assertThat(after.select("#bulk-failures li").text()).contains("核实民需").contains("民需 #" + needIds.get(1))
			.contains("已被他人认领");
		assertThat(after.select("#my-tasks tr[data-task-id=" + taskIds.get(0) + "]")).hasSize(1);
		assertThat(after.select("#my-tasks tr[data-task-id=" + taskIds.get(2) + "]")).hasSize(1);
		assertThat(after.select("tr[data-task-id=" + taskIds.get(1) + "]")).isEmpty();

		assertThat(assignee(taskIds.get(0))).isEqualTo("steward1");
		assertThat(assignee(taskIds.get(1))).isEqualTo(colleague);
		assertThat(assignee(taskIds.get(2))).isEqualTo("steward1");
	}

	@Test
	void bulkFormWithoutSelectionOrWithoutTokenDoesNothing() {
		String task = verifyTask(api.reportedNeed("未勾选"));
		PageSession steward = PageSession.signIn(port(), "steward1");
		steward.get("/steward");
		Page nothing = steward.post("/tasks/bulk", form("CLAIM", List.of(), null));
		assertThat(nothing.status()).isEqualTo(302);
		assertThat(steward.follow(nothing).document().select("#flash-error").text()).isEqualTo("请至少勾选一项任务。");
		Page noNote = steward.post("/tasks/bulk", form("VERIFY_GENUINE", List.of(task), " "));
		assertThat(steward.follow(noNote).document().select("#flash-error").text()).startsWith("请填写核实说明");
		Page forged = steward.postWithoutToken("/tasks/bulk", form("CLAIM", List.of(task), null));
		assertThat(forged.status()).as("CSRF protection stays on").isEqualTo(403);
		assertThat(forged.document().select("#error-title").text()).isEqualTo("页面已过期");
		assertThat(assignee(task)).isNull();
	}

	// ---------------------------------------------------------------- the page's script: a job with progress

	@Test
	void bulkVerifyRecordsGenuineForEachNeedAtTheVerifyStepAndListsTheRest() throws Exception {
		long first = api.reportedNeed("批量核实一");
		long second = api.reportedNeed("批量核实二");
		long classifying = api.verifiedNeed("已在分类");
		List<String> taskIds = List.of(verifyTask(first), verifyTask(second), task("steward1", classifying));
		PageSession steward = PageSession.signIn(port(), "steward1");
		steward.get("/steward");

		Page noNote = steward.post("/tasks/bulk/jobs", form("VERIFY_GENUINE", taskIds, ""), "application/json");
		assertThat(noNote.status()).isEqualTo(400);
		assertThat(noNote.contentType()).startsWith("application/problem+json");
		assertThat(json.readTree(noNote.body()).path("detail").asText()).startsWith("请填写核实说明");

		Page started = steward.post("/tasks/bulk/jobs", form("VERIFY_GENUINE", taskIds, "已逐户电话核实"), "application/json");
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		JsonNode job = json.readTree(started.body());
		assertThat(job.path("total").asInt()).isEqualTo(3);
		JsonNode done = whenFinished(job.path("id").asText(), "steward1",
				() -> json.readTree(steward.getJson("/tasks/bulk/jobs/" + job.path("id").asText()).body()));
		assertThat(done.path("done").asInt()).isEqualTo(3);
		assertThat(done.path("succeeded").asInt()).isEqualTo(2);
		assertThat(done.path("succeededTaskIds")).extracting(JsonNode::asText)
			.containsExactlyInAnyOrder(taskIds.get(0), taskIds.get(1));
		assertThat(done.path("failures")).hasSize(1);
		assertThat(done.path("failures").get(0).path("taskId").asText()).isEqualTo(taskIds.get(2));
		assertThat(done.path("failures").get(0).path("reason").asText()).isEqualTo("该任务不是“核实民需”，未做处理。");

		for (long id : List.of(first, second)) {
			JsonNode need = api.need(id);
			assertThat(need.path("verificationVerdict").asText()).isEqualTo("GENUINE");
			assertThat(need.path("phase").asText()).isEqualTo("CATEGORIZE");
			assertThat(need.path("history").toString()).contains("Verify the need · done").contains("steward1");
		}
		assertThat(task("steward1", classifying)).as("the classification was left alone").isEqualTo(taskIds.get(2));

		Page summary = steward.get("/tasks/bulk/jobs/" + job.path("id").asText() + "/summary");
		assertThat(summary.status()).isEqualTo(200);
		assertThat(summary.document().select("#bulk-summary-done").text()).isEqualTo("共 3 项，已办理 2 项。");
		assertThat(summary.document().select("#bulk-failures li").text()).contains("分类");
		// a job is its owner's
		assertThat(PageSession.signIn(port(), "steward2").getJson("/tasks/bulk/jobs/" + job.path("id").asText()).status())
			.isEqualTo(404);
	}

	@Test
	void bulkDoesOnlyWhatTheUserCouldDoToEachTaskAlone() throws Exception {
		long need = api.reportedNeed("越权批量");
		String task = verifyTask(need);
		PageSession other = PageSession.signIn(port(), "steward2");
		other.get("/steward");
		Page claim = other.post("/tasks/bulk", form("CLAIM", List.of(task), null));
		Document page = other.follow(claim).document();
		assertThat(page.select("#bulk-summary-done").text()).isEqualTo("共 1 项，已办理 0 项。");
		assertThat(page.select("#bulk-failures li").text()).contains("未派给您或您所在的条线");
		PageSession resident = PageSession.signIn(port(), "resident1");
		resident.get("/tasks");
		Page verify = resident.post("/tasks/bulk", form("VERIFY_GENUINE", List.of(task), "居民自己核实"));
		assertThat(verify.location()).endsWith("/tasks");
		assertThat(resident.follow(verify).document().select("#bulk-failures li").text())
			.contains("只有该社区的民需管家可以办理");
		assertThat(assignee(task)).isNull();
		assertThat(api.need(need).path("phase").asText()).isEqualTo("DISCOVER");

		// and giving back works only for one's own claimed task
		PageSession steward = PageSession.signIn(port(), "steward1");
		steward.get("/steward");
		Page notMine = steward.post("/tasks/bulk", form("UNCLAIM", List.of(task), null));
		assertThat(steward.follow(notMine).document().select("#bulk-failures li").text()).contains("不在您本人的待办中");
		steward.post("/tasks/bulk", form("CLAIM", List.of(task), null));
		assertThat(assignee(task)).isEqualTo("steward1");
		Page back = steward.post("/tasks/bulk", form("UNCLAIM", List.of(task), null));
		Document backPage = steward.follow(back).document();
		assertThat(backPage.select("#bulk-summary-done").text()).isEqualTo("共 1 项，已办理 1 项。");
		assertThat(backPage.select("#claimable-tasks tr[data-task-id=" + task + "]")).hasSize(1);
		assertThat(assignee(task)).isNull();
	}

	// ---------------------------------------------------------------- the JSON API

	@Test
	void apiClaimsSingleTasksAndRunsBulkJobs() throws Exception {
		String a = verifyTask(api.reportedNeed("API 认领一"));
		String b = verifyTask(api.reportedNeed("API 认领二"));
		String colleague = colleague();
		api.as(colleague).post("/api/tasks/" + a + "/claim", null).expect(204);
		Api.Response taken = api.as("steward1").post("/api/tasks/" + a + "/claim", null).expectProblem(409);
		assertThat(taken.path("detail").asText()).isEqualTo("Someone else has already claimed this task.");
		api.as("steward2").post("/api/tasks/" + b + "/claim", null).expectProblem(403);
		api.as("steward1").post("/api/tasks/no-such-task/claim", null).expectProblem(404);

		Api.Response started = api.as("steward1").language("zh-CN")
			.post("/api/tasks/bulk-actions", Map.of("action", "CLAIM", "taskIds", List.of(a, b)))
			.expect(202);
		assertThat(started.header("Location")).endsWith("/api/tasks/bulk-actions/" + started.path("id").asText());
		JsonNode done = whenFinished(started.path("id").asText(), "steward1",
				() -> api.as("steward1").get("/api/tasks/bulk-actions/" + started.path("id").asText()).expect(200).json());
		assertThat(done.path("succeededTaskIds")).extracting(JsonNode::asText).containsExactly(b);
		assertThat(done.path("failures").get(0).path("reason").asText()).isEqualTo("已被他人认领。");
		assertThat(assignee(b)).isEqualTo("steward1");
		api.as("steward2").get("/api/tasks/bulk-actions/" + started.path("id").asText()).expectProblem(404);

		assertThat(api.as("steward1").post("/api/tasks/bulk-actions", Map.of("action", "VERIFY_GENUINE", "taskIds",
				List.of(b))).expectProblem(400).errorFields()).containsExactly("note");
		assertThat(api.as("steward1").post("/api/tasks/bulk-actions", Map.of("action", "CLAIM", "taskIds", List.of()))
			.expectProblem(400).errorFields()).containsExactly("taskIds");
		api.as("steward1").post("/api/tasks/" + b + "/unclaim", null).expect(204);
		assertThat(assignee(b)).isNull();
	}

	// ---------------------------------------------------------------- helpers

	private int port() {
		return Integer.parseInt(api.base().substring(api.base().lastIndexOf(':') + 1));
	}

	private static List<Map.Entry<String, String>> form(String action, List<String> taskIds, String note) {
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		fields.add(Map.entry("action", action));
		taskIds.forEach(id -> fields.add(Map.entry("taskIds", id)));
		if (note != null) {
			fields.add(Map.entry("note", note));
		}
		return fields;
	}

	private String verifyTask(long needId) {
		return task("steward1", needId);
	}

	private String task(String user, long needId) {
		for (JsonNode t : api.as(user).get("/api/tasks?max=1000").expect(200).json()) {
			if (t.path("needId").asLong() == needId) {
				return t.path("id").asText();
			}
		}
		throw new AssertionError("no task of need " + needId + " for " + user);
	}

	private String assignee(String taskId) {
		return tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee();
	}

	/** Another steward of 幸福社区 (password demo). */
	private String colleague() {
		String id = "colleague" + Api.unique().replace("-", "");
		User user = identity.newUser(id);
		user.setFirstName("同事");
		user.setLastName("");
		user.setPassword(Api.PASSWORD);
		identity.saveUser(user);
		identity.createMembership(id, "steward:xingfu");
		return id;
	}

	interface Read {

		JsonNode get() throws Exception;
	}

	/** The job's status as its owner reads it, once the job has finished. */
	private JsonNode whenFinished(String jobId, String owner, Read read) throws Exception {
		BulkJobs.Job job = bulkJobs.find(jobId, owner).orElseThrow();
		assertThat(job.awaitFinished(Duration.ofSeconds(60))).as("bulk job %s finished", jobId).isTrue();
		JsonNode status = read.get();
		assertThat(status.path("finished").asBoolean()).as("status %s", status).isTrue();
		return status;
	}
}
