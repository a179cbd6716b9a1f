package cn.needsloop.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.needsloop.shared.ChinaTime;

/**
 * The KPI read model of the needs (issue 11): table {@code need_kpi_count}, counts of the needs reported on a day
 * (period kind {@code D}) or in a month ({@code M}, the row dated the first of the month) in one community, or in
 * the whole district (community {@value #DISTRICT}), by one facet:
 * <ul>
 * <li>{@code C}: by channel ({@code k1}) and category ({@code k2}, '' for none), with every count a headline rate
 * reads: {@code n} (discovered), {@code verified_in_time}, {@code closed}, {@code resolved}, {@code rated},
 * {@code satisfied}, {@code genuine}, {@code loop_closed};</li>
 * <li>{@code G}: by grid ({@code k1}, '' for none), {@code n};</li>
 * <li>{@code P}: by the phase the need is in now ({@code k1}), {@code n};</li>
 * <li>{@code H}: the minutes from report to category of the categorized needs, as a histogram: {@code k3} is the
 * bucket's lowest minute ({@link #bucket}), {@code n} the needs in it.</li>
 * </ul>
 * A period's KPIs read the month rows of its whole months and the day rows of the days around them, so a year is
 * at most twelve months and sixty days of rows whatever the number of needs.
 * <p>
 * The counts change in the transaction that changes a need: {@link NeedCountsListener} sees every insert, update and
 * delete of a {@link Need} with its old and new values and hands the difference ({@link #delta}) to
 * {@link #apply}, which runs just before the commit (row locks held for milliseconds) and takes them in key order
 * (two nodes never deadlock on them). The district rows of the counts every step moves (C, P, H) are spread over
 * {@value #SLOTS} slots by need id, so concurrent steps of one day rarely wait for one row; a need's old and new
 * counts fall in the same slot. {@link #rebuild} recounts everything from the need table (migration V48, the
 * benchmark generator, and by hand when the model is in doubt: see docs/benchmarks.md).
 */
public final class NeedCounts {

	public static final String TABLE = "need_kpi_count";

	/** The community code of the district-wide rows. */
	public static final String DISTRICT = "*";

	public static final String COUNTS = "C", GRID = "G", PHASE = "P", HOURS = "H";

	/** The columns of a {@code C} row after its keys, in the order of a delta. */
	public static final List<String> COLUMNS = List.of("n", "verified_in_time", "closed", "resolved", "rated",
			"satisfied", "genuine", "loop_closed");

	static final int SLOTS = 4;

	private NeedCounts() {
	}

	/**
	 * The histogram's bucket of a number of minutes: its lowest minute. Exact to the minute under three hours, to ten
	 * minutes under two days, to the hour under two weeks, to the day beyond; a category recorded before the report
	 * (a clock set back) counts as minute 0.
	 */
	public static long bucket(long minutes) {
		return minutes < 0 ? 0 : minutes < 180 ? minutes
				: minutes < 2880 ? minutes / 10 * 10 : minutes < 20160 ? minutes / 60 * 60 : minutes / 1440 * 1440;
	}

	/** The minutes a bucket stands for: the middle of its whole minutes (the minute itself under three hours). */
	public static double representative(long bucket) {
		long width = bucket < 180 ? 1 : bucket < 2880 ? 10 : bucket < 20160 ? 60 : 1440;
		return bucket + (width - 1) / 2.0;
	}

	/** The SQL of {@link #bucket} over an expression of whole minutes. */
	static String bucketSql(String m) {
		return "case when " + m + " < 0 then 0 when " + m + " < 180 then " + m + " when " + m + " < 2880 then floor(" + m + " / 10) * 10 when "
				+ m + " < 20160 then floor(" + m + " / 60) * 60 else floor(" + m + " / 1440) * 1440 end";
	}

	/** What a need counts for: the KPI-relevant part of its state. */
	record Counted(long id, String community, String grid, String channel, String category, String phase,
			String status, String outcome, String verdict, Integer score, Instant reportedAt, Instant verificationDueAt,
			Instant verifiedAt, Instant categorizedAt, Instant evaluatedAt) {

		static Counted of(Object id, String[] names, Object[] state) {
			Map<String, Object> v = new TreeMap<>();
			for (int i = 0; i < names.length; i++) {
				v.put(names[i], state[i]);
			}
			return new Counted(((Number) id).longValue(), (String) v.get("communityCode"), (String) v.get("gridCode"),
					name(v.get("channel")), name(v.get("category")), name(v.get("phase")), name(v.get("status")),
					name(v.get("outcome")), name(v.get("verificationVerdict")), (Integer) v.get("needScore"),
					(Instant) v.get("reportedAt"), (Instant) v.get("verificationDueAt"), (Instant) v.get("verifiedAt"),
					(Instant) v.get("categorizedAt"), (Instant) v.get("evaluatedAt"));
		}

		private static String name(Object value) {
			return value == null ? null : ((Enum<?>) value).name();
		}

		long[] counts() {
			return new long[] { 1, verifiedAt != null && verificationDueAt != null && !verifiedAt.isAfter(verificationDueAt) ? 1 : 0,
					NeedStatus.CLOSED.name().equals(status) ? 1 : 0, Outcome.RESOLVED.name().equals(outcome) ? 1 : 0,
					score != null ? 1 : 0, score != null && score >= 4 ? 1 : 0,
					VerificationVerdict.GENUINE.name().equals(verdict) ? 1 : 0,
					outcome != null && evaluatedAt != null ? 1 : 0 };
		}
	}

