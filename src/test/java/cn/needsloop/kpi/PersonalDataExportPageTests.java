package cn.needsloop.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.needsloop.support.Api;
import cn.needsloop.support.ApiTest;
import cn.needsloop.support.PageSession;
import cn.needsloop.support.PageSession.Page;

/**
 * The needs export (.xlsx) a manager downloads from the drill-down: a file leaves the system, so the reporter's
 * name and phone number are in it masked ({@code 刘**}, {@code 138****0001}), never in full.
 */
class PersonalDataExportPageTests extends ApiTest {

	@Autowired
	ExportJobs exports;

	@Test
	void needsExportMasksTheReportersNameAndPhone() throws Exception {
		Map<String, Object> body = Api.needBody("xingfu", "楼道灯坏了 " + Api.unique(), "3号楼2单元楼道灯不亮", 1);
		body.put("reporterName", "刘秀英");
		body.put("reporterPhone", "13800000001");
		long id = api.as("resident1").post("/api/needs", body).expect(201).id();

		PageSession manager = PageSession.signIn(Integer.parseInt(api.base().replaceAll(".*:", "")), "manager1");
		manager.page("/manager/needs?communityCode=xingfu");
		Page started = manager.post("/manager/exports/needs", List.of(Map.entry("communityCode", "xingfu")),
				"application/json");
		assertThat(started.status()).as(started.body()).isEqualTo(200);
		String job = new ObjectMapper().readTree(started.body()).path("id").asText();
		assertThat(exports.find(job, "manager1").orElseThrow().awaitFinished(Duration.ofMinutes(2))).isTrue();

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(manager.bytes("/manager/exports/" + job + "/file")))) {
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter format = new DataFormatter();
			List<String> header = new ArrayList<>();
			sheet.getRow(0).forEach(cell -> header.add(format.formatCellValue(cell)));
			int reporter = header.indexOf("上报人（已遮盖）");
			int phone = header.indexOf("上报人电话（已遮盖）");
			assertThat(reporter).as("columns %s", header).isNotNegative();
			assertThat(phone).as("columns %s", header).isNotNegative();
			Row mine = null;
			List<String> cells = new ArrayList<>();
			for (Row row : sheet) {
				if (row.getRowNum() > 0 && (long) row.getCell(0).getNumericCellValue() == id) {
					mine = row;
				}
				for (Cell cell : row) {
					cells.add(format.formatCellValue(cell));
				}
			}
			assertThat(mine).as("need %s in the export", id).isNotNull();
			assertThat(format.formatCellValue(mine.getCell(reporter))).isEqualTo("刘**");
			assertThat(format.formatCellValue(mine.getCell(phone))).isEqualTo("138****0001");
			assertThat(cells).noneMatch(text -> text.contains("13800000001") || text.contains("刘秀英"));
		}
	}
}
