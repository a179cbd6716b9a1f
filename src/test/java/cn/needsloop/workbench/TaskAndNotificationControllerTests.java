package cn.needsloop.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.needsloop.support.ApiTest;

/** {@code GET /api/tasks}, {@code GET /api/notifications}, {@code POST /api/notifications/{id}/read}. */
class TaskAndNotificationControllerTests extends ApiTest {

	private List<JsonNode> tasks(String user, Predicate<JsonNode> filter) {
		List<JsonNode> found = new ArrayList<>();
		api.as(user).get("/api/tasks?max=1000").expect(200).json().forEach(t -> {
			if (filter.test(t)) {
				found.add(t);
			}
		});
		return found;
	}

	private List<JsonNode> tasksOfNeed(String user, long needId) {
		return tasks(user, t -> t.path("needId").asLong() == needId);
	}

	private List<JsonNode> notifications(String user, Predicate<JsonNode> filter) {
		List<JsonNode> found = new ArrayList<>();
		api.as(user).language("zh-CN").get("/api/notifications?size=200").expect(200).json().path("content").forEach(n -> {
			if (filter.test(n)) {
				found.add(n);
			}
		});
		return found;
	}

	// ---------------------------------------------------------------- GET /api/tasks

	@Test
	void offersVerificationOnlyToTheCommunitysStewards() {
		long id = api.reportedNeed("待核实任务");
		List<JsonNode> steward = tasksOfNeed("steward1", id);
		assertThat(steward).hasSize(1);
		JsonNode task = steward.get(0);
		assertThat(task.path("taskKey").asText()).isEqualTo("userTask_verifyNeed");
		assertThat(task.path("name").asText()).isEqualTo("核实民需");
		assertThat(task.path("phase").asText()).isEqualTo("DISCOVER");
		assertThat(task.path("line").asText()).isEqualTo("STEWARD");
		assertThat(task.path("assignedToMe").asBoolean()).isFalse();
		assertThat(task.path("overdue").asBoolean()).isFalse();
		assertThat(task.path("due").asText()).isNotBlank();
		for (String other : List.of("steward2", "resident1", "party1", "selfgov1", "org1")) {
			assertThat(tasksOfNeed(other, id)).as("tasks of %s", other).isEmpty();
		}
	}

	@Test
	void movesTheTaskAlongTheLines() {
		long id = api.individualNeed("任务随条线流转", "EMPLOYMENT");
		assertThat(tasksOfNeed("steward1", id)).isEmpty();
		List<JsonNode> party = tasksOfNeed("party1", id);
		assertThat(party).hasSize(1);
		assertThat(party.get(0).path("taskKey").asText()).isEqualTo("userTask_resolveNeed");
		assertThat(party.get(0).path("line").asText()).isEqualTo("PARTY");

		api.as("party1").post("/api/needs/" + id + "/resolution", Map.of("note", "已帮扶")).expect(204);
		assertThat(tasksOfNeed("party1", id)).isEmpty();
		// the confirmation is offered to the reporter and to the stewards
		assertThat(tasksOfNeed("resident1", id)).extracting(t -> t.path("taskKey").asText())
			.containsExactly("userTask_confirmResolution");
		assertThat(tasksOfNeed("steward1", id)).extracting(t -> t.path("taskKey").asText())
			.containsExactly("userTask_confirmResolution");
	}

	@Test
	void assignsImplementationTasksToTheClaimant() {
		long project = api.publishedProject("ELDERLY_CARE", 2).projectId();
		assertThat(tasks("org2", t -> t.path("projectId").asLong() == project))
			.extracting(t -> t.path("taskKey").asText())
			.containsExactly("userTask_claimProject");
		api.claim("org1", project).expect(200);
		List<JsonNode> org1 = tasks("org1", t -> t.path("projectId").asLong() == project);
		assertThat(org1).hasSize(2).allSatisfy(t -> {
			assertThat(t.path("taskKey").asText()).isEqualTo("userTask_reportMilestone");
			assertThat(t.path("assignee").asText()).isEqualTo("org1");
			assertThat(t.path("assignedToMe").asBoolean()).isTrue();
		});
		assertThat(tasks("org2", t -> t.path("projectId").asLong() == project)).isEmpty();
	}

