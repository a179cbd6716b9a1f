package cn.needsloop.cluster;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * The one runner of background jobs that any node of a cluster can show and finish: a job is a row of its own
 * table (bulk actions, exports), held by one node at a time through a lease ({@code lease_owner},
 * {@code lease_until_ms}) that the node renews while it works ({@code needsloop.jobs.lease}, 30 s). When a node
 * dies its leases run out, and every {@code needsloop.jobs.sweep-interval} (10 s) whichever node gets to a job
 * first (one conditional update) takes it up and counts another run. Finished jobs are deleted
 * {@code needsloop.jobs.keep} (24 h) after they finished.
 * <p>
 * What a job does and what its table holds besides stays with its owner; a job table needs the columns
 * {@code id, lease_owner, lease_until_ms, runs, finished_at}.
 */
@Component
public class LeasedJobs {

	private static final Logger LOG = LoggerFactory.getLogger(LeasedJobs.class);

	private final JdbcTemplate jdbc;

	private final NodeId node;

	private final Duration lease;

	private final Duration keep;

	private final List<Table> tables = new CopyOnWriteArrayList<>();

	private final ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
		Thread thread = new Thread(runnable, "leased-jobs");
		thread.setDaemon(true);
		return thread;
	});

	LeasedJobs(JdbcTemplate jdbc, NodeId node, @Value("${needsloop.jobs.lease:PT30S}") Duration lease,
			@Value("${needsloop.jobs.keep:PT24H}") Duration keep) {
		this.jdbc = jdbc;
		this.node = node;
		this.lease = lease;
		this.keep = keep;
	}

	/**
	 * The jobs kept in {@code table}: {@code resume} continues a job this node has just taken over (in a
	 * background thread); {@code resetOnTakeOver} is what else a take-over sets (e.g. {@code "done = 0"}), or
	 * null; {@code what} names the jobs in the log.
	 */
	public Table table(String table, String what, String resetOnTakeOver, Consumer<String> resume) {
		Table t = new Table(table, what, resetOnTakeOver, resume);
		tables.add(t);
		return t;
	}

	/** This node, as written in the leases it holds. */
	public String node() {
		return node.id();
	}

	/** Until when a lease taken or renewed now holds (epoch milliseconds). */
	public long leaseUntil() {
		return System.currentTimeMillis() + lease.toMillis();
	}

	/** Takes up the abandoned jobs of every table and deletes the ones kept long enough. */
	@Scheduled(initialDelayString = "${needsloop.jobs.sweep-interval:PT10S}",
			fixedDelayString = "${needsloop.jobs.sweep-interval:PT10S}")
	void sweep() {
		for (Table table : tables) {
			try {
				table.takeOverAbandoned();
			}
			catch (RuntimeException ex) {
				LOG.warn("{}: sweep failed; tried again at the next", table.what, ex);
			}
		}
	}

	@PreDestroy
	void stop() {
		executor.shutdownNow();
	}

	/** The jobs of one table, as leased by this node. */
	public final class Table {

		private final String name;

		private final String what;

		private final String resetOnTakeOver;

		private final Consumer<String> resume;

		private Table(String name, String what, String resetOnTakeOver, Consumer<String> resume) {
			this.name = name;
			this.what = what;
			this.resetOnTakeOver = resetOnTakeOver;
			this.resume = resume;
		}

		/** Runs a job in the background; if it stops with an error its lease runs out and a node takes it up. */
		public void submit(String id, Runnable work) {
			try {
				executor.submit(() -> {
					try {
						work.run();
					}
					catch (RuntimeException ex) {
						LOG.warn("{} {} stopped; it is taken up again when its lease runs out", what, id, ex);
					}
				});
			}
			catch (RejectedExecutionException ex) {
				LOG.info("{} {} not started here (shutting down); another node takes it up", what, id);
			}
		}

		/** Renews this node's lease on a running job; false when another node holds it or it has finished. */
		public boolean renew(String id) {
			return jdbc.update("update " + name + " set lease_until_ms = ? where id = ? and lease_owner = ? and finished_at is null",
					leaseUntil(), id, node.id()) == 1;
		}

		/**
		 * Marks a job finished and gives up its lease, setting {@code set} (e.g. {@code "failure = ?"}) with
		 * {@code args} too; false when this node no longer holds the job.
		 */
		public boolean finish(String id, String set, Object... args) {
			String also = set == null ? "" : set + ", ";
			Object[] all = new Object[args.length + 3];
			System.arraycopy(args, 0, all, 0, args.length);
			all[args.length] = Timestamp.from(Instant.now());
			all[args.length + 1] = id;
			all[args.length + 2] = node.id();
			return jdbc.update("update " + name + " set " + also + "finished_at = ?, lease_owner = null, lease_until_ms = null"
					+ " where id = ? and lease_owner = ? and finished_at is null", all) == 1;
		}

		/**
		 * Takes up the jobs whose node died: a job unfinished with its lease run out is taken by whichever node
		 * gets to it first (one conditional update), and resumed here. Deletes jobs kept long enough.
		 */
		public void takeOverAbandoned() {
			long now = System.currentTimeMillis();
			List<String> abandoned = jdbc.queryForList("select id from " + name
					+ " where finished_at is null and (lease_until_ms is null or lease_until_ms < ?)", String.class, now);
			String reset = resetOnTakeOver == null ? "" : ", " + resetOnTakeOver;
			for (String id : abandoned) {
				int taken = jdbc.update("update " + name + " set lease_owner = ?, lease_until_ms = ?, runs = runs + 1" + reset
						+ " where id = ? and finished_at is null and (lease_until_ms is null or lease_until_ms < ?)", node.id(),
						leaseUntil(), id, now);
				if (taken == 1) {
					LOG.info("{} {}: its node stopped; this node ({}) takes it up", what, id, node.id());
					submit(id, () -> resume.accept(id));
				}
			}
			jdbc.update("delete from " + name + " where finished_at is not null and finished_at < ?",
					Timestamp.from(Instant.now().minus(keep)));
		}

		/** Waits until the job has finished, at most {@code timeout}; whether it has (read from the database). */
		public boolean awaitFinished(String id, Duration timeout) throws InterruptedException {
			Instant until = Instant.now().plus(timeout);
			while (true) {
				// an unfinished job comes back as a list holding null
				List<Timestamp> rows = jdbc.queryForList("select finished_at from " + name + " where id = ?", Timestamp.class, id);
				if (rows.isEmpty()) {
					return false;
				}
				if (rows.get(0) != null) {
					return true;
				}
				if (Instant.now().isAfter(until)) {
					return false;
				}
				Thread.sleep(100);
			}
		}
	}
}
