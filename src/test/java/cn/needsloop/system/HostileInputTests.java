package cn.needsloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.camunda.bpm.engine.TaskService;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import cn.needsloop.support.Api;
import cn.needsloop.support.Api.Response;
import cn.needsloop.support.ApiTest;
import cn.needsloop.support.PageSession;

/**
 * What an attacker sends: SQL and script in every kind of text field, bodies too large or too deeply nested,
 * numbers out of range, odd Unicode, wrong content types, broken JSON, wrong methods, ids that are not numbers,
 * page numbers past any list, across the API's creating and step endpoints and {@code /engine-rest}. Each is
 * answered 4xx (a problem for the API, Camunda's error for {@code /engine-rest}), never 5xx, shows no stack
 * trace, SQL or class of ours, and changes nothing: no row of any table (domain or engine) more or less, and the
 * need or project the step was aimed at reads as before.
 * <p>
 * Some payloads are text a person could write: markup, quotes, SQL words, template syntax, emoji, zero-width
 * characters. Refusing them would refuse residents' words, so they are accepted on purpose ({@code ACCEPTED} in
 * the table): each is stored exactly as sent, evaluated by nothing, and shown escaped on the need's page.
 * Characters no one types (controls, NUL, direction overrides, broken surrogates) are refused.
 */
class HostileInputTests extends ApiTest {

	/** Tables whose rows a running engine adds on its own schedule (metrics), not because of a request. */
	private static final List<String> BACKGROUND_TABLES = List.of("ACT_RU_METER_LOG", "ACT_RU_TASK_METER_LOG");

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Records the cases aim at, made once for the class (ids differ per run). */
	private static final Map<String, String> FIXTURES = new ConcurrentHashMap<>();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TaskService tasks;

	/** Refused with this status, or accepted as inert text in this field of a new need. */
	enum Outcome {
		REFUSED, ACCEPTED
	}

	/**
	 * One hostile input. {@code path} and {@code body} may name fixtures: {@code {need}} (waiting for
	 * verification), {@code {verifiedNeed}} (waiting for classification), {@code {project}} (waiting for approval),
	 * {@code {dispatch}}, {@code {task}} (the engine task verifying {@code {need}}).
	 */
	record Case(String name, String user, String method, String path, String contentType, String body, boolean chunked,
			Outcome outcome, int status, String field, String payload) {

		@Override
		public String toString() {
			return name;
		}
	}

	// ---------------------------------------------------------------- the table

