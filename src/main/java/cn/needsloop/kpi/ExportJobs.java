package cn.needsloop.kpi;

import cn.needsloop.process.Accounts;
import cn.needsloop.process.ProcessGateway;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.needsloop.cluster.LeasedJobs;
import cn.needsloop.shared.Actor;

/**
 * Long exports run in the background, so the page can show their progress: a job counts the rows it has
 * written out of the total, then holds the finished file for its owner to download.
 * <p>
 * Jobs are rows in the database ({@code export_job}), and so is the finished file: any node of a cluster shows a
 * job's progress and hands out its file. A job records what to export (its kind and filter as JSON), so when the
 * node writing it dies (its lease, renewed while it writes, runs out) another node writes it again from the
 * start, for the same user with their groups as Camunda has them then. Kept {@code needsloop.jobs.keep} (24 h).
 */
@Component
class ExportJobs {

	private static final Logger LOG = LoggerFactory.getLogger(ExportJobs.class);

	/** How often, at most, a running export writes its progress and renews its lease. */
	private static final long PROGRESS_EVERY_MS = 500;

	/** Progress of one export as the database holds it now. */
	final class Job {

		final String id;

		final String owner;

		final String fileName;

		final long done;

		final long total;

		final boolean finished;

		final boolean failed;

		final int runs;

		private Job(String id, String owner, String fileName, long done, long total, boolean finished, boolean failed,
				int runs) {
			this.id = id;
			this.owner = owner;
			this.fileName = fileName;
			this.done = done;
			this.total = total;
			this.finished = finished;
			this.failed = failed;
			this.runs = runs;
		}

		boolean finished() {
			return finished;
		}

		/** Whether the file is there to download. */
		boolean ready() {
			return finished && !failed;
		}

		/** Waits until the file is written or the job failed, at most {@code timeout}; whether it finished. */
		boolean awaitFinished(Duration timeout) throws InterruptedException {
			return leases.awaitFinished(id, timeout);
		}

		Map<String, Object> status() {
			Map<String, Object> status = new LinkedHashMap<>();
			status.put("id", id);
			status.put("done", done);
			status.put("total", total);
			status.put("finished", finished);
			status.put("failed", failed);
			return status;
		}
	}

	/** What a job tells while it writes. */
	interface Progress {

		void total(long total);

		/** One more row written. */
		void row();
	}

	/** The work of a job: write the workbook to the stream, counting rows. */
	interface Work {

		void write(Progress progress, OutputStream out) throws IOException;
	}

	/**
	 * The one export pager: writes a list page by page into a workbook ({@code pages} gives page 0, 1, … of it),
	 * one row an item, telling the total first and each row as it goes.
	 */
	static <T> Work pages(String sheetName, List<String> header, IntFunction<Page<T>> pages, Function<T, List<?>> row) {
		return (progress, out) -> Workbooks.write(sheetName, header, sheet -> {
			Page<T> page = pages.apply(0);
			progress.total(page.getTotalElements());
			while (true) {
				for (T item : page.getContent()) {
					sheet.row(row.apply(item));
					progress.row();
				}
				if (!page.hasNext()) {
					break;
				}
				page = pages.apply(page.getNumber() + 1);
			}
		}, out);
	}

	/** How an export of one kind is written, from its filter, for a user, in their language: on any node. */
	interface Recipe<Q> {

		Work work(Q query, Actor actor, Locale locale);
	}

	private record Kind<Q>(Class<Q> type, Recipe<Q> recipe) {
	}

	private final Map<String, Kind<?>> kinds = new ConcurrentHashMap<>();

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	private final Accounts accounts;

	private final LeasedJobs jobs;

	private final LeasedJobs.Table leases;

	ExportJobs(JdbcTemplate jdbc, ObjectMapper json, Accounts accounts, LeasedJobs jobs) {
		this.jdbc = jdbc;
		this.json = json;
		this.accounts = accounts;
		this.jobs = jobs;
		// written again from the start on the node that takes it over
		this.leases = jobs.table("export_job", "export", "done = 0", id -> run(id, null));
	}

	/** Makes exports of this kind possible (each controller names its own at start). */
	<Q> void recipe(String kind, Class<Q> type, Recipe<Q> recipe) {
		kinds.put(kind, new Kind<>(type, recipe));
	}

	/** Starts an export in the background; poll {@link #find} for its progress. */
	<Q> Job start(String kind, Actor actor, Locale locale, String fileName, Q query) {
		if (!kinds.containsKey(kind)) {
			throw new IllegalArgumentException("no export of kind " + kind);
		}
		String queryJson;
		try {
			queryJson = json.writeValueAsString(query);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException(ex);
		}
		String id = UUID.randomUUID().toString();
		jdbc.update("insert into export_job (id, owner, kind, query_json, locale, file_name, total, done, created_at,"
				+ " lease_owner, lease_until_ms, runs) values (?, ?, ?, ?, ?, ?, -1, 0, ?, ?, ?, 1)", id, actor.userId(), kind,
				queryJson, locale.toLanguageTag(), fileName, Timestamp.from(Instant.now()), jobs.node(), jobs.leaseUntil());
		submit(id, actor);
		return load(id).orElseThrow();
	}

