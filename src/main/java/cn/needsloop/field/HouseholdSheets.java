package cn.needsloop.field;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;

import cn.needsloop.shared.ProblemException;

/**
 * The household register as an .xlsx sheet, in the columns stewards keep (网格编码, 楼栋, 单元, 室, 村民小组, 门牌号,
 * 户主姓名, 联系电话, 关爱标签): the template, the export (in the same columns, so it can be corrected and imported
 * back) and the reading of an uploaded sheet, cell by cell as text. The template and the export are worded in the
 * reader's language ({@code household.sheet.*}); an uploaded sheet's header row may be in Chinese (the stewards'
 * own sheets) or in English.
 */
final class HouseholdSheets {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** The message keys of the columns' headers, in the sheet's order. */
	static final List<String> COLUMNS = List.of("gridCode", "building", "unit", "room", "villagerGroup", "houseNo",
			"headName", "phone", "careTags");

	/** The languages an uploaded sheet's header row may be written in. */
	static final List<Locale> HEADER_LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

	/** The most rows one sheet may have (a community has at most about 10,000 households). */
	static final int MAX_ROWS = 20_000;

	private HouseholdSheets() {
	}

	/** The columns' headers in {@code locale}. */
	static List<String> columns(MessageSource messages, Locale locale) {
		return COLUMNS.stream().map(c -> messages.getMessage("household.sheet.column." + c, null, locale)).toList();
	}

	/**
	 * A row of an uploaded sheet: its number as the spreadsheet shows it (the header is row 1), its cells and the
	 * sheet's header (in the language it was written in, to name a column the way the sheet does).
	 */
	record SheetRow(int number, List<String> cells, List<String> header) {

		String column(int column) {
			return column < header.size() ? header.get(column) : "";
		}

		String cell(int column) {
			return column < cells.size() ? cells.get(column) : "";
		}
	}

	/** The import template in {@code locale}: the header, two example rows and a sheet of help. */
	static void template(OutputStream out, MessageSource messages, Locale locale) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
			Sheet sheet = header(workbook, messages, locale);
			// care tags stay as the register keeps them (CareTags.KNOWN), in any language
			row(sheet, 1, List.of("xingfu-01", "3", "2", "301", "", "",
					messages.getMessage("household.sheet.example.urbanHead", null, locale), "13800000011",
					CareTags.format(List.of(CareTags.KNOWN.get(0), CareTags.KNOWN.get(5)))));
			row(sheet, 2, List.of("dongshan-01", "", "", "", messages.getMessage("household.sheet.example.villagerGroup", null,
					locale), "12", messages.getMessage("household.sheet.example.ruralHead", null, locale), "",
					CareTags.KNOWN.get(3)));
			Sheet help = workbook.createSheet(messages.getMessage("household.sheet.help.name", null, locale));
			for (int i = 0; i < 5; i++) {
				Object[] args = { CareTags.format(CareTags.KNOWN) };
				help.createRow(i).createCell(0).setCellValue(messages.getMessage("household.sheet.help." + (i + 1), args, locale));
			}
			workbook.write(out);
		}
	}

	/** The community's register in the template's columns, headed in {@code locale}. */
	static void write(String communityCode, Households households, OutputStream out, MessageSource messages, Locale locale)
			throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			Sheet sheet = header(workbook, messages, locale);
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

	private static Sheet header(SXSSFWorkbook workbook, MessageSource messages, Locale locale) {
		Sheet sheet = workbook.createSheet(messages.getMessage("household.sheet.name", null, locale));
		List<String> columns = columns(messages, locale);
		CellStyle bold = workbook.createCellStyle();
		Font font = workbook.createFont();
		font.setBold(true);
		bold.setFont(font);
		Row head = sheet.createRow(0);
		for (int i = 0; i < columns.size(); i++) {
			Cell cell = head.createCell(i);
			cell.setCellValue(columns.get(i));
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
	 * shows. A file that is not an .xlsx workbook, or whose first row is not the template's header (in Chinese or in
	 * English), is refused as a whole; the header the refusal asks for is given in {@code locale}.
	 */
	static List<SheetRow> read(byte[] file, MessageSource messages, Locale locale) {
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
			if (HEADER_LANGUAGES.stream().noneMatch(language -> header.equals(columns(messages, language)))) {
				throw ProblemException.badField("file", "problem.household.header",
						messages.getMessage("household.sheet.header", columns(messages, locale).toArray(), locale));
			}
			List<String> named = List.copyOf(header);
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
					rows.add(new SheetRow(r + 1, cells, named));
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
