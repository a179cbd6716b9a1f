package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Extension of the steps of service projects and community consultations too (延期): a step change belongs to a case
 * of a kind ({@code NEED}, {@code PROJECT}, {@code CONSULTATION}) and id, and {@code need_id} (a need's own changes)
 * may now be empty. A Java migration because the one statement that makes a column nullable is spelled differently
 * on H2 and on MySQL / MariaDB; everything else is the same SQL on both.
 */
public class V56__step_change_cases extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		String product = context.getConnection().getMetaData().getDatabaseProductName();
		boolean h2 = product != null && product.toUpperCase(java.util.Locale.ROOT).contains("H2");
		try (Statement sql = context.getConnection().createStatement()) {
			sql.execute(h2 ? "alter table step_change alter column need_id set null"
					: "alter table step_change modify need_id bigint null");
			sql.execute("alter table step_change add column case_kind varchar(16) default 'NEED' not null");
			sql.execute("alter table step_change add column case_id bigint");
			sql.execute("update step_change set case_id = need_id");
			sql.execute("create index ix_step_change_case on step_change (case_kind, case_id, kind, status)");
		}
	}
}
