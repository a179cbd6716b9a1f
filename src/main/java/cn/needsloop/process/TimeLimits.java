package cn.needsloop.process;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.Duration;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Time limits of the loop, as ISO-8601 durations in configuration
 * ({@code needsloop.time-limits.*}), so that policy changes need no code change. The models use
 * this bean for due dates and timers: {@code ${timeLimits.due('verification')}}. All times come
 * from the engine clock, so tests move time with {@link ClockUtil}.
 */
@Component("timeLimits")
public class TimeLimits {

	private final Settings settings;

	private final DatatypeFactory durations;

	public TimeLimits(Settings settings) throws DatatypeConfigurationException {
		this.settings = settings;
		this.durations = DatatypeFactory.newInstance();
		settings.limits().values().forEach(durations::newDuration);
		durations.newDuration(settings.escalationDelay());
	}

	/** When a step that starts now is due. */
	public Date due(String limit) {
		return plus(now(), duration(limit));
	}

	/** When an overdue step that starts now escalates to the manager: one delay after it is due. */
	public Date escalation(String limit) {
		return plus(due(limit), durations.newDuration(settings.escalationDelay()));
	}

	public static Date now() {
		return ClockUtil.getCurrentTime();
	}

	public static Instant nowInstant() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	private Duration duration(String limit) {
		String value = settings.limits().get(limit);
		if (value == null) {
			throw new IllegalArgumentException("No time limit configured: needsloop.time-limits.limits." + limit);
		}
		return durations.newDuration(value);
	}

	private static Date plus(Date from, Duration duration) {
		Date result = new Date(from.getTime());
		duration.addTo(result);
		return result;
	}

	/** The configured limits. */
	@ConfigurationProperties("needsloop.time-limits")
	public record Settings(Map<String, String> limits, String escalationDelay) {

		public Settings {
			limits = limits == null ? Map.of() : Map.copyOf(limits);
			escalationDelay = escalationDelay == null ? "P1D" : escalationDelay;
		}
	}
}
