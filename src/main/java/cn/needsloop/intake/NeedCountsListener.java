package cn.needsloop.intake;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import org.hibernate.HibernateException;
import org.hibernate.action.spi.AfterTransactionCompletionProcess;
import org.hibernate.action.spi.BeforeTransactionCompletionProcess;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.stereotype.Component;

import cn.needsloop.intake.NeedCounts.Counted;
import cn.needsloop.intake.NeedCounts.Key;
import jakarta.persistence.EntityManagerFactory;

/**
 * Keeps {@link NeedCounts} (the KPI read model) in step with the need table: every insert, update and delete of a
 * {@link Need} that Hibernate flushes, whoever makes it (reporting, verification, classification, the pool and
 * projects, resolution, evaluation, reopening), adds its new counts and takes away its old ones, in the same
 * transaction. The differences of a transaction are summed per row and written once, just before it commits (after
 * Hibernate's last flush), in key order. SQL that writes the need table directly (the benchmark generator's bulk
 * load) must run {@link NeedCounts#rebuild} after it.
 */
@Component
class NeedCountsListener implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

	NeedCountsListener(EntityManagerFactory emf) {
		EventListenerRegistry registry = emf.unwrap(SessionFactoryImplementor.class)
			.getServiceRegistry()
			.requireService(EventListenerRegistry.class);
		registry.appendListeners(EventType.POST_INSERT, this);
		registry.appendListeners(EventType.POST_UPDATE, this);
		registry.appendListeners(EventType.POST_DELETE, this);
	}

	@Override
	public void onPostInsert(PostInsertEvent event) {
		if (event.getEntity() instanceof Need) {
			Map<Key, long[]> deltas = pending(event.getSession());
			NeedCounts.delta(deltas, counted(event.getId(), event.getPersister(), event.getState()), 1);
		}
	}

	@Override
	public void onPostUpdate(PostUpdateEvent event) {
		if (event.getEntity() instanceof Need) {
			if (event.getOldState() == null) {
				throw new IllegalStateException("need " + event.getId() + " updated without its old state: the KPI"
						+ " read model cannot follow it (update it through a loaded entity)");
			}
			Map<Key, long[]> deltas = pending(event.getSession());
			NeedCounts.delta(deltas, counted(event.getId(), event.getPersister(), event.getOldState()), -1);
			NeedCounts.delta(deltas, counted(event.getId(), event.getPersister(), event.getState()), 1);
		}
	}

	@Override
	public void onPostDelete(PostDeleteEvent event) {
		if (event.getEntity() instanceof Need) {
			Map<Key, long[]> deltas = pending(event.getSession());
			NeedCounts.delta(deltas, counted(event.getId(), event.getPersister(), event.getDeletedState()), -1);
		}
	}

	@Override
	public boolean requiresPostCommitHandling(EntityPersister persister) {
		return false;
	}

	private static Counted counted(Object id, EntityPersister persister, Object[] state) {
		return Counted.of(id, persister.getPropertyNames(), state);
	}

	/** The differences of the session's transaction, written before it completes. */
	private static Map<Key, long[]> pending(EventSource session) {
		Writer writer = Writer.OF.get(session);
		if (writer == null) {
			writer = new Writer(session);
			Writer.OF.put(session, writer);
			session.getActionQueue().registerProcess((BeforeTransactionCompletionProcess) writer);
			session.getActionQueue().registerProcess((AfterTransactionCompletionProcess) writer);
		}
		return writer.deltas;
	}

	/**
	 * Writes a transaction's differences before it commits, one a session and transaction; forgets them when the
	 * transaction completes either way (a session may outlive its transaction, e.g. open in view).
	 */
	private static final class Writer implements BeforeTransactionCompletionProcess, AfterTransactionCompletionProcess {

		/** Sessions are used by one thread at a time; the map is only ever touched by a session's own thread. */
		static final Map<Object, Writer> OF = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

		final Map<Key, long[]> deltas = new HashMap<>();

		private final Object session;

		Writer(Object session) {
			this.session = session;
		}

		@Override
		public void doBeforeTransactionCompletion(SessionImplementor s) {
			OF.remove(session);
			if (deltas.isEmpty()) {
				return;
			}
			s.doWork(connection -> {
				try {
					NeedCounts.apply(connection, deltas);
				}
				catch (SQLException e) {
					throw new HibernateException("could not update the KPI read model (need_kpi_count)", e);
				}
			});
			deltas.clear();
		}

		@Override
		public void doAfterTransactionCompletion(boolean success, SharedSessionContractImplementor s) {
			OF.remove(session);
			deltas.clear();
		}
	}
}