	static Stream<Case> cases() {
		List<Case> all = new ArrayList<>();
		String deep = "[".repeat(20_000) + "]".repeat(20_000);

		// SQL and script where the value must be one the application knows: refused
		all.add(refused("SQL in a need's community", need("communityCode", "xingfu' OR '1'='1"), 400));
		all.add(refused("SQL statement in a need's community", need("communityCode", "x'; DROP TABLE need; --"), 400));
		all.add(refused("SQL UNION in a need's grid", need("gridCode", "xingfu-01' UNION SELECT reporter_phone FROM need --"), 400));
		all.add(refused("SQL in a need's channel", need("channel", "ONLINE' OR 1=1 --"), 400));
		all.add(refused("SQL in a reporter's phone", need("reporterPhone", "138' OR '1'='1"), 400));
		all.add(refused("script in a reporter's phone", need("reporterPhone", "<script>alert(1)</script>"), 400));
		all.add(get("SQL in a list filter", "manager1", "/api/needs?status=OPEN%27%20OR%201=1", 400));
		all.add(post("SQL in a verdict", "steward1", "/api/needs/{need}/verification",
				json(Map.of("verdict", "GENUINE' OR '1'='1", "note", "核实")), 400));
		all.add(post("SQL in a duplicate id", "steward1", "/api/needs/{need}/verification",
				"{\"verdict\":\"DUPLICATE\",\"duplicateOfId\":\"1 OR 1=1\",\"note\":\"重复\"}", 400));
		all.add(post("SQL in a category", "steward1", "/api/needs/{verifiedNeed}/classification",
				json(Map.of("category", "SAFETY'; DROP TABLE need; --", "urgency", "NORMAL", "scope", "INDIVIDUAL")), 400));
		all.add(post("script in an urgency", "steward1", "/api/needs/{verifiedNeed}/classification",
				json(Map.of("category", "SAFETY", "urgency", "<script>alert(1)</script>", "scope", "INDIVIDUAL")), 400));
		all.add(post("SQL in a certificate kind", "resident1", "/api/certificates", certificate("kind", "RESIDENCE' OR '1'='1"), 400));
		all.add(post("script in an applicant's phone", "resident1", "/api/certificates",
				certificate("applicantPhone", "<img src=x onerror=alert(1)>"), 400));
		all.add(post("SQL in a list entry code", "dept1", "/api/work-items", workItem("itemType", "MIN_LIVING_ALLOWANCE' --"), 400));
		all.add(post("SQL among the communities", "dept1", "/api/work-items",
				workItem("communityCodes", List.of("xingfu", "' OR 1=1 --")), 400));
		all.add(post("SQL in a topic type", "steward1", "/api/consultations", consultation("topicType", "PUBLIC_SPACE' OR 1=1"), 400));
		all.add(post("SQL in a registration kind", "party1", "/api/registrations", registration("kind", "ADMIN'; --"), 400));
		all.add(post("SQL in a dispatch's community", "party1", "/api/dispatches", dispatch("communityCode", "xingfu' OR '1'='1"), 400));
		all.add(post("SQL in a project's category", "steward1", "/api/projects", project("category", "ELDERLY_CARE' OR 1=1"), 400));
		all.add(engine("an expression in an ad-hoc engine query", "GET",
				"/engine-rest/task?assigneeExpression=%24%7BidentityService.createUserQuery().list()%7D", null, 400));
		all.add(engine("SQL as an engine task id", "GET", "/engine-rest/task/%27%20OR%20%271%27=%271", null, 404));

		// the same kinds of text where a person may write them: accepted, stored inert, shown escaped
		all.add(accepted("SQL words in a need's title", "title", "'; DROP TABLE need; --"));
		all.add(accepted("a script in a need's description", "description", "<script>alert(document.cookie)</script>"));
		all.add(accepted("an image tag in a reporter's name", "reporterName", "<img src=x onerror=alert(1)>"));
		all.add(accepted("a JUEL expression in a need's title", "title", "${identityService.createUserQuery().list()}"));
		all.add(accepted("template syntax in a need's title", "title", "{{7*7}} #{7*7} [[${7*7}]]"));
		// (H2 keeps four-byte characters; on MySQL the engine's utf8 tables cannot, and they are refused there with a
		// 400 that says so: MySqlIntegrationTests, TextColumnsIntegrationTests)
		all.add(accepted("four-byte emoji in a need's title", "title", "民需 🏠😀"));
		all.add(accepted("zero-width characters in a need's title", "title", "零\u200b宽\u200d字\ufeff"));
		all.add(accepted("an emoji family (zero-width joiners) in a description", "description", "一家 👨\u200d👩\u200d👧 都来了"));

		// longer than the column that keeps it
		all.add(refused("a need's title of 201 characters", need("title", "题".repeat(201)), 400));
		all.add(refused("a need's description of 2001 characters", need("description", "述".repeat(2001)), 400));
		all.add(refused("a reporter's name of 51 characters", need("reporterName", "名".repeat(51)), 400));
		all.add(refused("a community code of 33 characters", need("communityCode", "x".repeat(33)), 400));
		all.add(post("a verification note of 1001 characters", "steward1", "/api/needs/{need}/verification",
				json(Map.of("verdict", "GENUINE", "note", "注".repeat(1001))), 400));
		all.add(post("a resolution note of 1001 characters", "steward1", "/api/needs/{need}/resolution",
				json(Map.of("note", "注".repeat(1001))), 400));
		all.add(post("a confirmation comment of 1001 characters", "resident1", "/api/needs/{need}/confirmation",
				json(Map.of("score", 5, "comment", "评".repeat(1001))), 400));
		all.add(post("a project title of 201 characters", "steward1", "/api/projects", project("title", "项".repeat(201)), 400));
		all.add(post("a project plan of 4001 characters", "steward1", "/api/projects", project("plan", "计".repeat(4001)), 400));
		all.add(post("a milestone of 201 characters", "steward1", "/api/projects", project("milestones", List.of("里".repeat(201))), 400));
		all.add(post("21 milestones", "steward1", "/api/projects",
				project("milestones", IntStream.range(0, 21).mapToObj(i -> "里程碑" + i).toList()), 400));
		all.add(post("an approval note of 1001 characters", "party1", "/api/projects/{project}/approval",
				json(Map.of("approved", true, "note", "批".repeat(1001))), 400));
		all.add(post("a legal basis of 1001 characters", "dept1", "/api/work-items", workItem("legalBasis", "依".repeat(1001)), 400));
		all.add(post("a department of 101 characters", "dept1", "/api/work-items", workItem("department", "部".repeat(101)), 400));
		all.add(post("a certificate purpose of 501 characters", "resident1", "/api/certificates", certificate("purpose", "用".repeat(501)), 400));
		all.add(post("an applicant's name of 51 characters", "resident1", "/api/certificates", certificate("applicantName", "名".repeat(51)), 400));
		all.add(post("a consultation topic of 201 characters", "steward1", "/api/consultations", consultation("topic", "议".repeat(201)), 400));
		all.add(post("a consultation description of 2001 characters", "steward1", "/api/consultations",
				consultation("description", "述".repeat(2001)), 400));
		all.add(post("a skill of 51 characters", "party1", "/api/registrations", registration("skills", List.of("技".repeat(51))), 400));
		all.add(post("21 skills", "party1", "/api/registrations",
				registration("skills", IntStream.range(0, 21).mapToObj(i -> "技能" + i).toList()), 400));
		all.add(post("a user name of 65 characters", "party1", "/api/registrations", registration("username", "u".repeat(65)), 400));
		all.add(post("offers of 2001 characters", "party1", "/api/registrations", registration("offers", "供".repeat(2001)), 400));
		all.add(post("a dispatch skill of 51 characters", "party1", "/api/dispatches", dispatch("skill", "技".repeat(51)), 400));
		all.add(post("an answer note of 1001 characters", "party1", "/api/dispatches/{dispatch}/answers",
				json(Map.of("registrationId", 1, "accepted", true, "note", "注".repeat(1001))), 400));

		// numbers out of range, overflowing, not numbers
		all.add(refused("a negative household count", need("householdCount", -1), 400));
		all.add(refused("no households", need("householdCount", 0), 400));
		all.add(refused("100,001 households", need("householdCount", 100_001), 400));
		all.add(refused("an int overflow of households", rawNeed("householdCount", "2147483648"), 400));
		all.add(refused("1e400 households", rawNeed("householdCount", "1e400"), 400));
		all.add(refused("\"NaN\" households", need("householdCount", "NaN"), 400));
		all.add(refused("a bare NaN of households", rawNeed("householdCount", "NaN"), 400));
		all.add(refused("\"Infinity\" households", need("householdCount", "Infinity"), 400));
		all.add(post("a score of 6", "resident1", "/api/needs/{need}/confirmation", json(Map.of("score", 6)), 400));
		all.add(post("an int underflow of a score", "resident1", "/api/needs/{need}/confirmation", "{\"score\":-2147483649}", 400));
		all.add(post("a Long overflow of a duplicate id", "steward1", "/api/needs/{need}/verification",
				"{\"verdict\":\"DUPLICATE\",\"duplicateOfId\":9223372036854775808,\"note\":\"重复\"}", 400));
		all.add(post("a negative budget", "steward1", "/api/projects", project("budgetYuan", -0.01), 400));
		all.add(post("a budget of 1e1000000000", "steward1", "/api/projects", rawProject("budgetYuan", "1e1000000000"), 400));
		all.add(post("a budget of \"NaN\"", "steward1", "/api/projects", project("budgetYuan", "NaN"), 400));
		all.add(post("a Long overflow among need ids", "steward1", "/api/projects", rawProject("needIds", "[9223372036854775808]"), 400));
		all.add(post("a planned end in year 999999999", "steward1", "/api/projects", project("plannedEnd", "+999999999-12-31"), 400));
		all.add(post("the 30th of February", "steward1", "/api/projects", project("plannedEnd", "2027-02-30"), 400));
		all.add(post("a funding of 1e20 yuan", "dept1", "/api/work-items", rawWorkItem("fundingYuan", "1e20"), 400));
		all.add(post("\"NaN\" hours", "party1", "/api/dispatches/{dispatch}/hours", json(Map.of("registrationId", 1, "hours", "NaN")), 400));
		all.add(post("24.01 hours", "party1", "/api/dispatches/{dispatch}/hours", "{\"registrationId\":1,\"hours\":24.01}", 400));
		all.add(post("negative hours", "party1", "/api/dispatches/{dispatch}/hours", "{\"registrationId\":1,\"hours\":-1}", 400));
		all.add(post("a Long overflow of a registration id", "party1", "/api/dispatches/{dispatch}/hours",
				"{\"registrationId\":9223372036854775808,\"hours\":2}", 400));
		all.add(post("101 people", "party1", "/api/dispatches", dispatch("people", 101), 400));
		all.add(post("a service time in year 999999999", "party1", "/api/dispatches", dispatch("at", "+999999999-12-31T00:00:00Z"), 400));
		all.add(get("a KPI period from year -999999999", "manager1", "/api/kpis?from=-999999999-01-01", 400));

		// characters no one types
		all.add(refused("a right-to-left override in a title", need("title", "账单\u202e4321"), 400));
		all.add(refused("NUL in a title", need("title", "标题\u0000尾"), 400));
		all.add(refused("a lone surrogate in a title", rawNeed("title", "\"标题\\ud800尾\""), 400));
		all.add(refused("a C1 control in a description", need("description", "描述\u0085尾"), 400));
		all.add(refused("a direction isolate in a reporter's name", need("reporterName", "刘\u2066秀英"), 400));
		all.add(get("NUL in a query parameter", "manager1", "/api/needs?communityCode=xing%00fu", 400));
		all.add(engine("NUL in an engine string variable", "PUT", "/engine-rest/task/{task}/variables/note",
				"{\"value\":\"a\\u0000b\",\"type\":\"String\"}", 400));
		all.add(engine("a direction override in an engine variable", "PUT", "/engine-rest/task/{task}/variables/note",
				json(Map.of("value", "gpj.exe\u202etxt", "type", "String")), 400));

		// huge and deep
		all.add(refused("a body of 1.5 MB", need("description", "x".repeat(1_500_000)), 413));
		all.add(chunked("a body of 1.5 MB without a length", "resident1", "/api/needs", need("description", "x".repeat(1_500_000)), 413));
		all.add(refused("a body nested 20,000 levels deep", deep, 400));
		all.add(refused("a title nested 100 levels deep", rawNeed("title", "[".repeat(100) + "]".repeat(100)), 400));
		all.add(refused("an unknown field nested 5,000 levels deep", rawNeed("extra", "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)), 400));
		all.add(post("100,000 need ids", "steward1", "/api/projects",
				rawProject("needIds", IntStream.rangeClosed(1, 100_000).mapToObj(String::valueOf).toList().toString()), 400));
		all.add(refused("a title of 300,000 characters", need("title", "t".repeat(300_000)), 400));

		// wrong content types
		all.add(typed("plain text", "text/plain", "标题", 415));
		all.add(typed("XML", "application/xml", "<need><title>x</title></need>", 415));
		all.add(typed("a form", "application/x-www-form-urlencoded", "communityCode=xingfu&title=x", 415));
		all.add(typed("multipart", "multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nx\r\n--b--", 415));
		all.add(typed("no content type", null, need("title", "无类型"), 415));

		// broken JSON
		all.add(refused("truncated JSON", "{\"communityCode\": \"xingfu\", ", 400));
		all.add(refused("single quotes", "{'communityCode': 'xingfu'}", 400));
		all.add(refused("trailing garbage", need("title", "尾巴") + " DROP TABLE need", 400));
		all.add(refused("a field given twice", need("title", "一").replaceFirst("\\{", "{\"communityCode\":\"dongshan\","), 400));
		all.add(refused("an array for an object", "[" + need("title", "数组") + "]", 400));
		all.add(refused("null", "null", 400));
		all.add(refused("a comment", "/* hi */" + need("title", "注释"), 400));
		all.add(refused("an empty body", "", 400));

		// wrong methods
		all.add(call("DELETE a need", "manager1", "DELETE", "/api/needs/{need}", null, null, 405));
		all.add(call("PUT on the needs", "resident1", "PUT", "/api/needs", "application/json", need("title", "放"), 405));
		all.add(call("PATCH a project", "steward1", "PATCH", "/api/projects/{project}", "application/json", "{\"title\":\"改\"}", 405));
		all.add(get("GET a step", "steward1", "/api/needs/{need}/verification", 405));

		// ids that are not numbers
		all.add(get("a word for a need id", "manager1", "/api/needs/abc", 400));
		all.add(get("a Long overflow for a need id", "manager1", "/api/needs/9223372036854775808", 400));
		all.add(get("a fraction for a need id", "manager1", "/api/needs/1.5", 400));
		all.add(get("SQL for a need id", "manager1", "/api/needs/1%20OR%201=1", 400));
		all.add(post("NaN for a project id", "party1", "/api/projects/NaN/approval", json(Map.of("approved", true, "note", "同意")), 400));
		all.add(post("an overflowing milestone index", "org1", "/api/projects/{project}/milestones/99999999999/report",
				json(Map.of("note", "完成", "socialWorkers", 1, "volunteers", 1)), 400));

		// pages past any list
		all.add(get("page 99,999,999 of 200 needs", "manager1", "/api/needs?page=99999999&size=200", 400));
		all.add(get("201 needs a page", "manager1", "/api/needs?size=201", 400));
		all.add(get("an int overflow of a notifications page", "resident1", "/api/notifications?page=2147483648", 400));
		all.add(get("consultations page 10,001", "steward1", "/api/consultations?page=10001", 400));
		all.add(get("1001 tasks", "steward1", "/api/tasks?max=1001", 400));

		// the engine's REST API
		all.add(engine("a JSON variable nested 20,000 levels deep", "PUT", "/engine-rest/task/{task}/variables/deep",
				json(Map.of("value", deep, "type", "Json")), 400));
		all.add(engine("a completion nested 20,000 levels deep", "POST", "/engine-rest/task/{task}/complete",
				"{\"variables\":" + "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000) + "}", 400));
		all.add(engine("deep JSON among modified variables", "POST", "/engine-rest/task/{task}/variables",
				json(Map.of("modifications", Map.of("deep", Map.of("value", deep, "type", "Json")))), 400));
		all.add(engine("a JSON variable that is not JSON", "PUT", "/engine-rest/task/{task}/variables/broken",
				json(Map.of("value", "{\"a\":1} {\"b\":2}", "type", "Json")), 400));
		all.add(engine("an object of a class the engine must not build", "PUT", "/engine-rest/task/{task}/variables/gadget",
				json(Map.of("value", "\"http://example.org\"", "type", "Object", "valueInfo",
						Map.of("objectTypeName", "java.net.URL", "serializationDataFormat", "application/json"))), 400));
		all.add(engine("a Java-serialized object", "PUT", "/engine-rest/task/{task}/variables/serialized",
				json(Map.of("value", "rO0ABXQAAWE=", "type", "Object", "valueInfo", Map.of("objectTypeName", "java.lang.String",
						"serializationDataFormat", "application/x-java-serialized-object"))), 400));
		all.add(engine("an XML variable", "PUT", "/engine-rest/task/{task}/variables/xml",
				json(Map.of("value", "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>", "type", "Xml")), 400));
		all.add(engine("an engine body of 1.5 MB", "POST", "/engine-rest/task/{task}/complete",
				json(Map.of("variables", Map.of("note", Map.of("value", "x".repeat(1_500_000), "type", "String")))), 413));
		all.add(new Case("plain text to the engine", "steward1", "POST", "/engine-rest/task/{task}/complete", "text/plain",
				"hello", false, Outcome.REFUSED, 415, null, null));
		all.add(engine("broken JSON to the engine", "POST", "/engine-rest/task/{task}/complete", "{\"variables\": {", 400));
		all.add(engine("a field given twice to the engine", "POST", "/engine-rest/task/{task}/complete",
				"{\"variables\":{},\"variables\":{\"verdict\":{\"value\":\"GENUINE\"}}}", 400));
		return all.stream();
	}

	// ---------------------------------------------------------------- the test

	@Test
	void theTableHoldsAtLeastSixtyHostileInputsEachOnce() {
		List<Case> all = cases().toList();
		assertThat(all.stream().map(Case::name)).doesNotHaveDuplicates();
		assertThat(all.stream().filter(c -> c.outcome() == Outcome.REFUSED)).hasSizeGreaterThanOrEqualTo(60);
		assertThat(all.stream().filter(c -> c.path().startsWith("/engine-rest/"))).hasSizeGreaterThanOrEqualTo(10);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void answers4xxAndChangesNothingOrKeepsTheTextInert(Case hostile) {
		String path = resolve(hostile.path());
		String body = hostile.body() == null ? null : resolve(hostile.body());
		JsonNode subjectBefore = subject(hostile.path());
		Map<String, Long> before = counts();

		Response response = send(hostile, path, body);

		assertThat(response.status()).as("%s: %s", hostile.name(), abbreviated(response.body())).isLessThan(500);
		if (hostile.outcome() == Outcome.ACCEPTED) {
			assertInert(hostile, response);
			return;
		}
		assertThat(response.status()).as("%s: %s", hostile.name(), abbreviated(response.body())).isEqualTo(hostile.status());
		if (path.startsWith("/engine-rest/")) {
			assertThat(response.contentType()).as(hostile.name()).startsWith("application/json");
			assertThat(response.json().path("message").isTextual()).as("a Camunda error: %s", response.body()).isTrue();
		}
		else {
			response.expectProblem(hostile.status());
		}
		assertThat(response.body()).as(hostile.name()).doesNotContain("\tat ", "cn.needsloop.", "org.hibernate", "SQL ",
				"select ", "insert ");
		assertThat(counts()).as("rows of every table after %s", hostile.name()).isEqualTo(before);
		assertThat(subject(hostile.path())).as("the record %s aimed at", hostile.name()).isEqualTo(subjectBefore);
	}

	/** An accepted payload is the need's text exactly as sent, and its page shows it as text, escaped. */
	private void assertInert(Case hostile, Response response) {
		assertThat(response.status()).as("%s: %s", hostile.name(), response.body()).isEqualTo(201);
		long id = response.id();
		JsonNode stored = api.as("steward1").get("/api/needs/" + id).expect(200).json();
		assertThat(stored.path(hostile.field()).asText()).as(hostile.name()).isEqualTo(hostile.payload());
		PageSession steward = PageSession.signIn(port, "steward1");
		String html = steward.get("/needs/" + id).body();
		Document page = steward.page("/needs/" + id);
		if (hostile.payload().chars().anyMatch(c -> "<>&'\"".indexOf(c) >= 0)) {
			assertThat(page.text()).as("the page shows %s as text", hostile.name()).contains(hostile.payload());
		}
		else {
			// as it is, also characters an HTML reader would drop (zero-width)
			assertThat(html).as("the page shows %s as it is", hostile.name()).contains(hostile.payload());
		}
		if (hostile.payload().contains("<")) {
			assertThat(html).as("no markup of %s on the page", hostile.name()).doesNotContain(hostile.payload());
			assertThat(page.select("script:containsData(alert), img[onerror]")).isEmpty();
		}
	}

	// ---------------------------------------------------------------- fixtures, counts, the call

	private String resolve(String text) {
		String resolved = text;
		for (String name : List.of("need", "verifiedNeed", "project", "dispatch", "task")) {
			if (resolved.contains("{" + name + "}")) {
				resolved = resolved.replace("{" + name + "}", fixture(name));
			}
		}
		return resolved;
	}

	private String fixture(String name) {
		return FIXTURES.computeIfAbsent(name, key -> switch (key) {
			case "need" -> String.valueOf(api.reportedNeed("敌意输入"));
			case "verifiedNeed" -> String.valueOf(api.verifiedNeed("敌意输入"));
			case "project" -> String.valueOf(api.designedProject("ELDERLY_CARE",
					List.of(api.pooledNeed("敌意输入", "ELDERLY_CARE")), List.of("第一阶段")));
			case "dispatch" -> String.valueOf(api.as("party1").post("/api/dispatches", dispatchBody()).expect(201).id());
			case "task" -> tasks.createTaskQuery()
				.processInstanceId(api.need(Long.parseLong(fixture("need"))).path("processInstanceId").asText())
				.singleResult()
				.getId();
			default -> throw new IllegalArgumentException(key);
		});
	}

	/** The need or project a case aims at, as the manager reads it, or nothing. */
	private JsonNode subject(String path) {
		if (path.contains("{need}")) {
			return api.need(Long.parseLong(fixture("need")));
		}
		if (path.contains("{verifiedNeed}")) {
			return api.need(Long.parseLong(fixture("verifiedNeed")));
		}
		if (path.contains("{project}")) {
			return api.project(Long.parseLong(fixture("project")));
		}
		if (path.contains("{task}")) {
			return api.need(Long.parseLong(fixture("need")));
		}
		return MissingNode.getInstance();
	}

	/** The number of rows of every table, ours and the engine's. */
	private Map<String, Long> counts() {
		Map<String, Long> counts = new TreeMap<>();
		for (String table : jdbc.queryForList("select table_name from information_schema.tables"
				+ " where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'", String.class)) {
			if (!BACKGROUND_TABLES.contains(table.toUpperCase())) {
				counts.put(table, jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class));
			}
		}
		return counts;
	}

	private Response send(Case hostile, String path, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + path))
			.timeout(Duration.ofSeconds(120))
			.header("Accept", "application/json, application/problem+json")
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((hostile.user() + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8)));
		if (hostile.contentType() != null && body != null) {
			request.header("Content-Type", hostile.contentType());
		}
		byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
		HttpRequest.BodyPublisher publisher = bytes == null ? HttpRequest.BodyPublishers.noBody()
				: hostile.chunked() ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
						: HttpRequest.BodyPublishers.ofByteArray(bytes);
		request.method(hostile.method(), publisher);
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			JsonNode json;
			try {
				json = response.body().isBlank() ? MissingNode.getInstance() : JSON.readTree(response.body());
			}
			catch (IOException ex) {
				json = MissingNode.getInstance();
			}
			return new Response(hostile.method() + " " + path, response.statusCode(), response.headers(), response.body(),
					json);
		}
		catch (IOException ex) {
			throw new IllegalStateException(hostile.name(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String abbreviated(String text) {
		return text.length() > 500 ? text.substring(0, 500) + "…" : text;
	}

	// ---------------------------------------------------------------- bodies

	private static Case refused(String name, String needBody, int status) {
		return new Case(name, "resident1", "POST", "/api/needs", "application/json", needBody, false, Outcome.REFUSED,
				status, null, null);
	}

	private static Case accepted(String name, String field, String payload) {
		return new Case(name, "resident1", "POST", "/api/needs", "application/json", need(field, payload), false,
				Outcome.ACCEPTED, 201, field, payload);
	}

	private static Case post(String name, String user, String path, String body, int status) {
		return call(name, user, "POST", path, "application/json", body, status);
	}

	private static Case get(String name, String user, String path, int status) {
		return call(name, user, "GET", path, null, null, status);
	}

	private static Case call(String name, String user, String method, String path, String type, String body, int status) {
		return new Case(name, user, method, path, type, body, false, Outcome.REFUSED, status, null, null);
	}

	private static Case chunked(String name, String user, String path, String body, int status) {
		return new Case(name, user, "POST", path, "application/json", body, true, Outcome.REFUSED, status, null, null);
	}

	private static Case typed(String name, String type, String body, int status) {
		return new Case(name, "resident1", "POST", "/api/needs", type, body, false, Outcome.REFUSED, status, null, null);
	}

	private static Case engine(String name, String method, String path, String body, int status) {
		return new Case(name, "steward1", method, path, body == null ? null : "application/json", body, false,
				Outcome.REFUSED, status, null, null);
	}

	private static Map<String, Object> needBody() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("communityCode", "xingfu");
		body.put("gridCode", null);
		body.put("channel", "ONLINE");
		body.put("title", "敌意输入测试");
		body.put("description", "测试用的描述");
		body.put("reporterName", "测试居民");
		body.put("reporterPhone", "13800000000");
		body.put("householdCount", 1);
		return body;
	}

	private static String need(String field, Object value) {
		return with(needBody(), field, value);
	}

	/** A need body with one field written as raw JSON (a number JSON cannot carry in a map, a broken string). */
	private static String rawNeed(String field, String rawJson) {
		return raw(needBody(), field, rawJson);
	}

	private static Map<String, Object> projectBody() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("communityCode", "xingfu");
		body.put("title", "敌意输入项目");
		body.put("goal", "目标");
		body.put("plan", "计划");
		body.put("category", "ELDERLY_CARE");
		body.put("needIds", List.of(1));
		body.put("budgetYuan", 1000);
		body.put("householdCount", 10);
		body.put("publicAffairs", false);
		body.put("plannedEnd", LocalDate.now().plusMonths(3).toString());
		body.put("milestones", List.of("第一阶段"));
		return body;
	}

	private static String project(String field, Object value) {
		return with(projectBody(), field, value);
	}

	private static String rawProject(String field, String rawJson) {
		return raw(projectBody(), field, rawJson);
	}

	private static Map<String, Object> workItemBody() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("department", "市某局");
		body.put("title", "敌意输入事项");
		body.put("legalBasis", "某某办法");
		body.put("itemType", null);
		body.put("communityCodes", List.of("xingfu"));
		body.put("purchasedService", false);
		body.put("fundingYuan", null);
		return body;
	}

	private static String workItem(String field, Object value) {
		return with(workItemBody(), field, value);
	}

	private static String rawWorkItem(String field, String rawJson) {
		return raw(workItemBody(), field, rawJson);
	}

	private static String certificate(String field, Object value) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("communityCode", "xingfu");
		body.put("kind", "RESIDENCE");
		body.put("applicantName", "测试居民");
		body.put("applicantPhone", "13800000000");
		body.put("purpose", "办理入学");
		return with(body, field, value);
	}

