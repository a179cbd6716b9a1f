package cn.needsloop.routing;

import cn.needsloop.shared.Line;
import java.time.Duration;
import java.util.Map;
import java.util.function.ToLongFunction;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.needsloop.process.TaskCounts;
import cn.needsloop.process.TaskCounts.Count;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.shared.Cached;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Open and overdue tasks per line on {@code /actuator/prometheus}: {@code needsloop.tasks.open{line}} and
 * {@code needsloop.tasks.overdue{line}} (past due now), for the five lines and {@code UNROUTED} (tasks no
 * line was chosen for, such as Camunda's own). One grouped query at most once per
 * {@code needsloop.metrics.refresh-interval}, whatever the scrape rate.
 */
@Component
class TaskMetrics implements MeterBinder {

	static final String UNROUTED = "UNROUTED";

	private static final Count NONE = new Count(0, 0);

	private final Cached<Map<String, Count>> counts;

	TaskMetrics(TaskCounts tasks, @Value("${needsloop.metrics.refresh-interval:PT30S}") Duration refresh) {
		this.counts = new Cached<>(() -> tasks.byLine(TimeLimits.now()), refresh);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (Line line : Line.values()) {
			register(registry, line.name(), line.name());
		}
		register(registry, UNROUTED, null);
	}

	private void register(MeterRegistry registry, String tag, String line) {
		gauge(registry, "needsloop.tasks.open", "Open tasks of a line", tag, line, Count::open);
		gauge(registry, "needsloop.tasks.overdue", "Open tasks of a line past their due date", tag, line, Count::overdue);
	}

	private void gauge(MeterRegistry registry, String name, String description, String tag, String line,
			ToLongFunction<Count> value) {
		Gauge.builder(name, counts, c -> value.applyAsLong(c.get().getOrDefault(line, NONE)))
			.tag("line", tag)
			.description(description)
			.strongReference(true)
			.register(registry);
	}
}
