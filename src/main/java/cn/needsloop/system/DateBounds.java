package cn.needsloop.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The dates and times anyone may give the application: from 1900 to 2999. Java reads years up to 999,999,999;
 * the database does not (a project planned to end in year +999999999 was stored as year 169104628 on H2, and
 * MySQL refuses it), and a period of the KPIs over such years failed in the database. Within these bounds every
 * date still has room for the days and months the application adds to it. Applied to JSON bodies and to
 * request parameters and form fields with {@code @DateTimeFormat} ({@link InputConfig}).
 */
public final class DateBounds {

	public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	public static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

	private DateBounds() {
	}

	/** Whether a date or time lies within the bounds; anything that is not one does. */
	public static boolean within(Object value) {
		LocalDate date = value instanceof LocalDate d ? d
				: value instanceof LocalDateTime t ? t.toLocalDate()
						: value instanceof OffsetDateTime t ? t.toLocalDate()
								: value instanceof ZonedDateTime t ? t.toLocalDate()
										: value instanceof Instant i ? i.atOffset(ZoneOffset.UTC).toLocalDate() : null;
		return date == null || !(date.isBefore(EARLIEST) || date.isAfter(LATEST));
	}
}
