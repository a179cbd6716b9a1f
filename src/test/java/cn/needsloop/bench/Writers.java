package cn.needsloop.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Executes the generator's multi-row INSERTs on a few connections of their own, so that building the
 * next rows overlaps writing the last ones and the server works on more than one core. A table always
 * goes to the same connection. Each connection commits when told ({@link #commit()}), after everything
 * submitted before; the first failure stops the generator.
 */
final class Writers implements AutoCloseable {

	private static final String COMMIT = "\u0000commit";

	private static final String STOP = "\u0000stop";

	private final List<BlockingQueue<String>> queues = new ArrayList<>();

	private final List<Thread> threads = new ArrayList<>();

	private final AtomicReference<Throwable> failure = new AtomicReference<>();

	private final java.util.concurrent.Phaser commits = new java.util.concurrent.Phaser(1);

	Writers(int count, Callable<Connection> connections) throws Exception {
		for (int i = 0; i < count; i++) {
			Connection c = connections.call();
			try (Statement s = c.createStatement()) {
				s.execute("set foreign_key_checks = 0");
				s.execute("set unique_checks = 0");
			}
			c.setAutoCommit(false);
			BlockingQueue<String> queue = new ArrayBlockingQueue<>(4);
			queues.add(queue);
			Thread t = new Thread(() -> run(c, queue), "bench-writer-" + i);
			t.setDaemon(true);
			threads.add(t);
			t.start();
		}
	}

	private void run(Connection c, BlockingQueue<String> queue) {
		try (c; Statement s = c.createStatement()) {
			while (true) {
				String sql = queue.take();
				if (sql == STOP) {
					c.commit();
					return;
				}
				if (sql == COMMIT) {
					c.commit();
					commits.arriveAndDeregister();
					continue;
				}
				if (failure.get() == null) {
					s.executeUpdate(sql);
				}
			}
		}
		catch (Throwable e) {
			failure.compareAndSet(null, e);
			commits.forceTermination();
		}
	}

	void submit(String table, String sql) throws SQLException {
		put(queues.get(Math.floorMod(table.hashCode(), queues.size())), sql);
	}

	private void put(BlockingQueue<String> queue, String item) throws SQLException {
		try {
			while (!queue.offer(item, 1, java.util.concurrent.TimeUnit.SECONDS)) {
				check();
			}
			check();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new SQLException("interrupted", e);
		}
	}

	/** Waits until every connection has written and committed what it was given so far. */
	void commit() throws SQLException {
		commits.bulkRegister(queues.size());
		for (BlockingQueue<String> q : queues) {
			put(q, COMMIT);
		}
		commits.arriveAndAwaitAdvance();
		check();
	}

	private void check() throws SQLException {
		Throwable e = failure.get();
		if (e != null) {
			throw e instanceof SQLException sql ? sql : new SQLException(e);
		}
	}

	@Override
	public void close() throws Exception {
		for (BlockingQueue<String> q : queues) {
			put(q, STOP);
		}
		for (Thread t : threads) {
			t.join();
		}
		check();
	}
}
