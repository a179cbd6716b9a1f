package cn.needsloop.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements Hibernate prepares on the current thread, for tests that assert how many queries a
 * service needs ({@code KpiQueryCountTests}). The shared {@link AppContext} installs it as Hibernate's statement
 * inspector; it only counts (the statement goes on unchanged), and other threads' statements do not count.
 */
public class StatementCounter implements StatementInspector {

	private static final ThreadLocal<AtomicInteger> COUNT = ThreadLocal.withInitial(AtomicInteger::new);

	/** Starts counting from zero on this thread. */
	public static void reset() {
		COUNT.get().set(0);
	}

	/** The statements of this thread since {@link #reset()}. */
	public static int count() {
		return COUNT.get().get();
	}

	@Override
	public String inspect(String sql) {
		COUNT.get().incrementAndGet();
		return sql;
	}
}
