package cn.needsloop.system;

import cn.needsloop.shared.ChinaTime;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** Times on pages, in China time: {@code ${@dates.time(need.reportedAt)}}. */
@Component("dates")
public class PageDates {


	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ChinaTime.ZONE);

	public String time(Instant instant) {
		return format(instant);
	}

	public static String format(Instant instant) {
		return instant == null ? "" : TIME.format(instant);
	}
}