	/** One row of the model: its key. */
	record Key(String community, String facet, String kind, LocalDate start, String k1, String k2, long k3, int slot)
			implements Comparable<Key> {

		private static final Comparator<Key> ORDER = Comparator.comparing(Key::community)
			.thenComparing(Key::facet)
			.thenComparing(Key::kind)
			.thenComparing(Key::start)
			.thenComparing(Key::k1)
			.thenComparing(Key::k2)
			.thenComparingLong(Key::k3)
			.thenComparingInt(Key::slot);

		@Override
		public int compareTo(Key other) {
			return ORDER.compare(this, other);
		}
	}

	/** Adds to {@code into} what {@code need} counts for, times {@code sign} (−1: the old values, +1: the new). */
	static void delta(Map<Key, long[]> into, Counted need, int sign) {
		if (need == null || need.reportedAt() == null || need.community() == null) {
			return;
		}
		LocalDate day = need.reportedAt().atZone(ChinaTime.ZONE).toLocalDate();
		int slot = (int) Math.floorMod(need.id(), (long) SLOTS);
		add(into, need.community(), slot, day, COUNTS, need.channel(), need.category(), 0, need.counts(), sign, true);
		add(into, need.community(), slot, day, GRID, need.grid(), null, 0, new long[] { 1 }, sign, false);
		add(into, need.community(), slot, day, PHASE, need.phase(), null, 0, new long[] { 1 }, sign, true);
		if (need.categorizedAt() != null) {
			long minutes = Math.floorDiv(Duration.between(need.reportedAt(), need.categorizedAt()).toNanos(), 60_000_000_000L);
			add(into, need.community(), slot, day, HOURS, null, null, bucket(minutes), new long[] { 1 }, sign, true);
		}
	}

	private static void add(Map<Key, long[]> into, String community, int slot, LocalDate day, String facet, String k1,
			String k2, long k3, long[] counts, int sign, boolean slotted) {
		String a = k1 == null ? "" : k1, b = k2 == null ? "" : k2;
		LocalDate month = day.withDayOfMonth(1);
		for (Key key : new Key[] { new Key(community, facet, "D", day, a, b, k3, 0),
				new Key(community, facet, "M", month, a, b, k3, 0),
				new Key(DISTRICT, facet, "D", day, a, b, k3, slotted ? slot : 0),
				new Key(DISTRICT, facet, "M", month, a, b, k3, slotted ? slot : 0) }) {
			long[] sum = into.computeIfAbsent(key, k -> new long[COLUMNS.size()]);
			for (int i = 0; i < counts.length; i++) {
				sum[i] += sign * counts[i];
			}
		}
	}

	/**
	 * Adds the deltas to their rows in key order: an atomic {@code update … set n = n + ?} per row; a row not there
	 * yet is inserted, and when another transaction inserted it first, added to.
	 */
	static void apply(Connection connection, Map<Key, long[]> deltas) throws SQLException {
		String set = String.join(", ", COLUMNS.stream().map(c -> c + " = " + c + " + ?").toList());
		String where = " where community_code = ? and facet = ? and period_kind = ? and period_start = ? and k1 = ?"
				+ " and k2 = ? and k3 = ? and slot = ?";
		String insert = "insert into " + TABLE + " (community_code, facet, period_kind, period_start, k1, k2, k3, slot, "
				+ String.join(", ", COLUMNS) + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
		try (PreparedStatement update = connection.prepareStatement("update " + TABLE + " set " + set + where);
				PreparedStatement add = connection.prepareStatement(insert)) {
			for (Map.Entry<Key, long[]> e : new TreeMap<>(deltas).entrySet()) {
				long[] d = e.getValue();
				if (Arrays.stream(d).allMatch(x -> x == 0)) {
					continue;
				}
				if (updated(update, e.getKey(), d) == 0) {
					bind(add, 1, e.getKey());
					for (int i = 0; i < d.length; i++) {
						add.setLong(9 + i, d[i]);
					}
					try {
						add.executeUpdate();
					}
					catch (SQLException inserted) {
						if (inserted.getSQLState() == null || !inserted.getSQLState().startsWith("23")) {
							throw inserted;
						}
						updated(update, e.getKey(), d);
					}
				}
			}
		}
	}

