package cn.needsloop.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.needsloop.support.Api;
import cn.needsloop.support.ApiTest;

/**
 * The household register over HTTP: entering, reading (full or masked, every look logged), the .xlsx template,
 * import (all or nothing, a sheet full of errors refused row by row), export, grid workers, and a need reported
 * about a household or a place.
 */
class HouseholdControllerTests extends ApiTest {

	@Autowired
	HouseholdViewLog viewLog;

	@Autowired
	Households households;

	@Autowired
	MessageSource messages;

	/** The header row of the stewards' own sheets, in Chinese. */
	static final List<String> CHINESE_HEADER = List.of("网格编码", "楼栋", "单元", "室", "村民小组", "门牌号", "户主姓名", "联系电话",
			"关爱标签");

	private final ObjectMapper json = new ObjectMapper();

	record Answer(int status, byte[] body, String contentType, String disposition) {

		JsonNode json() throws IOException {
			return new ObjectMapper().readTree(body);
		}
	}

	private Answer send(String user, String method, String path, byte[] body, String type) throws Exception {
		return send(user, method, path, body, type, "zh-CN");
	}

	private Answer send(String user, String method, String path, byte[] body, String type, String language)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + path))
			.header("Accept-Language", language)
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
			.header("Accept", "application/json, application/problem+json, " + HouseholdSheets.XLSX);
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
		}
		HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""),
				java.net.URLDecoder.decode(response.headers().firstValue("Content-Disposition").orElse(""),
						StandardCharsets.UTF_8));
	}

	/** A sheet headed in Chinese, as the stewards keep theirs. */
	static byte[] sheet(List<List<String>> rows) throws IOException {
		return sheet(CHINESE_HEADER, rows);
	}

	static byte[] sheet(List<String> header, List<List<String>> rows) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("户籍册");
			List<List<String>> all = new ArrayList<>();
			all.add(header);
			all.addAll(rows);
			for (int r = 0; r < all.size(); r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < all.get(r).size(); c++) {
					if (!all.get(r).get(c).isEmpty()) {
						row.createCell(c).setCellValue(all.get(r).get(c));
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	/**
	 * Uploads a sheet as {@code user}: 202 at once with the address of the import's status, polled until the job in the
	 * background has finished; its status then.
	 */
	JsonNode importFinished(String user, byte[] sheet) {
		return importFinished(api, user, sheet);
	}

	static JsonNode importFinished(Api api, String user, byte[] sheet) {
		Api.Response started = api.as(user).postBytes("/api/communities/xingfu/households/import", HouseholdSheets.XLSX, sheet)
			.expect(202);
		String location = started.header("Location");
		assertThat(location).isEqualTo("/api/households/imports/" + started.path("id").asText());
		assertThat(started.path("state").asText()).isEqualTo("RUNNING");
		return await(api, user, location);
	}

	/** Polls an import's status until its job has finished; its status then. */
	static JsonNode await(Api api, String user, String location) {
		JsonNode[] status = new JsonNode[1];
		org.awaitility.Awaitility.await("import " + location).atMost(java.time.Duration.ofSeconds(120))
			.pollInterval(java.time.Duration.ofMillis(100))
			.until(() -> {
				status[0] = api.as(user).get(location).expect(200).json();
				return !status[0].path("state").asText().equals("RUNNING");
			});
		return status[0];
	}

	private Map<String, Object> household(String building, String room, String tags) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("gridCode", "xingfu-01");
		body.put("building", building);
		body.put("unit", "1");
		body.put("room", room);
		body.put("headName", "测试户主");
		body.put("phone", "13812345678");
		body.put("careTags", tags);
		return body;
	}

	@Test
	void aHouseholdIsSeenInFullByItsGridWorkersStewardsAndManagersMaskedByOtherStaffAndEveryLookIsLogged() {
		String building = "T" + Api.unique().substring(0, 6);
		Api.Response created = api.as("steward1").post("/api/communities/xingfu/households", household(building, "101", "独居老人、低保"))
			.expect(201);
		long id = created.id();
		assertThat(created.path("visitIntervalDays").asInt()).isEqualTo(7);
		assertThat(created.path("visitKind").asText()).isEqualTo("HOME");
		for (String user : List.of("grid1", "steward1", "manager1")) {
			Api.Response seen = api.as(user).get("/api/households/" + id).expect(200);
			assertThat(seen.path("phone").asText()).as(user).isEqualTo("13812345678");
			assertThat(seen.path("careTags").toString()).as(user).contains("独居老人", "低保");
		}
		for (String user : List.of("grid2", "party1", "selfgov1")) {
			Api.Response masked = api.as(user).get("/api/households/" + id).expect(200);
			assertThat(masked.path("phone").asText()).as(user).isEqualTo("138****5678");
			assertThat(masked.path("headName").asText()).as(user).isEqualTo("测**");
			assertThat(masked.path("careTags").size()).as(user).isZero();
			assertThat(masked.path("disclosed").asBoolean()).isFalse();
		}
		api.as("resident1").get("/api/households/" + id).expectProblem(403);
		api.as("grid3").get("/api/households/" + id).expectProblem(403);
		assertThat(viewLog.findByHouseholdIdOrderByIdAsc(id)).extracting(HouseholdViewEntry::getViewedBy)
			.containsExactly("steward1", "grid1", "steward1", "manager1", "grid2", "party1", "selfgov1");
		assertThat(viewLog.findByHouseholdIdOrderByIdAsc(id)).extracting(HouseholdViewEntry::getWhat)
			.containsExactly("SAVE", "RECORD", "RECORD", "RECORD", "RECORD_MASKED", "RECORD_MASKED", "RECORD_MASKED");
	}

	@Test
	void onlyTheCommunitysStewardOrAManagerKeepsTheRegister() {
		api.as("steward2").post("/api/communities/xingfu/households", household("X1", "101", null)).expectProblem(403);
		api.as("grid1").post("/api/communities/xingfu/households", household("X1", "101", null)).expectProblem(403);
		Map<String, Object> both = household("X1", "101", null);
		both.put("villagerGroup", "一组");
		assertThat(api.as("steward1").post("/api/communities/xingfu/households", both).expectProblem(400).errorFields())
			.containsExactly("villagerGroup");
		assertThat(api.as("steward1").post("/api/communities/xingfu/households", household("X1", "101", "富豪"))
			.expectProblem(400).errorFields()).containsExactly("careTags");
	}

	@Test
	void theTemplateImportsAndTheExportGivesTheRegisterBackInTheSameColumns() throws Exception {
		Answer template = send("steward1", "GET", "/api/communities/xingfu/households/template", null, null);
		assertThat(template.status()).isEqualTo(200);
		assertThat(template.contentType()).startsWith(HouseholdSheets.XLSX);
		assertThat(template.disposition()).contains(".xlsx");
		List<HouseholdSheets.SheetRow> examples = HouseholdSheets.read(template.body(), messages, Locale.SIMPLIFIED_CHINESE);
		assertThat(examples).as("the template's example rows read back").hasSize(2);
		assertThat(examples.get(0).header()).as("headed in the reader's language").isEqualTo(CHINESE_HEADER);

		String b = "I" + Api.unique().substring(0, 6);
		byte[] good = sheet(List.of(List.of("xingfu-01", b, "1", "101", "", "", "甲", "13800000101", "独居老人"),
				List.of("xingfu-02", b, "", "102", "", "", "乙", "", ""),
				List.of("xingfu-02", b, "2", "201", "", "", "丙", "0535-1234567", "空巢，军属")));
		JsonNode imported = importFinished("steward1", good);
		assertThat(imported.path("state").asText()).isEqualTo("IMPORTED");
		assertThat(imported.path("phase").asText()).isEqualTo("DONE");
		assertThat(imported.path("created").asInt()).isEqualTo(3);
		assertThat(imported.path("updated").asInt()).isZero();
		assertThat(imported.path("total").asInt()).isEqualTo(3);
		assertThat(imported.path("checked").asInt()).isEqualTo(3);
		assertThat(imported.path("percent").asInt()).isEqualTo(100);
		assertThat(imported.path("refused").size()).isZero();

		// the same sheet again, with a corrected phone: updated, not doubled
		byte[] again = sheet(List.of(List.of("xingfu-01", b, "1", "101", "", "", "甲", "13800000199", "独居老人")));
		JsonNode updated = importFinished("steward1", again);
		assertThat(updated.path("updated").asInt()).isEqualTo(1);
		assertThat(updated.path("created").asInt()).isZero();

		Answer export = send("steward1", "GET", "/api/communities/xingfu/households/export", null, null);
		assertThat(export.status()).isEqualTo(200);
		List<HouseholdSheets.SheetRow> rows = HouseholdSheets.read(export.body(), messages, Locale.SIMPLIFIED_CHINESE);
		assertThat(rows.get(0).header()).isEqualTo(CHINESE_HEADER);
		assertThat(rows).anySatisfy(r -> assertThat(r.cells()).containsExactly("xingfu-01", b, "1", "101", "", "", "甲",
				"13800000199", "独居老人"));
		assertThat(rows).anySatisfy(r -> assertThat(r.cells()).containsExactly("xingfu-02", b, "2", "201", "", "", "丙",
				"0535-1234567", "空巢、军属"));
		assertThat(rows).noneSatisfy(r -> assertThat(r.cell(0)).startsWith("dongshan"));

		assertThat(send("grid1", "GET", "/api/communities/xingfu/households/export", null, null).status()).isEqualTo(403);
		assertThat(send("steward2", "POST", "/api/communities/xingfu/households/import", good, HouseholdSheets.XLSX).status())
			.isEqualTo(403);
	}

	@Test
	void anEnglishReaderGetsTheTemplateAndTheExportInEnglishAndASheetHeadedInEitherLanguageImports() throws Exception {
		List<String> english = List.of("Grid code", "Building", "Unit", "Room", "Villager group", "House number",
				"Head of household", "Phone", "Care tags");
		Answer template = send("steward1", "GET", "/api/communities/xingfu/households/template", null, null, "en");
		assertThat(template.status()).isEqualTo(200);
		assertThat(template.disposition()).contains("household-register-template.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.body()))) {
			assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("Household register");
			assertThat(workbook.getSheetAt(1).getRow(2).getCell(0).getStringCellValue()).contains("独居老人");
		}
		List<HouseholdSheets.SheetRow> examples = HouseholdSheets.read(template.body(), messages, Locale.ENGLISH);
		assertThat(examples).hasSize(2);
		assertThat(examples.get(0).header()).isEqualTo(english);
		assertThat(examples.get(0).cell(8)).as("care tags as the register keeps them").isEqualTo("独居老人、低保");

		Answer export = send("steward1", "GET", "/api/communities/xingfu/households/export", null, null, "en");
		assertThat(export.status()).isEqualTo(200);
		assertThat(export.disposition()).contains("household-register-xingfu.xlsx");
		assertThat(HouseholdSheets.read(export.body(), messages, Locale.ENGLISH).get(0).header()).isEqualTo(english);

		// a sheet headed in English imports, and its refusals name the columns as the sheet does
		String b = "L" + Api.unique().substring(0, 6);
		JsonNode imported = importFinished("steward1", sheet(english,
				List.of(List.of("xingfu-01", b, "1", "101", "", "", "甲", "", "独居老人"))));
		assertThat(imported.path("state").asText()).isEqualTo("IMPORTED");
		assertThat(imported.path("created").asInt()).isEqualTo(1);
		JsonNode refused = importFinished("steward1", sheet(english,
				List.of(List.of("xingfu-01", b, "1", "", "", "", "乙", "", ""))));
		assertThat(refused.path("state").asText()).isEqualTo("REFUSED");
		assertThat(refused.path("refused").get(0).path("column").asText()).isEqualTo("Room");
	}

	@Test
	void aSheetFullOfErrorsIsRefusedRowByRowAndNothingIsImported() throws Exception {
		long before = households.count();
		String b = "E" + Api.unique().substring(0, 6);
		byte[] bad = sheet(List.of(
				List.of("xingfu-01", b, "1", "101", "", "", "好的一户", "13800000001", ""),      // row 2: fine
				List.of("", b, "1", "102", "", "", "无网格", "", ""),                          // row 3: no grid
				List.of("dongshan-01", b, "1", "103", "", "", "别村网格", "", ""),              // row 4: another community's grid
				List.of("xingfu-01", b, "1", "", "", "", "缺室号", "", ""),                     // row 5: no room
				List.of("xingfu-01", b, "1", "106", "一组", "6", "两种地址", "", ""),             // row 6: both addresses
				List.of("xingfu-01", "", "", "", "", "", "没有地址", "", ""),                    // row 7: no address
				List.of("xingfu-01", b, "1", "108", "", "", "", "", ""),                      // row 8: no head
				List.of("xingfu-01", b, "1", "109", "", "", "坏电话", "电话号码", ""),              // row 9: bad phone
				List.of("xingfu-01", b, "1", "110", "", "", "怪标签", "", "独居老人、富豪"),         // row 10: unknown tag
				List.of("xingfu-01", b, "1", "101", "", "", "重复", "", ""),                    // row 11: same as row 2
				List.of("xingfu-01", b, "1", "112", "", "", "名字太长".repeat(13), "", "")));      // row 12: head too long
		JsonNode problem = importFinished("steward1", bad);
		assertThat(problem.path("state").asText()).isEqualTo("REFUSED");
		assertThat(problem.path("total").asInt()).isEqualTo(11);
		assertThat(problem.path("checked").asInt()).isEqualTo(11);
		assertThat(problem.path("refusedCount").asInt()).isEqualTo(10);
		assertThat(problem.path("created").asInt()).isZero();
		List<String> where = new ArrayList<>();
		problem.path("refused").forEach(r -> where.add(r.path("row").asInt() + ":" + r.path("column").asText()));
		assertThat(where).containsExactly("3:网格编码", "4:网格编码", "5:室", "6:村民小组", "7:楼栋", "8:户主姓名", "9:联系电话",
				"10:关爱标签", "11:楼栋", "12:户主姓名");
		problem.path("refused").forEach(r -> assertThat(r.path("reason").asText()).isNotBlank());
		assertThat(problem.path("refused").get(7).path("reason").asText()).contains("富豪");
		assertThat(problem.path("refused").get(8).path("reason").asText()).contains("2");
		assertThat(households.count()).as("nothing half-imported, not even the good row").isEqualTo(before);
	}

	@Test
	void aFileThatIsNotTheTemplatesWorkbookIsRefusedAsAWhole() throws Exception {
		// not even a zip archive: refused at once, no job
		Answer png = send("steward1", "POST", "/api/communities/xingfu/households/import",
				new byte[] { (byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4 }, HouseholdSheets.XLSX);
		assertThat(png.status()).isEqualTo(400);
		// a broken workbook, or one without the template's header: the job refuses it as a whole, at row 1
		JsonNode corrupt = importFinished("steward1", new byte[] { 'P', 'K', 3, 4, 0, 0, 0, 0, 9, 9 });
		assertThat(corrupt.path("state").asText()).isEqualTo("REFUSED");
		assertThat(corrupt.path("refused").get(0).path("row").asInt()).isEqualTo(1);
		assertThat(corrupt.path("refused").get(0).path("reason").asText()).contains(".xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			workbook.createSheet("x").createRow(0).createCell(0).setCellValue("姓名");
			workbook.write(out);
			JsonNode header = importFinished("steward1", out.toByteArray());
			assertThat(header.path("state").asText()).isEqualTo("REFUSED");
			assertThat(header.path("refusedCount").asInt()).isEqualTo(1);
			assertThat(header.path("refused").get(0).path("reason").asText()).as("the header asked for, in the uploader's language")
				.contains("Grid code, Building");
		}
	}

	@Test
	void aNeedReportedAboutAHouseholdGetsItsGridAndAPlaceIsKeptInWords() {
		String building = "N" + Api.unique().substring(0, 6);
		long household = api.as("steward1").post("/api/communities/xingfu/households", household(building, "301", null))
			.expect(201).id();
		Map<String, Object> body = Api.needBody("xingfu", "楼道灯坏了 " + Api.unique(), "楼道灯不亮", 1);
		body.put("householdId", household);
		long need = api.as("steward1").post("/api/needs", body).expect(201).id();
		assertThat(api.as("steward1").get("/api/needs/" + need).path("gridCode").asText()).isEqualTo("xingfu-01");
		assertThat(api.as("steward1").get("/api/needs/" + need).path("householdId").asLong()).isEqualTo(household);

		Map<String, Object> elsewhere = Api.needBody("dongshan", "别村的户 " + Api.unique(), "描述", 1);
		elsewhere.put("householdId", household);
		assertThat(api.as("resident1").post("/api/needs", elsewhere).expectProblem(400).errorFields())
			.containsExactly("householdId");

		Map<String, Object> place = Api.needBody("xingfu", "路灯不亮 " + Api.unique(), "3号楼东侧路灯不亮", 1);
		place.put("place", "3号楼东侧路灯");
		assertThat(api.as("resident1").post("/api/needs", place).expect(201).path("place").asText()).isEqualTo("3号楼东侧路灯");
	}

	@Test
	void theCommunitysStewardAddsGridWorkers() {
		api.as("steward1").post("/api/grids/xingfu-01/members", Map.of("userId", "grid1")).expect(201);
		assertThat(api.as("steward1").get("/api/grids/xingfu-01/members").json().toString()).contains("grid1", "孙丽");
		api.as("steward2").post("/api/grids/xingfu-01/members", Map.of("userId", "grid3")).expectProblem(403);
		assertThat(api.as("steward1").post("/api/grids/xingfu-01/members", Map.of("userId", "nobody-here"))
			.expectProblem(400).errorFields()).containsExactly("userId");
		api.as("resident1").get("/api/grids/xingfu-01/members").expectProblem(403);
	}
}
