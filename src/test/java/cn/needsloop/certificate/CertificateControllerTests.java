package cn.needsloop.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.needsloop.NeedsLoopSpringTest;

/** The certificate API over HTTP, errors included. */
@NeedsLoopSpringTest
class CertificateControllerTests {

	@Autowired
	TestRestTemplate rest;

	@Test
	void answersAnUnlistedKindAtOnceWithTheRuleAndWhereToGo() {
		ResponseEntity<JsonNode> response = call("resident1", HttpMethod.POST, "/api/certificates", request("CRIMINAL_RECORD"));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		JsonNode answer = response.getBody();
		assertThat(answer.get("status").asText()).isEqualTo("NOT_ISSUED_BY_COMMUNITY");
		assertThat(answer.get("listed").asBoolean()).isFalse();
		assertThat(answer.get("ruleText").asText()).contains("不在社区证明材料清单（15项）内");
		assertThat(answer.get("referTo").asText()).contains("公安派出所");
		assertThat(answer.get("processInstanceId").isNull()).isTrue();
		assertThat(call("resident1", HttpMethod.GET, "/api/certificates/" + answer.get("id").asLong(), null)
			.getBody().get("status").asText()).isEqualTo("NOT_ISSUED_BY_COMMUNITY");
	}

	@Test
	void stewardIssuesAListedKind() {
		JsonNode pending = call("resident1", HttpMethod.POST, "/api/certificates", request("ONLY_CHILD")).getBody();
		assertThat(pending.get("status").asText()).isEqualTo("PENDING");
		assertThat(pending.get("kindName").asText()).isEqualTo("独生子女证明");

		ResponseEntity<JsonNode> issued = call("steward1", HttpMethod.POST,
				"/api/certificates/" + pending.get("id").asLong() + "/decision", Map.of("issued", true));

		assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(issued.getBody().get("status").asText()).isEqualTo("ISSUED");
		assertThat(issued.getBody().get("decidedBy").asText()).isEqualTo("steward1");
	}

	@Test
	void stewardDeclinesOnlyWithAReason() {
		long id = call("resident1", HttpMethod.POST, "/api/certificates", request("NOT_REMARRIED")).getBody().get("id")
			.asLong();

		ResponseEntity<JsonNode> withoutReason = call("steward1", HttpMethod.POST, "/api/certificates/" + id + "/decision",
				Map.of("issued", false));
		assertThat(withoutReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(fields(withoutReason)).containsExactly("reason");

		ResponseEntity<JsonNode> declined = call("steward1", HttpMethod.POST, "/api/certificates/" + id + "/decision",
				Map.of("issued", false, "reason", "经核实申请人已再婚"));
		assertThat(declined.getBody().get("status").asText()).isEqualTo("DECLINED");
		assertThat(declined.getBody().get("declineReason").asText()).isEqualTo("经核实申请人已再婚");

		ResponseEntity<JsonNode> again = call("steward1", HttpMethod.POST, "/api/certificates/" + id + "/decision",
				Map.of("issued", true));
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void answersConflictWhenTheStewardDecidesAnUnlistedKind() {
		long id = call("resident1", HttpMethod.POST, "/api/certificates", request("BIRTH")).getBody().get("id").asLong();

		ResponseEntity<JsonNode> response = call("steward1", HttpMethod.POST, "/api/certificates/" + id + "/decision",
				Map.of("issued", true));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(response.getBody().get("code").asText()).isEqualTo("problem.certificate.notAtStep.issue");
	}

	@Test
	void onlyTheStewardOfTheCommunityDecidesAndOthersDoNotSeeTheRequest() {
		long id = call("resident1", HttpMethod.POST, "/api/certificates", request("RESIDENCE")).getBody().get("id").asLong();

		assertThat(call("resident1", HttpMethod.POST, "/api/certificates/" + id + "/decision", Map.of("issued", true))
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(call("steward2", HttpMethod.POST, "/api/certificates/" + id + "/decision", Map.of("issued", true))
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(call("selfgov1", HttpMethod.GET, "/api/certificates/" + id, null).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(call("steward1", HttpMethod.GET, "/api/certificates/" + id, null).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void rejectsAnInvalidRequestNamingTheFields() {
		ResponseEntity<JsonNode> response = call("resident1", HttpMethod.POST, "/api/certificates",
				Map.of("kind", "居住证明", "applicantPhone", "call me"));

		assertThat(fields(response)).contains("communityCode", "kind", "applicantName", "applicantPhone", "purpose");
	}

	@Test
	void rejectsAnUnknownCommunity() {
		Map<String, Object> body = new java.util.HashMap<>(request("RESIDENCE"));
		body.put("communityCode", "atlantis");

		assertThat(fields(call("resident1", HttpMethod.POST, "/api/certificates", body))).containsExactly("communityCode");
	}

	@Test
	void requiresSignInAndAnswersNotFound() {
		assertThat(rest.exchange("/api/certificates", HttpMethod.POST, new HttpEntity<>(request("RESIDENCE")), JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		ResponseEntity<JsonNode> missing = call("steward1", HttpMethod.GET, "/api/certificates/987654", null);
		assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(missing.getBody().get("detail").asText()).isEqualTo("There is no certificate request 987654.");
	}

	private static Map<String, Object> request(String kind) {
		return Map.of("communityCode", "xingfu", "kind", kind, "applicantName", "刘秀英", "applicantPhone", "13800000001",
				"purpose", "办理相关业务");
	}

	private ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
		return rest.withBasicAuth(user, "demo").exchange(path, method, body == null ? null : new HttpEntity<>(body),
				JsonNode.class);
	}

	private static List<String> fields(ResponseEntity<JsonNode> response) {
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		List<String> fields = new java.util.ArrayList<>();
		response.getBody().get("errors").forEach(e -> fields.add(e.get("field").asText()));
		return fields.stream().distinct().toList();
	}
}
