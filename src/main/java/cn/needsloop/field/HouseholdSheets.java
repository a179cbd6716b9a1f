package cn.needsloop.field;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;

import cn.needsloop.shared.ProblemException;

/**
 * The household register as an .xlsx sheet, in the columns stewards keep (网格编码, 楼栋, 单元, 室, 村民小组, 门牌号,
 * 户主姓名, 联系电话, 关爱标签): the template, the export (in the same columns, so it can be corrected and imported
 * back) and the reading of an uploaded sheet, cell by cell as text.
 */
final class HouseholdSheets {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final List<String> COLUMNS = List.of("网格编码", "楼栋", "单元", "室", "村民小组", "门牌号", "户主姓名", "联系电话",
			"关爱标签");

	/** The most rows one sheet may have (a community has at most about 10,000 households). */
	static final int MAX_ROWS = 20_000;

	private HouseholdSheets() {
	}

	/** A row of an uploaded sheet: its number as the spreadsheet shows it (the header is row 1) and its cells. */
	record SheetRow(int number, List<String> cells) {

		String cell(int column) {
			return column < cells.size() ? cells.get(column) : "";
		}
	}

	static void template(OutputStream out) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
			Sheet sheet = header(workbook);
			row(sheet, 1, List.of("xingfu-01", "3", "2", "301", "", "", "王秀兰", "13800000011", "独居老人、低保"));
			row(sheet, 2, List.of("dongshan-01", "", "", "", "东山村一组", "12", "马大山", "", "留守儿童"));
			Sheet help = workbook.createSheet("说明");
			String[] lines = { "每户一行；城镇网格填写楼栋、单元（可空）、室，农村网格填写村民小组、门牌号，二者只填其一。",
					"户主姓名必填；联系电话可空；关爱标签可空，多个标签用顿号分隔。",
					"可用标签：" + String.join("、", CareTags.KNOWN) + "。",
					"同一网格内地址相同的户视为同一户：已在户籍册中的户更新户主、电话和标签。",
					"整表校验通过才导入；任何一行有误，整表不导入，并逐行说明原因。" };
			for (int i = 0; i < lines.length; i++) {
				help.createRow(i).createCell(0).setCellValue(lines[i]);
			}
			workbook.write(out);
		}
	}

	static void write(String communityCode, Households households, OutputStream out) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			Sheet sheet = header(workbook);
			int next = 1;
			int page = 0;
			Page<Household> found;
			do {
				found = households.findByCommunityCodeOrderByGridCodeAscAddressKeyAsc(communityCode, PageRequest.of(page++, 1000));
				for (Household h : found) {
					Address a = h.address();
					row(sheet, next++, java.util.Arrays.asList(h.getGridCode(), a.building(), a.unit(), a.room(),
							a.villagerGroup(), a.houseNo(), h.getHeadName(), h.getPhone(), h.getCareTags()));
				}
			}
			while (found.hasNext());
			workbook.write(out);
		}
	}

	private static Sheet header(SXSSFWorkbook workbook) {
		Sheet sheet = workbook.createSheet("户籍册");
		CellStyle bold = workbook.createCellStyle();
		Font font = workbook.createFont();
		font.setBold(true);
		bold.setFont(font);
		Row head = sheet.createRow(0);
		for (int i = 0; i < COLUMNS.size(); i++) {
			Cell cell = head.createCell(i);
			cell.setCellValue(COLUMNS.get(i));
			cell.setCellStyle(bold);
		}
		return sheet;
	}

	private static void row(Sheet sheet, int index, List<String> values) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.size(); i++) {
			if (values.get(i) != null && !values.get(i).isEmpty()) {
				row.createCell(i).setCellValue(values.get(i));
			}
		}
	}

	/**
	 * The rows of an uploaded sheet (the first sheet; empty rows left out), each cell as the text the spreadsheet
	 * shows. A file that is not an .xlsx workbook, or whose first row is not the template's header, is refused
	 * as a whole.
	 */
	static List<SheetRow> read(byte[] file) {
		if (file == null || file.length < 4 || file[0] != 'P' || file[1] != 'K') {
			throw ProblemException.badField("file", "problem.household.notXlsx");
		}
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter format = new DataFormatter(java.util.Locale.ROOT);
			List<SheetRow> rows = new ArrayList<>();
			Row head = sheet.getRow(0);
			List<String> header = new ArrayList<>();
			for (int i = 0; i < COLUMNS.size(); i++) {
				header.add(head == null ? "" : format.formatCellValue(head.getCell(i)).strip());
			}
			if (!header.equals(COLUMNS)) {
				throw ProblemException.badField("file", "problem.household.header", String.join("、", COLUMNS));
			}
			if (sheet.getLastRowNum() > MAX_ROWS) {
				throw ProblemException.badField("file", "problem.household.tooManyRows", MAX_ROWS);
			}
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				if (row == null) {
					continue;
				}
				List<String> cells = new ArrayList<>(COLUMNS.size());
				boolean empty = true;
				for (int i = 0; i < COLUMNS.size(); i++) {
					String text = format.formatCellValue(row.getCell(i)).strip();
					empty &= text.isEmpty();
					cells.add(text);
				}
				if (!empty) {
					rows.add(new SheetRow(r + 1, cells));
				}
			}
			return rows;
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof ProblemException problem) {
				throw problem;
			}
			throw ProblemException.badField("file", "problem.household.notXlsx");
		}
	}
}
