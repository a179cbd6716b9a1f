package cn.needsloop.process;

import cn.needsloop.shared.ChinaTime;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

import cn.needsloop.calendar.WorkingCalendar;

/**
 * Time limits of the loop, as ISO-8601 durations in configuration
 * ({@code needsloop.time-limits.*}), so that policy changes need no code change. The models use
 * this bean for due dates and timers: {@code ${timeLimits.due('verification')}}. A limit is an
 * ISO-8601 duration ({@code PT24H}, {@code P7D}) or a number of working days on the Chinese
 * holiday calendar ({@code 3WD}). All times come from the engine clock, so tests move time with
 * {@link ClockUtil}.
 */
@Component("timeLimits")
public class TimeLimits {

	private final Settings settings;

	private static final Pattern WORKING_DAYS = Pattern.compile("(\\d+)WD");

	private final DatatypeFactory durations;

	private final WorkingCalendar calendar;

	public TimeLimits(Settings settings, WorkingCalendar calendar) throws DatatypeConfigurationException {
		this.settings = settings;
		this.calendar = calendar;
		this.durations = DatatypeFactory.newInstance();
		settings.limits().values().forEach(value -> plus(now(), value));
		plus(now(), settings.escalationDelay());
	}

	/** When a step that starts now is due. */
	public Date due(String limit) {
		return plus(now(), limit(limit));
	}

	/**
	 * When a step of an urgent need (process variable {@code urgent}) that starts now is due: the limit
	 * {@code urgent-<limit>} if one is configured, else the ordinary limit.
	 */
	public Date dueFor(VariableScope scope, String limit) {
		return urgent(scope) && settings.limits().containsKey("urgent-" + limit) ? due("urgent-" + limit) : due(limit);
	}

	/** When an overdue step of a need escalates: for an urgent need the {@code urgent-escalation} delay after it is due. */
	public Date escalationFor(VariableScope scope, String limit) {
		if (urgent(scope) && settings.limits().containsKey("urgent-escalation")) {
			return plus(dueFor(scope, limit), limit("urgent-escalation"));
		}
		return plus(dueFor(scope, limit), settings.escalationDelay());
	}

	private static boolean urgent(VariableScope scope) {
		return scope != null && Boolean.TRUE.equals(scope.getVariable("urgent"));
	}

	/** When an overdue step that starts now escalates to the manager: one delay after it is due. */
	public Date escalation(String limit) {
		return plus(due(limit), settings.escalationDelay());
	}

	/** A moment plus a limit, an ISO-8601 duration or {@code <n>WD} working days. */
	public Date plus(Date from, String limit) {
		Matcher workingDays = WORKING_DAYS.matcher(limit.strip());
		if (workingDays.matches()) {
			return Date.from(calendar
				.plusWorkingDays(from.toInstant().atZone(ChinaTime.ZONE), Integer.parseInt(workingDays.group(1)))
				.toInstant());
		}
		Date result = new Date(from.getTime());
		durations.newDuration(limit.strip()).addTo(result);
		return result;
	}

	public static Date now() {
		return ClockUtil.getCurrentTime();
	}

	public static Instant nowInstant() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	private String limit(String limit) {
		String value = settings.limits().get(limit);
		if (value == null) {
			throw new IllegalArgumentException("No time limit configured: needsloop.time-limits.limits." + limit);
		}
		return value;
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
