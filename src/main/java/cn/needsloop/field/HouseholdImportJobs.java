package cn.needsloop.field;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.needsloop.cluster.LeasedJobs;
import cn.needsloop.field.HouseholdImport.Refusal;
import cn.needsloop.field.HouseholdSheets.SheetRow;
import cn.needsloop.shared.Actor;
import cn.needsloop.shared.ProblemException;

/**
 * Imports of a household register as jobs in the background, so that a 10,000-row sheet answers at once and shows
 * its progress. The upload keeps the sheet in the database ({@code household_import}) and any node may run the job:
 * the node holding its lease ({@link LeasedJobs}) reads the sheet (phase {@code READING}), checks every row
 * ({@code CHECKING}, rows checked of the total written to the job's row now and then, renewing the lease), and then
 * either keeps the row-by-row report of what was refused (state {@code REFUSED}: nothing written) or writes the
 * register ({@code WRITING}) in one transaction that also marks the job {@code IMPORTED} on condition that this node
 * still holds its lease: all or nothing, and never twice. When a node dies its lease runs out and another node starts
 * the job again from the sheet ({@code needsloop.jobs.lease}, swept every {@code needsloop.jobs.sweep-interval}).
 * <p>
 * A job is seen by whoever uploaded it, the community's stewards and managers; it is kept
 * {@code needsloop.jobs.keep} (24 h) after it finished, the sheet itself only until then.
 */
@Component
public class HouseholdImportJobs {

	private static final Logger LOG = LoggerFactory.getLogger(HouseholdImportJobs.class);

	/** How often, at most, a running import writes its progress and renews its lease. */
	private static final long PROGRESS_EVERY_MS = 250;

	/**
	 * The largest sheet kept ({@code needsloop.households.import-max-size}, also the uploads' body limit in
	 * {@code RequestBodyLimitFilter}; a 20,000-row sheet is about 600 KB).
	 */
	private final long maxBytes;

	/** Whether the job still runs, and how it ended. */
	public enum State {
		RUNNING, IMPORTED, REFUSED, FAILED
	}

	/** Where a running job is. */
	public enum Phase {
		WAITING, READING, CHECKING, WRITING, DONE
	}

	/**
	 * An import as the database holds it now: its progress (rows checked, then written, of the total; {@code percent}
	 * counts checking as the first half and writing as the second), and once done what was added and updated, or every
	 * refused row and column and why.
	 */
	public record Status(String id, String communityCode, String uploadedBy, String fileName, State state, Phase phase,
			int total, int checked, int written, int percent, int created, int updated, int refusedCount, List<Refusal> refused,
			String failure, Instant createdAt, Instant finishedAt, int runs) {

		public boolean finished() {
			return state != State.RUNNING;
		}
	}

	private final HouseholdImport importer;

	private final HouseholdService households;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final TransactionTemplate apart;

	private final ObjectMapper json;

	private final MessageSource messages;

	private final LeasedJobs jobs;

	private final LeasedJobs.Table leases;

	HouseholdImportJobs(HouseholdImport importer, HouseholdService households, JdbcTemplate jdbc,
			PlatformTransactionManager transactions, ObjectMapper json, MessageSource messages, LeasedJobs jobs,
			@Value("${needsloop.households.import-max-size}") DataSize maxSize) {
		this.maxBytes = maxSize.toBytes();
		this.importer = importer;
		this.households = households;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.apart = new TransactionTemplate(transactions);
		this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.json = json;
		this.messages = messages;
		this.jobs = jobs;
		// started again from the sheet on the node that takes it over
		this.leases = jobs.table("household_import", "household import", "phase = 'WAITING', checked_rows = 0, written_rows = 0", this::run);
	}

