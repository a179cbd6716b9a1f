package cn.needsloop.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import cn.needsloop.shared.ProblemException;

/**
 * The meeting time of an agenda, however it comes (the API, the page, Tasklist's date-time field): read in Beijing
 * time without an offset, and refused when it is no time or one the database cannot keep.
 */
class MeetingTimeTests {

	@Test
	void readsTheTimeWithOrWithoutAnOffset() {
		assertThat(PublishAgendaStep.meetingTime("2027-03-01T19:30")).isEqualTo(Instant.parse("2027-03-01T11:30:00Z"));
		assertThat(PublishAgendaStep.meetingTime("2027-03-01T19:30:00+08:00")).isEqualTo(Instant.parse("2027-03-01T11:30:00Z"));
	}

	@Test
	void refusesNoTimeAndYearsTheDatabaseCannotKeep() {
		for (String value : new String[] { "tomorrow", "+999999999-12-31T10:00", "-999999999-01-01T00:00:00Z", "1899-12-31T23:00" }) {
			assertThatThrownBy(() -> PublishAgendaStep.meetingTime(value)).as(value)
				.isInstanceOfSatisfying(ProblemException.class,
						problem -> assertThat(problem.fieldProblems()).extracting(ProblemException.FieldProblem::field)
							.containsExactly("meetingAt"));
		}
	}
}
