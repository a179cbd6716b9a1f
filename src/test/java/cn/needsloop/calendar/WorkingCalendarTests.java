package cn.needsloop.calendar;

import cn.needsloop.shared.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkingCalendarTests {

	private final WorkingCalendar calendar = new WorkingCalendar("/nonexistent");

	private static ZonedDateTime at(String dateTime) {
		return ZonedDateTime.of(java.time.LocalDateTime.parse(dateTime), ChinaTime.ZONE);
	}

	@Test
	void deadlineAcrossNationalDayLandsOnTheMakeUpSaturday() {
		// 3 working days from Wednesday 30 September 2026: 1–7 October are off, Thursday 8 and
		// Friday 9 count, and Saturday 10 October is a make-up working day.
		assertThat(calendar.plusWorkingDays(at("2026-09-30T10:15"), 3)).isEqualTo(at("2026-10-10T10:15"));
	}

	@Test
	void makeUpSundayBeforeNationalDayIsAWorkingDay() {
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-09-20"))).isTrue();
		assertThat(calendar.plusWorkingDays(at("2026-09-19T09:00"), 1)).isEqualTo(at("2026-09-20T09:00"));
	}

	@Test
	void holidaysAndWeekendsAreDaysOffAndOrdinaryWeekdaysAreNot() {
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-01"))).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-16"))).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-28"))).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-26"))).isTrue();
	}

	@Test
	void springFestivalWeekSkipsToTheWorkingDaysAfterIt() {
		// Friday 13 February 2026 + 1: Saturday 14 February is a make-up working day.
		assertThat(calendar.plusWorkingDays(at("2026-02-13T09:00"), 1)).isEqualTo(at("2026-02-14T09:00"));
		// Saturday 14 February + 1: the holiday runs 15–23 February, Tuesday 24 is the next working day.
		assertThat(calendar.plusWorkingDays(at("2026-02-14T09:00"), 1)).isEqualTo(at("2026-02-24T09:00"));
	}

	@Test
	void bothYearsAreShipped() {
		assertThat(calendar.knows(2026)).isTrue();
		assertThat(calendar.knows(2027)).isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2027-10-04"))).isFalse();
	}

	@Test
	void anAdministratorsFileAddsAYearWithoutACodeChange(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("cn-2028.txt"), "# test\n2028-01-03 HOLIDAY 元旦\n2028-01-08 WORKDAY 调休\n");
		WorkingCalendar extended = new WorkingCalendar(dir.toString());
		assertThat(extended.knows(2028)).isTrue();
		assertThat(extended.isWorkingDay(LocalDate.parse("2028-01-03"))).isFalse();
		assertThat(extended.isWorkingDay(LocalDate.parse("2028-01-08"))).isTrue();
		assertThat(extended.knows(2026)).isTrue();
	}
}
