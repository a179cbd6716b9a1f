package cn.needsloop.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.needsloop.support.Api.Response;
import cn.needsloop.support.ApiTest;

/** The certificate API over HTTP, errors included. */
class CertificateControllerTests extends ApiTest {

	@Test
	void answersAnUnlistedKindAtOnceWithTheRuleAndWhereToGo() {
		Response response = api.as("resident1").post("/api/certificates", request("CRIMINAL_RECORD"));

		assertThat(response.status()).isEqualTo(201);
		JsonNode answer = response.json();
		assertThat(answer.get("status").asText()).isEqualTo("NOT_ISSUED_BY_COMMUNITY");
		assertThat(answer.get("listed").asBoolean()).isFalse();
		assertThat(answer.get("ruleText").asText()).contains("不在社区证明材料清单（15项）内");
		assertThat(answer.get("referTo").asText()).contains("公安派出所");
		assertThat(answer.get("processInstanceId").isNull()).isTrue();
		assertThat(api.as("resident1").get("/api/certificates/" + answer.get("id").asLong()).path("status").asText())
			.isEqualTo("NOT_ISSUED_BY_COMMUNITY");
	}

	@Test
	void stewardIssuesAListedKind() {
		JsonNode pending = api.as("resident1").post("/api/certificates", request("ONLY_CHILD")).json();
		assertThat(pending.get("status").asText()).isEqualTo("PENDING");
		assertThat(pending.get("kindName").asText()).isEqualTo("独生子女证明");

		Response issued = api.as("steward1")
			.post("/api/certificates/" + pending.get("id").asLong() + "/decision", Map.of("issued", true));

		assertThat(issued.status()).isEqualTo(200);
		assertThat(issued.json().get("status").asText()).isEqualTo("ISSUED");
		assertThat(issued.json().get("decidedBy").asText()).isEqualTo("steward1");
	}

	@Test
	void stewardDeclinesOnlyWithAReason() {
		long id = api.as("resident1").post("/api/certificates", request("NOT_REMARRIED")).id();

		Response withoutReason = api.as("steward1").post("/api/certificates/" + id + "/decision", Map.of("issued", false));
		assertThat(withoutReason.status()).isEqualTo(400);
		assertThat(fields(withoutReason)).containsExactly("reason");

		Response declined = api.as("steward1").post("/api/certificates/" + id + "/decision",
				Map.of("issued", false, "reason", "经核实申请人已再婚"));
		assertThat(declined.json().get("status").asText()).isEqualTo("DECLINED");
		assertThat(declined.json().get("declineReason").asText()).isEqualTo("经核实申请人已再婚");

		Response again = api.as("steward1").post("/api/certificates/" + id + "/decision", Map.of("issued", true));
		assertThat(again.status()).isEqualTo(409);
	}

	@Test
	void answersConflictWhenTheStewardDecidesAnUnlistedKind() {
		long id = api.as("resident1").post("/api/certificates", request("BIRTH")).id();

		Response response = api.as("steward1").post("/api/certificates/" + id + "/decision", Map.of("issued", true));

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.json().get("code").asText()).isEqualTo("problem.certificate.notAtStep.issue");
	}

	@Test
	void onlyTheStewardOfTheCommunityDecidesAndOthersDoNotSeeTheRequest() {
		long id = api.as("resident1").post("/api/certificates", request("RESIDENCE")).id();

		assertThat(api.as("resident1").post("/api/certificates/" + id + "/decision", Map.of("issued", true))
			.status()).isEqualTo(403);
		assertThat(api.as("steward2").post("/api/certificates/" + id + "/decision", Map.of("issued", true))
			.status()).isEqualTo(403);
		assertThat(api.as("selfgov1").get("/api/certificates/" + id).status()).isEqualTo(403);
		assertThat(api.as("steward1").get("/api/certificates/" + id).status()).isEqualTo(200);
	}

	@Test
	void rejectsAnInvalidRequestNamingTheFields() {
		Response response = api.as("resident1").post("/api/certificates",
				Map.of("kind", "居住证明", "applicantPhone", "call me"));

		assertThat(fields(response)).contains("communityCode", "kind", "applicantName", "applicantPhone", "purpose");
	}

	@Test
	void rejectsAnUnknownCommunity() {
		Map<String, Object> body = new java.util.HashMap<>(request("RESIDENCE"));
		body.put("communityCode", "atlantis");

		assertThat(fields(api.as("resident1").post("/api/certificates", body))).containsExactly("communityCode");
	}

	@Test
	void requiresSignInAndAnswersNotFound() {
		assertThat(api.anonymous().post("/api/certificates", request("RESIDENCE")).status()).isEqualTo(401);
		Response missing = api.as("steward1").get("/api/certificates/987654");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.json().get("detail").asText()).isEqualTo("There is no certificate request 987654.");
	}

	private static Map<String, Object> request(String kind) {
		return Map.of("communityCode", "xingfu", "kind", kind, "applicantName", "刘秀英", "applicantPhone", "13800000001",
				"purpose", "办理相关业务");
	}

	private static List<String> fields(Response response) {
		response.expect(400);
		return response.errorFields().stream().distinct().toList();
	}
}
