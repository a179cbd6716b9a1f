package cn.needsloop.shared;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value read again at most once per interval, however often it is asked for: a metrics scrape
 * reads many gauges, and the figures behind them (engine jobs, open tasks) come from one query
 * each per interval, not one per gauge and scrape. An interval of zero reads every time.
 */
public final class Cached<T> implements Supplier<T> {

	private final Supplier<T> source;

	private final long intervalNanos;

	private T value;

	private long readAt;

	public Cached(Supplier<T> source, Duration interval) {
		this.source = source;
		this.intervalNanos = interval.toNanos();
	}

	@Override
	public synchronized T get() {
		long now = System.nanoTime();
		if (value == null || now - readAt >= intervalNanos) {
			value = source.get();
			readAt = now;
		}
		return value;
	}
}
