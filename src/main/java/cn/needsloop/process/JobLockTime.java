package cn.needsloop.process;

import java.time.Duration;
import java.util.Comparator;
import java.util.Date;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The job lock time ({@code camunda.bpm.job-execution.lock-time-in-millis}) against the shortest time
 * limit of the models ({@code needsloop.time-limits.limits}). A node that dies keeps the jobs it had
 * acquired locked for the lock time; only then does another node run them, so a timer of a dead node
 * fires up to one lock time late. That delay should stay a small share of the shortest timer
 * ({@value #SHARE_PERCENT}%); a start with a longer lock time, or a shorter limit, is logged as a warning.
 */
@Component
class JobLockTime {

	static final int SHARE_PERCENT = 1;

	private static final Logger log = LoggerFactory.getLogger(JobLockTime.class);

	private final TimeLimits timeLimits;

	private final TimeLimits.Settings settings;

	private final Duration lockTime;

	JobLockTime(TimeLimits timeLimits, TimeLimits.Settings settings,
			@Value("${camunda.bpm.job-execution.lock-time-in-millis:300000}") long lockTimeMillis) {
		this.timeLimits = timeLimits;
		this.settings = settings;
		this.lockTime = Duration.ofMillis(lockTimeMillis);
	}

	Duration lockTime() {
		return lockTime;
	}

	/** The shortest configured time limit and its name. */
	Map.Entry<String, Duration> shortestLimit() {
		Date now = TimeLimits.now();
		return settings.limits().entrySet().stream()
			.map(limit -> Map.entry(limit.getKey(),
					Duration.ofMillis(timeLimits.plus(now, limit.getValue()).getTime() - now.getTime())))
			.min(Comparator.comparing(Map.Entry::getValue))
			.orElse(Map.entry("none", Duration.ofDays(365)));
	}

	boolean fitsShortestLimit() {
		return lockTime.multipliedBy(100 / SHARE_PERCENT).compareTo(shortestLimit().getValue()) <= 0;
	}

	@EventListener(ApplicationReadyEvent.class)
	void check() {
		if (!fitsShortestLimit()) {
			Map.Entry<String, Duration> shortest = shortestLimit();
			log.warn("Job lock time {} is more than {}% of the shortest time limit ({} = {}): after a node dies its timers "
					+ "wait that long; lower camunda.bpm.job-execution.lock-time-in-millis", lockTime, SHARE_PERCENT,
					shortest.getKey(), shortest.getValue());
		}
	}
}
