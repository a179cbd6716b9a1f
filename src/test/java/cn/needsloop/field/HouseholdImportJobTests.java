package cn.needsloop.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

import com.fasterxml.jackson.databind.JsonNode;

import cn.needsloop.shared.ProblemException;
import cn.needsloop.support.Api;
import cn.needsloop.support.ApiTest;

/**
 * An import of the household register is a job in the background, kept in the database: the upload answers at once
 * with where to follow it; whoever uploaded it, the community's stewards and managers follow it, nobody else; and a
 * job whose node died (its lease ran out, the sheet still there) is run again from the sheet by another node, once.
 * The end-to-end import and the sheet full of errors: {@link HouseholdControllerTests}.
 */
class HouseholdImportJobTests extends ApiTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	HouseholdImportJobs imports;

	@Value("${needsloop.households.import-max-size}")
	DataSize maxSize;

	private JsonNode imported(String user, byte[] sheet) {
		return HouseholdControllerTests.importFinished(api, user, sheet);
	}

	@Test
	void anImportIsFollowedByItsUploaderTheCommunitysStewardsAndManagersOnly() throws Exception {
		String b = "A" + Api.unique().substring(0, 6);
		JsonNode done = imported("steward1", HouseholdControllerTests.sheet(List.of(
				List.of("xingfu-01", b, "1", "101", "", "", "甲", "", ""))));
		assertThat(done.path("state").asText()).isEqualTo("IMPORTED");
		String status = "/api/households/imports/" + done.path("id").asText();
		for (String user : List.of("steward1", "manager1")) {
			assertThat(api.as(user).get(status).expect(200).path("created").asInt()).as(user).isEqualTo(1);
		}
		for (String user : List.of("steward2", "grid1", "party1", "resident1", "org1")) {
			api.as(user).get(status).expectProblem(403);
		}
		api.as("steward1").get("/api/households/imports/" + UUID.randomUUID()).expectProblem(404);
		// another community's steward may not import into this one either
		api.as("steward2").postBytes("/api/communities/xingfu/households/import", HouseholdSheets.XLSX,
				HouseholdControllerTests.sheet(List.of(List.of("xingfu-01", b, "1", "102", "", "", "乙", "", ""))))
			.expect(403);
		assertThat(jdbc.queryForObject("select count(*) from household where grid_code = 'xingfu-01' and building = ?",
				Integer.class, b)).isEqualTo(1);
	}

	/**
	 * One limit, {@code needsloop.households.import-max-size}: the upload's body limit (whether or not the body says its
	 * length) and the import's own check; a sheet over it is refused with a problem in the caller's language, and
	 * nothing is kept or imported.
	 */
	@Test
	void aSheetOverTheLimitIsRefusedAndNothingIsKept() throws Exception {
		int jobs = jdbc.queryForObject("select count(*) from household_import", Integer.class);
		int households = jdbc.queryForObject("select count(*) from household", Integer.class);
		byte[] sheet = new byte[(int) maxSize.toBytes() + 1];
		sheet[0] = 'P';
		sheet[1] = 'K';
		String path = "/api/communities/xingfu/households/import";

		Api.Response english = api.as("steward1").postBytes(path, HouseholdSheets.XLSX, sheet).expectProblem(413);
		assertThat(english.path("type").asText()).endsWith("/payload-too-large");
		assertThat(english.path("detail").asText()).isEqualTo("The register sheet is too large: at most "
				+ maxSize.toMegabytes() + " MB. Import it in parts (one grid at a time, for example).");
		Api.Response chinese = api.as("steward1").language("zh-CN").postBytes(path, HouseholdSheets.XLSX, sheet)
			.expectProblem(413);
		assertThat(chinese.path("title").asText()).isEqualTo("请求内容过大");
		assertThat(chinese.path("detail").asText()).startsWith("户籍册文件过大：最多 " + maxSize.toMegabytes() + " MB");

		// a body that does not say its length is stopped once it passes the limit, with the same answer
		HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base() + path))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("steward1:demo".getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", HouseholdSheets.XLSX)
			.header("Accept", "application/json, application/problem+json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(sheet)))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(chunked.statusCode()).isEqualTo(413);
		assertThat(chunked.body()).contains("The register sheet is too large");

		// the import checks the same limit (a form on the page carries the sheet with a little more)
		assertThatThrownBy(() -> imports.start("xingfu", "big.xlsx", sheet, GridPatrolProcessTests.STEWARD1, Locale.ENGLISH))
			.isInstanceOfSatisfying(ProblemException.class, problem -> {
				assertThat(problem.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
				assertThat(problem.messageKey()).isEqualTo("problem.household.tooLarge");
			});
		byte[] fits = java.util.Arrays.copyOf(sheet, sheet.length - 1);
		assertThat(imports.start("xingfu", "fits.xlsx", fits, GridPatrolProcessTests.STEWARD1, Locale.ENGLISH).id())
			.as("a sheet of exactly the limit is taken").isNotBlank();
		assertThat(jdbc.queryForObject("select count(*) from household_import", Integer.class))
			.as("only the sheet within the limit was kept").isEqualTo(jobs + 1);
		assertThat(jdbc.queryForObject("select count(*) from household", Integer.class)).isEqualTo(households);
	}

	@Test
	void anImportWhoseNodeDiedIsRunAgainFromTheSheetByAnotherNode() throws Exception {
		String b = "K" + Api.unique().substring(0, 6);
		byte[] sheet = HouseholdControllerTests.sheet(List.of(List.of("xingfu-01", b, "1", "101", "", "", "甲", "", "独居老人"),
				List.of("xingfu-02", b, "1", "102", "", "", "乙", "", "")));
		// a node took the upload, checked one row and died: its lease has run out, nothing of the register written
		String job = UUID.randomUUID().toString();
		jdbc.update("insert into household_import (id, community_code, uploaded_by, locale, file_name, sheet, state, phase,"
				+ " total_rows, checked_rows, written_rows, created_count, updated_count, refused_count, created_at, lease_owner,"
				+ " lease_until_ms, runs) values (?, 'xingfu', 'steward1', 'zh-CN', 'a.xlsx', ?, 'RUNNING', 'CHECKING', 2, 1,"
				+ " 0, 0, 0, 0, ?, 'dead-node/1', ?, 1)", job, sheet, Timestamp.from(Instant.now()),
				System.currentTimeMillis() - 1000);
		JsonNode before = api.as("steward1").get("/api/households/imports/" + job).expect(200).json();
		assertThat(before.path("state").asText()).isEqualTo("RUNNING");
		assertThat(before.path("checked").asInt()).isEqualTo(1);

		imports.takeOverAbandoned();
		JsonNode after = register(job);
		assertThat(after.path("state").asText()).isEqualTo("IMPORTED");
		assertThat(after.path("created").asInt()).isEqualTo(2);
		assertThat(after.path("runs").asInt()).isEqualTo(2);
		assertThat(jdbc.queryForObject("select count(*) from household where building = ?", Integer.class, b)).isEqualTo(2);
		assertThat(jdbc.queryForObject("select count(*) from household_import where id = ? and sheet is null", Integer.class,
				job)).as("the sheet is let go once imported").isEqualTo(1);
		// a finished import is nobody's to take up again
		imports.takeOverAbandoned();
		assertThat(api.as("steward1").get("/api/households/imports/" + job).expect(200).path("runs").asInt()).isEqualTo(2);
		assertThat(jdbc.queryForObject("select count(*) from household where building = ?", Integer.class, b)).isEqualTo(2);
	}

	@Test
	void anImportWhoseNodeIsAliveIsLeftToIt() throws Exception {
		String job = UUID.randomUUID().toString();
		jdbc.update("insert into household_import (id, community_code, uploaded_by, locale, file_name, sheet, state, phase,"
				+ " total_rows, checked_rows, written_rows, created_count, updated_count, refused_count, created_at, lease_owner,"
				+ " lease_until_ms, runs) values (?, 'xingfu', 'steward1', 'zh-CN', 'a.xlsx', ?, 'RUNNING', 'CHECKING', 2, 1,"
				+ " 0, 0, 0, 0, ?, 'other-node/1', ?, 1)", job, HouseholdControllerTests.sheet(List.of()),
				Timestamp.from(Instant.now()), System.currentTimeMillis() + 600_000);
		imports.takeOverAbandoned();
		assertThat(jdbc.queryForObject("select lease_owner from household_import where id = ?", String.class, job))
			.isEqualTo("other-node/1");
		assertThat(api.as("steward1").get("/api/households/imports/" + job).expect(200).path("runs").asInt()).isEqualTo(1);
		jdbc.update("delete from household_import where id = ?", job);
	}

	private JsonNode register(String job) {
		return HouseholdControllerTests.await(api, "steward1", "/api/households/imports/" + job);
	}
}