	private static String consultation(String field, Object value) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("communityCode", "xingfu");
		body.put("topic", "敌意输入议题");
		body.put("topicType", "PUBLIC_SPACE");
		body.put("description", "描述");
		return with(body, field, value);
	}

	private static String registration(String field, Object value) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("communityCode", "xingfu");
		body.put("kind", "MEMBER");
		body.put("name", "测试党员");
		body.put("unit", "市某局");
		body.put("phone", "13800000000");
		body.put("skills", List.of("理发"));
		return with(body, field, value);
	}

	private static Map<String, Object> dispatchBody() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("communityCode", "xingfu");
		body.put("skill", "敌意输入技能");
		body.put("people", 1);
		body.put("at", Instant.now().plus(Duration.ofDays(2)).toString());
		return body;
	}

	private static String dispatch(String field, Object value) {
		return with(dispatchBody(), field, value);
	}

	private static String with(Map<String, Object> body, String field, Object value) {
		body.put(field, value);
		return json(body);
	}

	private static String raw(Map<String, Object> body, String field, String rawJson) {
		String marker = "RAW-" + field + "-RAW";
		body.put(field, marker);
		return json(body).replace("\"" + marker + "\"", rawJson);
	}

	private static String json(Object body) {
		try {
			return JSON.writeValueAsString(body);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
