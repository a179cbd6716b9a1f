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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

	@Test
	void withoutATableConfigurationDecidesUrgentLimitsIncluded() {
		TimeLimits configured = limits(Map.of("verification", "PT24H", "urgent-verification", "PT1H",
				"urgent-escalation", "PT1H", "claim", "P7D"));
		TimeLimits.Facts urgent = new TimeLimits.Facts("SAFETY", "URGENT", "ONLINE");
		TimeLimits.Facts ordinary = new TimeLimits.Facts(null, "NORMAL", "HOTLINE_12345");

		assertThat(configured.limit("verification", urgent)).isEqualTo(new TimeLimits.Limit("verification", "PT1H", null));
		assertThat(configured.limit("verification", ordinary)).isEqualTo(new TimeLimits.Limit("verification", "PT24H", null));
		assertThat(configured.limit("claim", urgent).value()).as("no urgent-claim: the ordinary limit").isEqualTo("P7D");
		assertThat(configured.limit(TimeLimits.ESCALATION, urgent).value()).isEqualTo("PT1H");
		assertThat(configured.limit(TimeLimits.ESCALATION, ordinary).value()).as("escalation-delay").isEqualTo("P1D");
		assertThat(configured.limit("claim", ordinary).fromTable()).isFalse();
	}

	@ParameterizedTest(name = "[{index}] {0} -> {1}")
	@CsvSource(nullValues = "null", textBlock = """
			PT1H, null
			PT2H, null
			P7D, null
			P366D, null
			1WD, null
			250WD, null
			PT59M, problem.timeLimit.outOfBounds
			PT0S, problem.timeLimit.outOfBounds
			P367D, problem.timeLimit.outOfBounds
			P2Y, problem.timeLimit.outOfBounds
			0WD, problem.timeLimit.workingDays
			251WD, problem.timeLimit.workingDays
			three days, problem.timeLimit.unreadable
			-P1D, problem.timeLimit.outOfBounds
			1wd, problem.timeLimit.unreadable
			'', problem.timeLimit.unreadable
			""")
	void aLimitARevisionMayCarryParsesAndLiesWithinBounds(String limit, String problem) {
		DecisionTables.CellProblem found = limits.problemWith(limit);
		assertThat(found == null ? null : found.key()).isEqualTo(problem);
	}
}
