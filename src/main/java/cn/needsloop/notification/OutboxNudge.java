package cn.needsloop.notification;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes this node's {@link OutboxWorker} when a transaction that wrote outbox rows commits, so a message goes out at
 * once instead of at the next poll (the poll stays as the safety net: for a node that stops before it wakes, and
 * for messages due later). One delivery thread; wakes that come while it delivers are folded into one more round.
 * Other nodes are not woken: their poll finds what this node did not send.
 */
class OutboxNudge implements AutoCloseable {

	private static final Logger LOG = LoggerFactory.getLogger(OutboxNudge.class);

	/** The transaction's resource key: one wake per transaction, however many rows it wrote. */
	private final Object key = new Object();

	private final Runnable deliver;

	private final boolean enabled;

	private final AtomicBoolean queued = new AtomicBoolean();

	private final ExecutorService thread;

	OutboxNudge(Runnable deliver, boolean enabled) {
		this.deliver = deliver;
		this.enabled = enabled;
		this.thread = enabled ? Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "outbox-nudge");
			t.setDaemon(true);
			return t;
		}) : null;
	}

	/** After the current transaction commits (at once when there is none), the worker delivers what is due. */
	void wakeAfterCommit() {
		if (!enabled) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			wake();
			return;
		}
		if (TransactionSynchronizationManager.hasResource(key)) {
			return;
		}
		TransactionSynchronizationManager.bindResource(key, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				wake();
			}

			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(key);
			}
		});
	}

	/** Signals the delivery thread; a round already queued takes this wake along. */
	void wake() {
		if (thread.isShutdown() || !queued.compareAndSet(false, true)) {
			return;
		}
		try {
			thread.execute(() -> {
				queued.set(false);
				try {
					deliver.run();
				}
				catch (RuntimeException ex) {
					LOG.info("outbox: delivery after commit failed, the next poll tries again: {}", ex.toString());
				}
			});
		}
		catch (java.util.concurrent.RejectedExecutionException ex) {
			queued.set(false);
		}
	}

	@Override
	public void close() {
		if (thread != null) {
			thread.shutdownNow();
		}
	}
}
