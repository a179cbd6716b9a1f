package cn.needsloop.field;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import cn.needsloop.community.Grid;
import cn.needsloop.community.Grids;
import cn.needsloop.field.HouseholdSheets.SheetRow;
import cn.needsloop.process.TimeLimits;

/**
 * The check and the writing of a steward's .xlsx sheet into the community's register, all or nothing (run as a job
 * in the background by {@link HouseholdImportJobs}): every row is checked first, and if any row is refused nothing
 * is written and the report says, row by row and column by column, what was refused and why. Otherwise each row adds a household, or updates the household already at that address of the grid
 * (head, phone, care tags and so the visit frequency). New households are written 500 to a statement, updates in JDBC batches of 500; each distinct set of care
 * tags is decided once by {@code visitFrequency.dmn}.
 */
@Service
public class HouseholdImport {

	/** One refused cell: its row (as the spreadsheet numbers it), its column's header, the value and why. */
	public record Refusal(int row, String column, String value, String reason) implements java.io.Serializable {
	}

	/**
	 * What an import did: rows read, households added and updated; or, when refused, every refusal (kept with the
	 * import's job as JSON).
	 */
	public record Report(boolean imported, int rows, int created, int updated, List<Refusal> refused)
			implements java.io.Serializable {
	}

	private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("^[0-9+\\- ]{5,30}$");

	private static final int[] MAX = { 32, 32, 16, 16, 32, 16, 50, 30, 200 };

	private final Grids grids;

	private final VisitFrequency frequency;

	private final JdbcTemplate jdbc;

	private final MessageSource messages;

	HouseholdImport(Grids grids, VisitFrequency frequency, JdbcTemplate jdbc,
			MessageSource messages) {
		this.grids = grids;
		this.frequency = frequency;
		this.jdbc = jdbc;
		this.messages = messages;
	}

	record Checked(SheetRow row, Grid grid, Address address, String head, String phone, List<String> tags) {
	}

	/** What the check of a sheet found: the rows to write, or (when any is refused) every refusal. */
	record Outcome(int rows, List<Checked> checked, List<Refusal> refused) {
	}

	/** Told after each row checked (to show progress). */
	interface Progress {

		void checked(int rows);
	}

	/**
	 * Checks every row of a sheet of the community (nothing is written), its reasons in {@code locale}; {@code progress}
	 * is told after each row.
	 */
	Outcome check(String communityCode, List<SheetRow> rows, Locale locale, Progress progress) {
		Map<String, Grid> communityGrids = new HashMap<>();
		grids.findAll().stream().filter(g -> g.getCommunityCode().equals(communityCode))
			.forEach(g -> communityGrids.put(g.getCode(), g));
		List<Refusal> refused = new ArrayList<>();
		List<Checked> checked = new ArrayList<>(rows.size());
		Map<String, Integer> seen = new HashMap<>();
		int done = 0;
		for (SheetRow row : rows) {
			Checked one = check(row, communityGrids, refused, locale);
			if (one != null) {
				Integer first = seen.putIfAbsent(one.grid().getCode() + "#" + one.address().key(), row.number());
				if (first != null) {
					refuse(refused, row, 1, locale, "import.address.duplicate", first);
				}
				else {
					checked.add(one);
				}
			}
			progress.checked(++done);
		}
		if (rows.isEmpty()) {
			refused.add(new Refusal(2, "", "", text(locale, "import.empty")));
		}
		return new Outcome(rows.size(), refused.isEmpty() ? checked : List.of(), refused);
	}

	/** A sheet refused as a whole (not a workbook, not the template's header, too many rows): one refusal, row 1. */
	Refusal refusedAsAWhole(String key, Object[] args, Locale locale) {
		return new Refusal(1, "", "", text(locale, key, args));
	}

