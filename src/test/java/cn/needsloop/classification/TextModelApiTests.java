package cn.needsloop.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;

import com.fasterxml.jackson.databind.JsonNode;

import cn.needsloop.support.Api;
import cn.needsloop.support.ApiTest;

/**
 * What the steward sees of the text model's reading over the API, corrections becoming labelled examples, and a
 * manager retraining and deploying a new model version (needs read by the old one keep its name). Retraining changes
 * the model of the whole application, so this class closes its context when it is done.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TextModelApiTests extends ApiTest {

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(v -> values.add(v.asText()));
		return values;
	}

	@Test
	void theNeedShowsTheProposalWithTheWordsThatDecidedIt() {
		String description = "楼上天天半夜蹦跶，说了好几次都不听。";
		String title = "楼上噪音 " + Api.unique();
		long id = api.as("resident1").post("/api/needs", Api.needBody("xingfu", title, description, 1)).expect(201).id();

		JsonNode reading = api.as("steward1").get("/api/needs/" + id).expect(200).path("reading");
		assertThat(reading.path("proposedCategory").asText()).isEqualTo("NEIGHBOR_DISPUTE");
		assertThat(reading.path("confidence").asDouble()).isBetween(0.6, 1.0);
		assertThat(strings(reading.path("decisiveWords"))).isNotEmpty()
			.allSatisfy(w -> assertThat(title + "。" + description).contains(w));
		assertThat(reading.path("textUrgent").asBoolean()).isFalse();
		assertThat(reading.path("reportedUrgent").asBoolean()).isFalse();
		assertThat(reading.path("modelVersion").asText())
			.isEqualTo(api.as("steward1").get("/api/text-models").expect(200).path("active").asText());
	}

	@Test
	void anUrgentTextIsProposedUrgentAndSaysWhy() {
		long id = api.report("resident1", "xingfu", "求助", "这几天老想着从楼上跳下去算了", 1);

		JsonNode need = api.as("steward1").get("/api/needs/" + id).expect(200).json();
		assertThat(need.path("proposedUrgency").asText()).isEqualTo("URGENT");
		assertThat(need.path("reading").path("textUrgent").asBoolean()).isTrue();
		assertThat(strings(need.path("reading").path("urgencyWords"))).isNotEmpty();
	}

	@Test
	void aResidentMayMarkANeedUrgent() {
		Map<String, Object> body = Api.needBody("xingfu", "家里有急事 " + Api.unique(), "想请社区的人尽快来一趟", 1);
		body.put("urgent", true);
		long id = api.as("resident1").post("/api/needs", body).expect(201).id();

		JsonNode need = api.as("steward1").get("/api/needs/" + id).expect(200).json();
		assertThat(need.path("reading").path("reportedUrgent").asBoolean()).isTrue();
		assertThat(need.path("proposedUrgency").asText()).isEqualTo("URGENT");
	}

	@Test
	void aCorrectionIsALabelledExampleAndAManagerDeploysANewVersionTrainedOnIt() {
		JsonNode before = api.as("steward1").get("/api/text-models").expect(200).json();
		int corrections = before.path("corrections").asInt();
		String oldVersion = before.path("active").asText();
		long corrected = api.verifiedNeed("楼道里的电线老化，经常跳闸");
		String proposed = api.as("steward1").get("/api/needs/" + corrected).expect(200).path("proposedCategory").asText();
		String confirmed = proposed.equals("SAFETY") ? "FACILITIES" : "SAFETY";
		api.classify("steward1", corrected, confirmed, "HIGH", "INDIVIDUAL").expect(200);
		long confirmedAsProposed = api.verifiedNeed("希望开个书法班");
		String same = api.as("steward1").get("/api/needs/" + confirmedAsProposed).expect(200).path("proposedCategory")
			.asText();
		api.classify("steward1", confirmedAsProposed, same, "LOW", "INDIVIDUAL").expect(200);

		JsonNode models = api.as("steward1").get("/api/text-models").expect(200).json();
		assertThat(models.path("corrections").asInt()).as("only the changed category is a correction")
			.isEqualTo(corrections + 1);
		assertThat(models.path("active").asText()).isEqualTo(oldVersion);

		api.as("steward1").post("/api/text-models", Map.of()).expectProblem(403);
		JsonNode deployed = api.as("manager1").post("/api/text-models", Map.of()).expect(201).json();
		String version = deployed.path("version").asText();
		assertThat(version).isNotEqualTo(oldVersion);
		assertThat(deployed.path("corrections").asInt()).isEqualTo(corrections + 1);
		assertThat(deployed.path("examples").asInt()).isGreaterThan(1500);
		assertThat(deployed.path("trainedBy").asText()).isEqualTo("manager1");

		JsonNode after = api.as("manager1").get("/api/text-models").expect(200).json();
		assertThat(after.path("active").asText()).isEqualTo(version);
		List<String> versions = new ArrayList<>();
		after.path("versions").forEach(v -> versions.add(v.path("version").asText()));
		assertThat(versions).contains(version, cn.needsloop.understanding.TextModels.SHIPPED_VERSION);

		// old proposals stay with the model that made them; new needs are read by the new one
		assertThat(api.as("steward1").get("/api/needs/" + corrected).expect(200).path("reading").path("modelVersion")
			.asText()).isEqualTo(oldVersion);
		long later = api.reportedNeed("小区路灯不亮");
		assertThat(api.as("steward1").get("/api/needs/" + later).expect(200).path("reading").path("modelVersion").asText())
			.isEqualTo(version);
	}
}
