package cn.needsloop.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import cn.needsloop.calendar.WorkingCalendar;

/**
 * The job lock time as shipped in application.yml is sized to the shortest timer of the models: a
 * timer of a node that died fires at most 1% of that timer late.
 */
class JobLockTimeTests {

	private static JobLockTime shipped(Map<String, String> extraLimits) throws Exception {
		StandardEnvironment environment = new StandardEnvironment();
		new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
			.forEach(environment.getPropertySources()::addLast);
		Binder binder = Binder.get(environment);
		TimeLimits.Settings shipped = binder.bind("needsloop.time-limits", TimeLimits.Settings.class).get();
		Map<String, String> limits = new java.util.HashMap<>(shipped.limits());
		limits.putAll(extraLimits);
		TimeLimits.Settings settings = new TimeLimits.Settings(limits, shipped.escalationDelay());
		long lockTime = binder.bind("camunda.bpm.job-execution.lock-time-in-millis", Long.class).get();
		return new JobLockTime(new TimeLimits(settings, new WorkingCalendar("/nonexistent")), settings, lockTime);
	}

	@Test
	void shippedLockTimeIsHalfAMinuteAndFitsTheShortestTimer() throws Exception {
		JobLockTime lockTime = shipped(Map.of());
		assertThat(lockTime.lockTime()).isEqualTo(Duration.ofSeconds(30));
		// an urgent need's verification and its escalation (danger to life and limb) are the shortest limits
		assertThat(lockTime.shortestLimit().getValue()).isEqualTo(Duration.ofHours(1));
		assertThat(lockTime.shortestLimit().getKey()).isIn("urgent-verification", "urgent-escalation");
		assertThat(lockTime.fitsShortestLimit()).isTrue();
	}

	@Test
	void aTimerShorterThanAHundredLockTimesDoesNotFit() throws Exception {
		JobLockTime lockTime = shipped(Map.of("quickReply", "PT45M"));
		assertThat(lockTime.shortestLimit().getKey()).isEqualTo("quickReply");
		assertThat(lockTime.fitsShortestLimit()).isFalse();
	}
}
