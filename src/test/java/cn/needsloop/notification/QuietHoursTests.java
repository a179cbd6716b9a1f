package cn.needsloop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.needsloop.shared.ChinaTime;

/** Quiet hours in China time, across midnight or within a day; urgent messages ignore them. */
class QuietHoursTests {

	private static Instant china(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(ChinaTime.ZONE).toInstant();
	}

	private static final QuietHours NIGHT = QuietHours.of(LocalTime.of(22, 0), LocalTime.of(7, 0));

	@Test
	void aMessageInTheNightWaitsForTheMorning() {
		assertThat(NIGHT.deliverableFrom(china("2026-03-02T23:15"))).isEqualTo(china("2026-03-03T07:00"));
		assertThat(NIGHT.deliverableFrom(china("2026-03-02T22:00"))).isEqualTo(china("2026-03-03T07:00"));
		assertThat(NIGHT.deliverableFrom(china("2026-03-03T03:40"))).isEqualTo(china("2026-03-03T07:00"));
	}

	@Test
	void aMessageOutsideQuietHoursGoesAtOnce() {
		assertThat(NIGHT.deliverableFrom(china("2026-03-03T07:00"))).isEqualTo(china("2026-03-03T07:00"));
		assertThat(NIGHT.deliverableFrom(china("2026-03-03T21:59"))).isEqualTo(china("2026-03-03T21:59"));
	}

	@Test
	void quietHoursWithinOneDay() {
		QuietHours lunch = QuietHours.of(LocalTime.of(12, 0), LocalTime.of(13, 30));
		assertThat(lunch.deliverableFrom(china("2026-03-03T12:10"))).isEqualTo(china("2026-03-03T13:30"));
		assertThat(lunch.deliverableFrom(china("2026-03-03T11:59"))).isEqualTo(china("2026-03-03T11:59"));
		assertThat(lunch.deliverableFrom(china("2026-03-03T13:30"))).isEqualTo(china("2026-03-03T13:30"));
	}

	@Test
	void quietHoursAreChinaTimeWhateverTheServerZone() {
		// 15:30 UTC is 23:30 in Beijing
		assertThat(NIGHT.contains(Instant.parse("2026-03-02T15:30:00Z"))).isTrue();
		assertThat(NIGHT.contains(Instant.parse("2026-03-02T03:30:00Z"))).isFalse();
	}

	@Test
	void urgentMessagesIgnoreQuietHours() {
		Preference person = new Preference("resident1", Set.of(OutboxChannel.EMAIL), "r1@example.cn", null, null, NIGHT,
				true, Locale.SIMPLIFIED_CHINESE);
		Instant night = china("2026-03-02T23:15");
		assertThat(person.deliverableFrom(night, true)).isEqualTo(night);
		assertThat(person.deliverableFrom(night, false)).isEqualTo(china("2026-03-03T07:00"));
	}

	@Test
	void equalStartAndEndMeanNoQuietHours() {
		QuietHours none = QuietHours.of(LocalTime.of(8, 0), LocalTime.of(8, 0));
		assertThat(none.deliverableFrom(china("2026-03-03T08:00"))).isEqualTo(china("2026-03-03T08:00"));
	}
}