	private static int updated(PreparedStatement update, Key key, long[] d) throws SQLException {
		for (int i = 0; i < d.length; i++) {
			update.setLong(1 + i, d[i]);
		}
		bind(update, 1 + d.length, key);
		return update.executeUpdate();
	}

	private static void bind(PreparedStatement s, int at, Key key) throws SQLException {
		s.setString(at, key.community());
		s.setString(at + 1, key.facet());
		s.setString(at + 2, key.kind());
		s.setObject(at + 3, key.start());
		s.setString(at + 4, key.k1());
		s.setString(at + 5, key.k2());
		s.setLong(at + 6, key.k3());
		s.setInt(at + 7, key.slot());
	}

	/** The table (migration V48); the statements run on H2 and MySQL / MariaDB alike. */
	public static final String CREATE = """
			create table need_kpi_count (
			    community_code varchar(32) not null,
			    facet char(1) not null,
			    period_kind char(1) not null,
			    period_start date not null,
			    k1 varchar(32) not null,
			    k2 varchar(32) not null,
			    k3 bigint not null,
			    slot smallint not null,
			    n bigint not null,
			    verified_in_time bigint not null,
			    closed bigint not null,
			    resolved bigint not null,
			    rated bigint not null,
			    satisfied bigint not null,
			    genuine bigint not null,
			    loop_closed bigint not null,
			    primary key (community_code, facet, period_kind, period_start, k1, k2, k3, slot)
			)""";

	/** The day in Beijing time (UTC+8 since 1991) of a timestamp stored as its UTC wall clock. */
	private static final String DAY = "cast(timestampadd(hour, 8, reported_at) as date)";

	private static final String MINUTES = "floor(timestampdiff(microsecond, reported_at, categorized_at) / 60000000)";

	private static final String ZEROS = ", 0, 0, 0, 0, 0, 0, 0";

	private static final String INTO = "insert into " + TABLE
			+ " (community_code, facet, period_kind, period_start, k1, k2, k3, slot, " + String.join(", ", COLUMNS) + ") ";

	private static final String SUMS = String.join(", ", COLUMNS.stream().map(c -> "sum(" + c + ")").toList());

	/**
	 * Recounts the model from the need table: the day rows of every community from the needs, then the month rows
	 * and the district's rows from those. Run with the app stopped (or no need changing): a need changed while it
	 * runs may be counted twice or not at all. Plain SQL, also by hand: see docs/benchmarks.md.
	 */
	public static final List<String> REBUILD = List.of("delete from " + TABLE,
			INTO + "select community_code, 'C', 'D', d, channel, coalesce(category, ''), 0, 0, count(*),"
					+ " sum(case when verified_at is not null and verified_at <= verification_due_at then 1 else 0 end),"
					+ " sum(case when status = 'CLOSED' then 1 else 0 end),"
					+ " sum(case when outcome = 'RESOLVED' then 1 else 0 end),"
					+ " sum(case when need_score is not null then 1 else 0 end),"
					+ " sum(case when need_score >= 4 then 1 else 0 end),"
					+ " sum(case when verification_verdict = 'GENUINE' then 1 else 0 end),"
					+ " sum(case when outcome is not null and evaluated_at is not null then 1 else 0 end)"
					+ " from (select n.*, " + DAY + " d from need n) x group by community_code, d, channel, category",
			INTO + "select community_code, 'G', 'D', d, coalesce(grid_code, ''), '', 0, 0, count(*)" + ZEROS
					+ " from (select community_code, grid_code, " + DAY + " d from need) x group by community_code, d, grid_code",
			INTO + "select community_code, 'P', 'D', d, phase, '', 0, 0, count(*)" + ZEROS
					+ " from (select community_code, phase, " + DAY + " d from need) x group by community_code, d, phase",
			INTO + "select community_code, 'H', 'D', d, '', '', b, 0, count(*)" + ZEROS
					+ " from (select community_code, " + DAY + " d, " + bucketSql(MINUTES) + " b from need"
					+ " where categorized_at is not null) x group by community_code, d, b",
			INTO + "select community_code, facet, 'M', m, k1, k2, k3, 0, " + SUMS + " from (select " + TABLE
					+ ".*, cast(timestampadd(day, 1 - extract(day from period_start), period_start) as date) m from "
					+ TABLE + " where period_kind = 'D') x group by community_code, facet, m, k1, k2, k3",
			INTO + "select '" + DISTRICT + "', facet, period_kind, period_start, k1, k2, k3, 0, " + SUMS + " from " + TABLE
					+ " group by facet, period_kind, period_start, k1, k2, k3");

	/** Runs {@link #REBUILD} on a connection (in the caller's transaction). */
	public static void rebuild(Connection connection) throws SQLException {
		try (Statement s = connection.createStatement()) {
			for (String sql : REBUILD) {
				s.executeUpdate(sql);
			}
		}
	}
}