	/**
	 * Keeps the sheet and starts checking and importing it in the background; a steward of the community or a manager
	 * only. A file that is not even a zip archive is refused at once (400); the rest is the job's to tell.
	 */
	public Status start(String communityCode, String fileName, byte[] sheet, Actor actor, Locale locale) {
		households.requireSteward(actor, communityCode);
		if (sheet == null || sheet.length < 4 || sheet[0] != 'P' || sheet[1] != 'K') {
			throw ProblemException.badField("file", "problem.household.notXlsx");
		}
		if (sheet.length > maxBytes) {
			throw new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, "problem.household.tooLarge",
					DataSize.ofBytes(maxBytes).toMegabytes() + " MB");
		}
		String id = UUID.randomUUID().toString();
		jdbc.update("insert into household_import (id, community_code, uploaded_by, locale, file_name, sheet, state, phase,"
				+ " total_rows, checked_rows, written_rows, created_count, updated_count, refused_count, created_at, lease_owner,"
				+ " lease_until_ms, runs) values (?, ?, ?, ?, ?, ?, 'RUNNING', 'WAITING', 0, 0, 0, 0, 0, 0, ?, ?, ?, 1)", id,
				communityCode, actor.userId(), locale.toLanguageTag(), cut(fileName, 200), sheet,
				Timestamp.from(Instant.now()), jobs.node(), jobs.leaseUntil());
		leases.submit(id, () -> run(id));
		return load(id).orElseThrow();
	}

	/** An import as its uploader, the community's stewards or a manager may see it; 404 for an unknown id, 403 to others. */
	public Status status(String id, Actor actor) {
		Status status = load(id).orElseThrow(() -> ProblemException.notFound("householdImport", id));
		if (!status.uploadedBy().equals(actor.userId()) && !actor.isManager()
				&& !actor.isStewardOf(status.communityCode())) {
			throw ProblemException.forbidden("problem.household.stewardOnly", status.communityCode());
		}
		return status;
	}

	/** Takes up the imports whose node died (lease run out), from the start ({@link LeasedJobs} every sweep). */
	public void takeOverAbandoned() {
		leases.takeOverAbandoned();
	}

	private void run(String id) {
		Map<String, Object> row = jdbc.queryForList("select community_code, uploaded_by, locale, sheet from household_import"
				+ " where id = ? and finished_at is null", id).stream().findFirst().orElse(null);
		if (row == null || row.get("sheet") == null) {
			return;
		}
		String community = (String) row.get("community_code");
		String uploadedBy = (String) row.get("uploaded_by");
		Locale locale = Locale.forLanguageTag((String) row.get("locale"));
		try {
			phase(id, Phase.READING, null);
			List<SheetRow> rows;
			try {
				rows = HouseholdSheets.read((byte[]) row.get("sheet"), messages, locale);
			}
			catch (ProblemException whole) {
				ProblemException.FieldProblem why = whole.fieldProblems().isEmpty()
						? new ProblemException.FieldProblem("file", whole.messageKey(), whole.args())
						: whole.fieldProblems().get(0);
				refuse(id, 0, List.of(importer.refusedAsAWhole(why.messageKey(), why.args(), locale)));
				return;
			}
			phase(id, Phase.CHECKING, rows.size());
			Progress progress = new Progress(id);
			HouseholdImport.Outcome outcome = importer.check(community, rows, locale, progress::checked);
			progress.flush();
			if (!outcome.refused().isEmpty()) {
				refuse(id, outcome.rows(), outcome.refused());
				return;
			}
			phase(id, Phase.WRITING, null);
			transaction.executeWithoutResult(status -> {
				HouseholdImport.Report report = importer.write(community, outcome.checked(), uploadedBy,
						written -> apart.executeWithoutResult(s -> written(id, written)));
				// in the same transaction as the register: done once, by the node that holds the job
				if (!leases.finish(id, "state = 'IMPORTED', phase = 'DONE', created_count = ?, updated_count = ?,"
						+ " report = ?, sheet = null", report.created(), report.updated(), toJson(report.refused()))) {
					throw new LeaseLost();
				}
			});
		}
		catch (LeaseLost ex) {
			LOG.info("household import {}: lease lost to another node; leaving it", id);
		}
		catch (RuntimeException ex) {
			LOG.warn("household import {} failed", id, ex);
			leases.finish(id, "state = 'FAILED', phase = 'DONE', failure = ?, sheet = null", cut(ex.toString(), 1000));
		}
	}

	private void refuse(String id, int rows, List<Refusal> refused) {
		if (!leases.finish(id, "state = 'REFUSED', phase = 'DONE', total_rows = ?, checked_rows = ?, refused_count = ?,"
				+ " report = ?, sheet = null", rows, rows, refused.size(), toJson(refused))) {
			throw new LeaseLost();
		}
	}

	private void phase(String id, Phase phase, Integer total) {
		int changed = total == null
				? jdbc.update("update household_import set phase = ?, lease_until_ms = ? where id = ? and lease_owner = ?"
						+ " and finished_at is null", phase.name(), jobs.leaseUntil(), id, jobs.node())
				: jdbc.update("update household_import set phase = ?, total_rows = ?, checked_rows = 0, lease_until_ms = ?"
						+ " where id = ? and lease_owner = ? and finished_at is null", phase.name(), total, jobs.leaseUntil(), id,
						jobs.node());
		if (changed == 0) {
			throw new LeaseLost();
		}
	}

	/** Rows written so far (in a transaction of its own: the register's is not committed yet), renewing the lease. */
	private void written(String id, int rows) {
		if (jdbc.update("update household_import set written_rows = ?, lease_until_ms = ? where id = ? and lease_owner = ?"
				+ " and finished_at is null", rows, jobs.leaseUntil(), id, jobs.node()) == 0) {
			throw new LeaseLost();
		}
	}

	/** Writes the rows checked to the job's row now and then, renewing the lease; stops the job when the lease is lost. */
	private final class Progress {

		private final String id;

		private int checked;

		private long lastWrite = System.currentTimeMillis();

		Progress(String id) {
			this.id = id;
		}

		void checked(int rows) {
			checked = rows;
			if (System.currentTimeMillis() - lastWrite >= PROGRESS_EVERY_MS) {
				flush();
			}
		}

		void flush() {
			lastWrite = System.currentTimeMillis();
			if (jdbc.update("update household_import set checked_rows = ?, lease_until_ms = ? where id = ? and lease_owner = ?"
					+ " and finished_at is null", checked, jobs.leaseUntil(), id, jobs.node()) == 0) {
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

	Optional<Status> load(String id) {
		if (id == null || id.length() > 36) {
			return Optional.empty();
		}
		return jdbc.query("select community_code, uploaded_by, file_name, state, phase, total_rows, checked_rows,"
				+ " created_count, updated_count, refused_count, report, failure, created_at, finished_at, runs, written_rows"
				+ " from household_import where id = ?", (rs, n) -> {
					int total = rs.getInt(6);
					int checked = rs.getInt(7);
					int written = rs.getInt(16);
					State state = State.valueOf(rs.getString(4));
					Timestamp finished = rs.getTimestamp(14);
					String failure = rs.getString(12) == null ? null
							: messages.getMessage("household.import.failed", null, LocaleContextHolder.getLocale());
					return new Status(id, rs.getString(1), rs.getString(2), rs.getString(3), state, Phase.valueOf(rs.getString(5)),
							total, checked, written,
							state != State.RUNNING ? 100 : total == 0 ? 0 : (int) (50L * (checked + written) / total),
							rs.getInt(8), rs.getInt(9), rs.getInt(10), fromJson(rs.getBytes(11)), failure,
							rs.getTimestamp(13).toInstant(), finished == null ? null : finished.toInstant(), rs.getInt(15));
				}, id).stream().findFirst();
	}

	private byte[] toJson(List<Refusal> refused) {
		try {
			return json.writeValueAsBytes(refused);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<Refusal> fromJson(byte[] report) {
		if (report == null) {
			return List.of();
		}
		try {
			return json.readValue(report, new TypeReference<List<Refusal>>() {
			});
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String cut(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}
}