	@Test
	void rejectsInvalidTaskListParameters() {
		assertThat(api.as("steward1").get("/api/tasks?max=0").expectProblem(400).errorFields()).containsExactly("max");
		assertThat(api.as("steward1").get("/api/tasks?max=many").expectProblem(400).errorFields()).containsExactly("max");
		api.anonymous().get("/api/tasks").expectProblem(401);
	}

	// ---------------------------------------------------------------- GET /api/notifications

	@Test
	void notifiesTheLineOfEveryNewTaskAndTheReporterOfTheOutcome() {
		long id = api.reportedNeed("通知测试");
		List<JsonNode> steward = notifications("steward1", n -> n.path("needId").asLong() == id);
		assertThat(steward).hasSize(1);
		assertThat(steward.get(0).path("title").asText()).isEqualTo("新任务：核实民需");
		assertThat(steward.get(0).path("recipientGroup").asText()).isEqualTo("steward:xingfu");
		assertThat(steward.get(0).path("taskId").asText()).isNotBlank();
		assertThat(steward.get(0).path("readAt").isNull()).isTrue();
		assertThat(notifications("steward2", n -> n.path("needId").asLong() == id)).isEmpty();

		api.verify("steward1", id, "NOT_GENUINE").expect(200);
		List<JsonNode> reporter = notifications("resident1", n -> n.path("needId").asLong() == id);
		assertThat(reporter).extracting(n -> n.path("title").asText()).containsExactly("您的民需已办结：经核实不属实");
		// kept as message keys: an English reader reads them in English
		JsonNode english = api.as("resident1").language("en").get("/api/notifications?size=200").expect(200).json();
		List<String> titles = new ArrayList<>();
		english.path("content").forEach(n -> {
			if (n.path("needId").asLong() == id) {
				titles.add(n.path("title").asText());
			}
		});
		assertThat(titles).containsExactly("Your need is closed: not genuine after verification");
	}

	@Test
	void marksNotificationAsReadForItsRecipientsOnly() {
		long id = api.reportedNeed("已读测试");
		long notification = notifications("steward1", n -> n.path("needId").asLong() == id).get(0).path("id").asLong();
		api.as("steward2").post("/api/notifications/" + notification + "/read", null).expectProblem(403);
		assertThat(notifications("steward1", n -> n.path("id").asLong() == notification).get(0).path("readAt").isNull())
			.isTrue();
		api.as("steward1").post("/api/notifications/" + notification + "/read", null).expect(204);
		String readAt = notifications("steward1", n -> n.path("id").asLong() == notification).get(0).path("readAt").asText();
		assertThat(readAt).isNotBlank();
		api.as("steward1").post("/api/notifications/" + notification + "/read", null).expect(204);
		assertThat(notifications("steward1", n -> n.path("id").asLong() == notification).get(0).path("readAt").asText())
			.isEqualTo(readAt);
		api.as("steward1").post("/api/notifications/987654321/read", null).expectProblem(404);
	}

	@Test
	void pagesNotificationsAndRejectsInvalidPages() {
		api.reportedNeed("分页通知一");
		api.reportedNeed("分页通知二");
		JsonNode page = api.as("steward1").get("/api/notifications?page=0&size=1").expect(200).json();
		assertThat(page.path("content").size()).isEqualTo(1);
		assertThat(page.path("totalElements").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(api.as("steward1").get("/api/notifications?size=0").expectProblem(400).errorFields())
			.containsExactly("size");
		assertThat(api.as("steward1").get("/api/notifications?page=-1").expectProblem(400).errorFields())
			.containsExactly("page");
		api.anonymous().get("/api/notifications").expectProblem(401);
	}
}