	private Checked check(SheetRow row, Map<String, Grid> communityGrids, List<Refusal> refused, Locale locale) {
		int before = refused.size();
		for (int i = 0; i < MAX.length; i++) {
			if (row.cell(i).length() > MAX[i]) {
				refuse(refused, row, i, locale, "import.tooLong", MAX[i]);
			}
		}
		String gridCode = row.cell(0);
		Grid grid = null;
		if (gridCode.isEmpty()) {
			refuse(refused, row, 0, locale, "import.grid.missing");
		}
		else {
			grid = communityGrids.get(gridCode);
			if (grid == null) {
				refuse(refused, row, 0, locale, "import.grid.unknown", gridCode);
			}
		}
		String building = row.cell(1);
		String group = row.cell(4);
		Address address = null;
		if (!building.isEmpty() && !group.isEmpty()) {
			refuse(refused, row, 4, locale, "import.address.both");
		}
		else if (!building.isEmpty()) {
			if (row.cell(3).isEmpty()) {
				refuse(refused, row, 3, locale, "import.room.missing");
			}
			else {
				address = new Address(building, row.cell(2).isEmpty() ? null : row.cell(2), row.cell(3), null, null);
			}
		}
		else if (!group.isEmpty()) {
			if (row.cell(5).isEmpty()) {
				refuse(refused, row, 5, locale, "import.houseNo.missing");
			}
			else {
				address = new Address(null, null, null, group, row.cell(5));
			}
		}
		else {
			refuse(refused, row, 1, locale, "import.address.missing");
		}
		if (row.cell(6).isEmpty()) {
			refuse(refused, row, 6, locale, "import.head.missing");
		}
		String phone = row.cell(7);
		if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
			refuse(refused, row, 7, locale, "import.phone.invalid");
		}
		List<String> unknown = new ArrayList<>();
		List<String> tags = CareTags.parse(row.cell(8), unknown);
		if (!unknown.isEmpty()) {
			refuse(refused, row, 8, locale, "import.tag.unknown", String.join("、", unknown), String.join("、", CareTags.KNOWN));
		}
		if (refused.size() > before) {
			return null;
		}
		return new Checked(row, grid, address, row.cell(6), phone.isEmpty() ? null : phone, tags);
	}

	private void refuse(List<Refusal> refused, SheetRow row, int column, Locale locale, String key, Object... args) {
		refused.add(new Refusal(row.number(), row.column(column), row.cell(column), text(locale, key, args)));
	}

	private String text(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	private record Existing(long id, LocalDate lastVisitedOn) {
	}

	/**
	 * Writes checked rows to the register (in the caller's transaction): each adds a household or updates the one at
	 * its address; {@code batchWritten} is told the rows written so far after each batch of 500.
	 */
	Report write(String communityCode, List<Checked> rows, String userId, java.util.function.IntConsumer batchWritten) {
		Map<String, Existing> existing = new HashMap<>();
		jdbc.query("select id, grid_code, address_key, last_visited_on from household where community_code = ?",
				rs -> {
					Date last = rs.getDate(4);
					existing.put(rs.getString(2) + "#" + rs.getString(3),
							new Existing(rs.getLong(1), last == null ? null : last.toLocalDate()));
				}, communityCode);
		Function<List<String>, VisitFrequency.Frequency> decide = frequency.cached();
		LocalDate today = HouseholdService.today();
		Timestamp now = Timestamp.from(TimeLimits.nowInstant());
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		for (Checked c : rows) {
			VisitFrequency.Frequency f = decide.apply(c.tags());
			String tags = CareTags.format(c.tags());
			Existing known = existing.get(c.grid().getCode() + "#" + c.address().key());
			if (known == null) {
				Address a = c.address();
				inserts.add(new Object[] { communityCode, c.grid().getCode(), a.building(), a.unit(), a.room(),
						a.villagerGroup(), a.houseNo(), a.key(), c.head(), c.phone(), tags, f.intervalDays(), f.kind().name(),
						Date.valueOf(today), now });
			}
			else {
				LocalDate next = known.lastVisitedOn() == null ? today : known.lastVisitedOn().plusDays(f.intervalDays());
				updates.add(new Object[] { c.head(), c.phone(), tags, f.intervalDays(), f.kind().name(), Date.valueOf(next),
						known.id() });
			}
		}
		for (int from = 0; from < inserts.size(); from += 500) {
			// one statement of many rows: MySQL's driver sends a JDBC batch of inserts one by one (no rewriting)
			List<Object[]> batch = inserts.subList(from, Math.min(inserts.size(), from + 500));
			StringBuilder sql = new StringBuilder("insert into household (community_code, grid_code, building, unit, room,"
					+ " villager_group, house_no, address_key, head_name, phone, care_tags, visit_interval_days, visit_kind,"
					+ " next_visit_on, created_at) values ");
			List<Object> args = new ArrayList<>(batch.size() * 15);
			for (int i = 0; i < batch.size(); i++) {
				sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
				args.addAll(java.util.Arrays.asList(batch.get(i)));
			}
			jdbc.update(sql.toString(), args.toArray());
			batchWritten.accept(Math.min(inserts.size(), from + 500));
		}
		for (int from = 0; from < updates.size(); from += 500) {
			jdbc.batchUpdate("update household set head_name = ?, phone = ?, care_tags = ?, visit_interval_days = ?,"
					+ " visit_kind = ?, next_visit_on = ? where id = ?", updates.subList(from, Math.min(updates.size(), from + 500)));
			batchWritten.accept(inserts.size() + Math.min(updates.size(), from + 500));
		}
		jdbc.update("insert into household_view (viewed_by, household_id, grid_code, community_code, record_count, what,"
				+ " viewed_at) values (?, null, '*', ?, ?, 'IMPORT', ?)", userId, communityCode, rows.size(), now);
		return new Report(true, rows.size(), inserts.size(), updates.size(), List.of());
	}
}
