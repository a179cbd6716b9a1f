package cn.needsloop.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import cn.needsloop.shared.ChinaTime;

/**
 * A person's quiet hours, China time: from {@code start} to {@code end} (minutes after midnight), across
 * midnight when the start is later than the end (22:00–07:00). A message that is not urgent and would arrive
 * inside them waits until they end.
 */
public record QuietHours(int start, int end) {

	public QuietHours {
		if (start < 0 || start >= 24 * 60 || end < 0 || end >= 24 * 60) {
			throw new IllegalArgumentException("minutes after midnight: " + start + ", " + end);
		}
	}

	public static QuietHours of(LocalTime start, LocalTime end) {
		return new QuietHours(start.getHour() * 60 + start.getMinute(), end.getHour() * 60 + end.getMinute());
	}

	public LocalTime startTime() {
		return LocalTime.of(start / 60, start % 60);
	}

	public LocalTime endTime() {
		return LocalTime.of(end / 60, end % 60);
	}

	/** Whether {@code at} falls inside the quiet hours. */
	public boolean contains(Instant at) {
		if (start == end) {
			return false;
		}
		LocalTime time = at.atZone(ChinaTime.ZONE).toLocalTime();
		int minute = time.getHour() * 60 + time.getMinute();
		return start < end ? minute >= start && minute < end : minute >= start || minute < end;
	}

	/** When a message due at {@code at} may go: {@code at} itself outside the quiet hours, else their end. */
	public Instant deliverableFrom(Instant at) {
		if (!contains(at)) {
			return at;
		}
		LocalDateTime local = at.atZone(ChinaTime.ZONE).toLocalDateTime();
		int minute = local.getHour() * 60 + local.getMinute();
		LocalDate endDay = start > end && minute >= start ? local.toLocalDate().plusDays(1) : local.toLocalDate();
		return endDay.atTime(endTime()).atZone(ChinaTime.ZONE).toInstant();
	}
}
