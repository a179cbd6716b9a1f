package cn.needsloop.process;

import cn.needsloop.shared.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.needsloop.calendar.WorkingCalendar;

class TimeLimitsTests {

	private final TimeLimits limits = limits(Map.of("verification", "PT24H", "claim", "P7D", "notice", "3WD"));

	private static TimeLimits limits(Map<String, String> values) {
		try {
			return new TimeLimits(new TimeLimits.Settings(values, "P1D"), new WorkingCalendar("/nonexistent"));
		}
		catch (javax.xml.datatype.DatatypeConfigurationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Date at(String dateTime) {
		return Date.from(ZonedDateTime.of(java.time.LocalDateTime.parse(dateTime), ChinaTime.ZONE).toInstant());
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void dueDatesFollowTheEngineClock() {
		ClockUtil.setCurrentTime(at("2026-09-30T10:00"));
		assertThat(limits.due("verification")).isEqualTo(at("2026-10-01T10:00"));
		assertThat(limits.due("claim")).isEqualTo(at("2026-10-07T10:00"));
		assertThat(limits.escalation("verification")).isEqualTo(at("2026-10-02T10:00"));
	}

	@Test
	void workingDayLimitAcrossNationalDayEndsOnTheMakeUpWorkingDay() {
		ClockUtil.setCurrentTime(at("2026-09-30T10:00"));
		assertThat(limits.due("notice")).isEqualTo(at("2026-10-10T10:00"));
	}

	@Test
	void rejectsAnUnknownLimitAndABadDurationAtStart() {
		assertThatThrownBy(() -> limits.due("nothing")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> limits(Map.of("broken", "three days"))).isInstanceOf(IllegalArgumentException.class);
	}
}
