package cn.needsloop.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * One node at a time gets through the start: the row {@code start} of {@code app_lock}, taken with
 * {@code SELECT ... FOR UPDATE} on a connection of its own just before the engine is built (the engine plugin
 * {@code process.StartLockPlugin} takes it), and held until
 * the application is ready (or its start failed). Under it run everything a start writes once: Camunda's
 * tables, deployments and administrator, our administrator, Camunda authorizations and Tasklist filters, the
 * demo users and data. Two nodes started at the same moment on an empty database therefore seed once: the
 * second waits, then finds everything there. A node that dies holding the lock drops its connection, and the
 * database releases the lock with it.
 * <p>
 * The lock's table comes from Flyway, which therefore runs first (Flyway takes its own lock on MySQL).
 */
@Component
public class StartLock {

	private static final Logger LOG = LoggerFactory.getLogger(StartLock.class);

	private final DataSource dataSource;

	private final Duration maxWait;

	private Connection held;

	StartLock(DataSource dataSource, ObjectProvider<FlywayMigrationInitializer> flyway,
			@Value("${needsloop.start-lock.max-wait:PT10M}") Duration maxWait) {
		flyway.ifAvailable(migrations -> {
			// only its existence matters: the migrations have run when the initializer bean exists
		});
		this.dataSource = dataSource;
		this.maxWait = maxWait;
	}

	/**
	 * Takes the lock, waiting for another node's start at most {@code needsloop.start-lock.max-wait}; called
	 * just before the engine is built ({@code process.StartLockPlugin}).
	 */
	public synchronized void acquire() {
		if (held != null) {
			return;
		}
		Instant deadline = Instant.now().plus(maxWait);
		Instant started = Instant.now();
		boolean told = false;
		try {
			Connection connection = dataSource.getConnection();
			try {
				connection.setAutoCommit(false);
				while (true) {
					try (PreparedStatement select = connection
						.prepareStatement("select name from app_lock where name = 'start' for update");
							ResultSet rows = select.executeQuery()) {
						if (!rows.next()) {
							throw new IllegalStateException("app_lock has no row 'start' (migration V11)");
						}
						break;
					}
					catch (SQLException ex) {
						if (!isLockTimeout(ex) || Instant.now().isAfter(deadline)) {
							throw ex;
						}
						connection.rollback();
						if (!told) {
							LOG.info("Another node is starting on this database; waiting for it (at most {})", maxWait);
							told = true;
						}
					}
				}
				held = connection;
				if (told) {
					LOG.info("Start lock taken after {} s", Duration.between(started, Instant.now()).toSeconds());
				}
			}
			catch (SQLException | RuntimeException ex) {
				connection.close();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not take the start lock (app_lock 'start')", ex);
		}
	}

	private static boolean isLockTimeout(SQLException ex) {
		// MySQL/MariaDB: 1205 lock wait timeout; H2: 50200 LOCK_TIMEOUT; SQLState 40001/HYT00 on some drivers
		return ex.getErrorCode() == 1205 || ex.getErrorCode() == 50200 || "HYT00".equals(ex.getSQLState())
				|| "40001".equals(ex.getSQLState()) || "41000".equals(ex.getSQLState());
	}

	/** Whether this node holds the lock now (its start is under way). */
	public synchronized boolean held() {
		return held != null;
	}

	@EventListener(ApplicationReadyEvent.class)
	public synchronized void release() {
		if (held == null) {
			return;
		}
		try (Connection connection = held; Statement ignored = connection.createStatement()) {
			connection.commit();
			connection.setAutoCommit(true);
		}
		catch (SQLException ex) {
			LOG.warn("Releasing the start lock failed; the database releases it with the connection", ex);
		}
		finally {
			held = null;
		}
	}

	@PreDestroy
	void close() {
		release();
	}
}
