package cn.needsloop.shared;

import java.time.ZoneId;

/**
 * China's one time zone (UTC+8, no daylight saving): the dates a person reads, working days, "this year"
 * on the dashboard and the due dates of steps are all in it, whatever zone a server runs in.
 */
public final class ChinaTime {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private ChinaTime() {
	}
}
