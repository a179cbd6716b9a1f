package cn.needsloop.kpi;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a list as an .xlsx workbook with Apache POI's streaming SXSSF: only a window of rows stays
 * in memory, so a list of any length can be exported.
 */
final class Workbooks {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private Workbooks() {
	}

	/** A sheet being written: call {@link #row} for each row after the header. */
	static final class SheetWriter {

		private final SXSSFSheet sheet;

		private int next = 1;

		SheetWriter(SXSSFSheet sheet) {
			this.sheet = sheet;
		}

		void row(List<?> values) {
			Row row = sheet.createRow(next++);
			for (int i = 0; i < values.size(); i++) {
				Object value = values.get(i);
				Cell cell = row.createCell(i);
				if (value instanceof Number n) {
					cell.setCellValue(n.doubleValue());
				}
				else if (value != null) {
					cell.setCellValue(value.toString());
				}
			}
		}
	}

	static void write(String sheetName, List<String> header, Consumer<SheetWriter> rows, OutputStream out)
			throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			SXSSFSheet sheet = workbook.createSheet(sheetName);
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			Row head = sheet.createRow(0);
			for (int i = 0; i < header.size(); i++) {
				Cell cell = head.createCell(i);
				cell.setCellValue(header.get(i));
				cell.setCellStyle(bold);
				sheet.setColumnWidth(i, 18 * 256);
			}
			sheet.createFreezePane(0, 1);
			rows.accept(new SheetWriter(sheet));
			workbook.write(out);
		}
	}
}