	Optional<Job> find(String id, String owner) {
		return load(id).filter(j -> j.owner.equals(owner));
	}

	/** The finished file of a job, streamed to {@code out}; false when there is none (yet). */
	boolean copyFile(String id, OutputStream out) {
		Boolean copied = jdbc.query("select content from export_job where id = ? and finished_at is not null and failure is null",
				rs -> {
					if (!rs.next()) {
						return false;
					}
					try (InputStream in = rs.getBinaryStream(1)) {
						if (in == null) {
							return false;
						}
						in.transferTo(out);
						return true;
					}
					catch (IOException ex) {
						throw new java.io.UncheckedIOException(ex);
					}
				}, id);
		return Boolean.TRUE.equals(copied);
	}

	private void submit(String id, Actor actor) {
		leases.submit(id, () -> run(id, actor));
	}

	private void run(String id, Actor given) {
		Map<String, Object> row = jdbc.queryForList("select owner, kind, query_json, locale from export_job where id = ?", id)
			.stream().findFirst().orElse(null);
		if (row == null) {
			return;
		}
		String owner = (String) row.get("owner");
		Actor actor = given != null ? given : actorNow(owner);
		Locale locale = Locale.forLanguageTag((String) row.get("locale"));
		Path file = null;
		try {
			Work work = work((String) row.get("kind"), (String) row.get("query_json"), actor, locale);
			file = Files.createTempFile("needsloop-export-", ".xlsx");
			ProgressRow progress = new ProgressRow(id);
			try (OutputStream out = Files.newOutputStream(file)) {
				work.write(progress, out);
			}
			progress.flush();
			Path written = file;
			int stored = jdbc.update(connection -> {
				var update = connection.prepareStatement("update export_job set content = ?, done = ?, finished_at = ?,"
						+ " lease_owner = null, lease_until_ms = null where id = ? and lease_owner = ? and finished_at is null");
				try {
					update.setBinaryStream(1, Files.newInputStream(written), Files.size(written));
				}
				catch (IOException ex) {
					throw new java.sql.SQLException(ex);
				}
				update.setLong(2, progress.done);
				update.setTimestamp(3, Timestamp.from(Instant.now()));
				update.setString(4, id);
				update.setString(5, jobs.node());
				return update;
			});
			if (stored == 0) {
				LOG.info("export {}: lease lost to another node; its file is theirs to write", id);
			}
		}
		catch (LeaseLost ex) {
			LOG.info("export {}: lease lost to another node; leaving it", id);
		}
		catch (IOException | RuntimeException ex) {
			LOG.warn("export {} failed", id, ex);
			leases.finish(id, "failure = ?", cut(ex.toString(), 1000));
		}
		finally {
			if (file != null) {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ex) {
					LOG.debug("temporary export file {} left", file, ex);
				}
			}
		}
	}

	@SuppressWarnings("unchecked")
	private <Q> Work work(String kind, String queryJson, Actor actor, Locale locale) throws IOException {
		Kind<Q> k = (Kind<Q>) kinds.get(kind);
		if (k == null) {
			throw new IllegalStateException("no export of kind " + kind + " on this node");
		}
		return k.recipe().work(json.readValue(queryJson, k.type()), actor, locale);
	}

	/** Writes the count to the job's row now and then, renewing the lease; stops the work when the lease is lost. */
	private final class ProgressRow implements Progress {

		private final String id;

		private long done;

		private long lastWrite = System.currentTimeMillis();

		ProgressRow(String id) {
			this.id = id;
		}

		@Override
		public void total(long total) {
			if (jdbc.update("update export_job set total = ?, lease_until_ms = ? where id = ? and lease_owner = ?", total,
					jobs.leaseUntil(), id, jobs.node()) == 0) {
				throw new LeaseLost();
			}
		}

		@Override
		public void row() {
			done++;
			if (System.currentTimeMillis() - lastWrite >= PROGRESS_EVERY_MS) {
				flush();
			}
		}

		void flush() {
			lastWrite = System.currentTimeMillis();
			if (jdbc.update("update export_job set done = ?, lease_until_ms = ? where id = ? and lease_owner = ?", done,
					jobs.leaseUntil(), id, jobs.node()) == 0) {
				throw new LeaseLost();
			}
		}
	}

	private static final class LeaseLost extends RuntimeException {

		private static final long serialVersionUID = 1L;

		LeaseLost() {
			super(null, null, false, false);
		}
	}

	/** Takes up the exports whose node died (lease run out) and writes them again ({@link LeasedJobs} every sweep). */
	public void takeOverAbandoned() {
		leases.takeOverAbandoned();
	}

	Optional<Job> load(String id) {
		if (id == null || id.length() > 36) {
			return Optional.empty();
		}
		return jdbc.query("select owner, file_name, done, total, finished_at, failure, runs from export_job where id = ?",
				(rs, n) -> new Job(id, rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
						rs.getTimestamp(5) != null, rs.getString(6) != null, rs.getInt(7)), id)
			.stream().findFirst();
	}

	private Actor actorNow(String userId) {
		return accounts.actor(userId);
	}

	private static String cut(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}
}
