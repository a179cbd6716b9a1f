package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import cn.needsloop.intake.SimilarNeedIndex;

/**
 * Similar needs (issue 13): households and people who said 我也有此需求 on a need, and the term index of the open
 * needs that suggestions read on every node of a cluster. A Java migration so that the open needs reported before it
 * are indexed once, by whichever node migrates first (Flyway's lock keeps the others waiting), with the same code that
 * indexes a need when it is reported. The statements run on H2 and MySQL alike.
 */
public class V42__similar_needs extends BaseJavaMigration {

	static final String[] SCHEMA = {
			"alter table need add column people_count int",
			"""
			create table need_supporter (
			    id bigint auto_increment primary key,
			    need_id bigint not null,
			    user_id varchar(64) not null,
			    name varchar(50) not null,
			    phone varchar(30) not null,
			    people int not null,
			    joined_at datetime(3) not null
			)""",
			"create unique index ux_need_supporter_user on need_supporter (need_id, user_id)",
			// one row per term of an open need; the primary key is the index a suggestion reads
			"""
			create table need_term (
			    community_code varchar(32) not null,
			    term varchar(40) not null,
			    need_id bigint not null,
			    terms int not null,
			    primary key (community_code, term, need_id)
			)""",
			"create index ix_need_term_need on need_term (need_id)",
			// how many open needs of a community hold each term ("#needs" and "#terms": the needs and all their terms)
			"""
			create table need_term_count (
			    community_code varchar(32) not null,
			    term varchar(40) not null,
			    needs bigint not null,
			    primary key (community_code, term)
			)""" };

	@Override
	public void migrate(Context context) {
		JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
		for (String statement : SCHEMA) {
			jdbc.execute(statement);
		}
		SimilarNeedIndex.indexOpenNeeds(jdbc);
	}
}
