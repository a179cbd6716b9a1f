package cn.needsloop.bench;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.Session;

/** The load run's parameters, all system properties (-Dname=value on the Maven command line). */
final class BenchSettings {

	private BenchSettings() {
	}

	static String text(String name, String fallback) {
		return System.getProperty(name, fallback);
	}

	static int number(String name, int fallback) {
		return Integer.parseInt(System.getProperty(name, Integer.toString(fallback)));
	}

	static Duration seconds(String name, int fallback) {
		return Duration.ofSeconds(number(name, fallback));
	}

	/** The app under load (bench/generate.sh --keep-running or bench/start-app.sh). */
	static final String BASE_URL = text("baseUrl", "http://localhost:8080");

	/** The password of every generated user (DistrictPlan.DEFAULT_PASSWORD). */
	static final String PASSWORD = text("password", "Bench-Loop-2026x");

	/** How many communities the generated district has (the users exist for b001…b&lt;n&gt;). */
	static final int COMMUNITIES = number("communities", 200);

	/** Seconds a person looks at a page before the next click, on average (uniform 0.5×…1.5×). */
	static final int THINK = number("think", 5);

	static Duration thinkOf(Session session) {
		long ms = THINK * 1000L;
		return Duration.ofMillis(ms / 2 + ThreadLocalRandom.current().nextLong(ms + 1));
	}
}
