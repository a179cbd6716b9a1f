package cn.needsloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.needsloop.support.Api;
import cn.needsloop.support.ApiTest;

/**
 * Personal data lives in the domain tables only: after a certificate request has been decided and a need has
 * gone through verification, classification, resolution and confirmation, no variable of their processes, running
 * or in history (variable instances and every recorded update), is named like the applicant's or reporter's data
 * or holds their name, phone number, purpose or description. Tasklist's form of the certificate step does not ask
 * for them either, and the steward's task notification does not name the applicant.
 */
class PersonalDataProcessTests extends ApiTest {

	/** Names a personal-data variable would have. */
	static final Set<String> PERSONAL = Set.of("applicantName", "applicantPhone", "reporterName", "reporterPhone",
			"purpose", "description");

	@Autowired
	HistoryService history;

	@Autowired
	RuntimeService runtime;

	@Test
	void certificateRequestKeepsTheApplicantOutOfTheEngine() throws IOException {
		String name = "测试申请人" + Api.unique().substring(0, 4);
		String phone = "13912345678";
		String purpose = "孩子入学报名 " + Api.unique();
		JsonNode certificate = api.as("resident1").post("/api/certificates", Map.of("communityCode", "xingfu", "kind",
				"RESIDENCE", "applicantName", name, "applicantPhone", phone, "purpose", purpose)).expect(201).json();
		String pid = certificate.path("processInstanceId").asText();
		assertThat(pid).isNotBlank();

		assertNoPersonalData(pid, List.of(name, phone, purpose));
		JsonNode notifications = api.as("steward1").get("/api/notifications?size=200").expect(200).json();
		assertThat(notifications.path("content").toString()).as("the steward's notifications").doesNotContain(name);

		api.as("steward1").post("/api/certificates/" + certificate.path("id").asLong() + "/decision",
				Map.of("issued", true)).expect(200);
		assertNoPersonalData(pid, List.of(name, phone, purpose));
		assertThat(api.as("resident1").get("/api/certificates/" + certificate.path("id").asLong()).expect(200).json()
			.path("applicantName").asText()).as("the domain keeps it").isEqualTo(name);

		JsonNode form = new ObjectMapper().readTree(Files.readString(Path.of("forms/issue-certificate.form")));
		assertThat(form.findValuesAsText("key")).contains("certificateId", "certificateKindName")
			.doesNotContainAnyElementsOf(PERSONAL);
	}

	@Test
	void needKeepsTheReporterOutOfTheEngine() {
		String name = "测试居民" + Api.unique().substring(0, 4);
		String phone = "13987654321";
		String description = "我家住3号楼，老人行动不便 " + Api.unique();
		Map<String, Object> body = Api.needBody("xingfu", "邻里纠纷 " + Api.unique(), description, 1);
		body.put("reporterName", name);
		body.put("reporterPhone", phone);
		long id = api.as("resident1").post("/api/needs", body).expect(201).id();
		String pid = api.need(id).path("processInstanceId").asText();
		api.verify("steward1", id, "GENUINE").expect(200);
		api.classify("steward1", id, "NEIGHBOR_DISPUTE", "NORMAL", "INDIVIDUAL").expect(200);
		api.as("selfgov1").post("/api/needs/" + id + "/resolution", Map.of("note", "居委会调解完毕")).expect(204);
		api.as("resident1").post("/api/needs/" + id + "/confirmation", Map.of("score", 5, "comment", "很满意"))
			.expect(204);

		assertNoPersonalData(pid, List.of(name, phone, description));
		assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pid).variableName("needTitle").count())
			.as("the title stays: it is what a task is about").isEqualTo(1);
	}

	/** No variable of the instance, running or historic (with each update), is personal by name or by value. */
	private void assertNoPersonalData(String processInstanceId, List<String> values) {
		List<String> names = new ArrayList<>();
		List<Object> stored = new ArrayList<>();
		for (VariableInstance v : runtime.createVariableInstanceQuery().processInstanceIdIn(processInstanceId).list()) {
			names.add(v.getName());
			stored.add(v.getValue());
		}
		for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
			.processInstanceId(processInstanceId)
			.list()) {
			names.add(v.getName());
			stored.add(v.getValue());
		}
		for (HistoricDetail detail : history.createHistoricDetailQuery()
			.processInstanceId(processInstanceId)
			.variableUpdates()
			.list()) {
			HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
			names.add(update.getVariableName());
			stored.add(update.getValue());
		}
		assertThat(names).as("variables of %s", processInstanceId).isNotEmpty().doesNotContainAnyElementsOf(PERSONAL);
		assertThat(names).as("variables of %s", processInstanceId)
			.noneMatch(n -> n.toLowerCase().contains("phone") || n.toLowerCase().contains("applicant")
					|| n.toLowerCase().contains("reporter"));
		for (String value : values) {
			assertThat(stored).as("values of the variables of %s", processInstanceId)
				.noneMatch(v -> v != null && v.toString().contains(value));
		}
		for (String name : PERSONAL) {
			assertThat(history.createHistoricVariableInstanceQuery().variableName(name).count())
				.as("historic variables named %s in the engine", name).isZero();
		}
	}
}
