package cn.needsloop.intake;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import cn.needsloop.understanding.NeedSimilarity;

/**
 * The term index of a community's open needs, in the database so that every node of a cluster reads and writes the
 * same one: {@code need_term} (a row per term of an open need, keyed by community and term) and
 * {@code need_term_count} (how many open needs hold each term, plus {@code #needs} and {@code #terms}). A need is
 * indexed when it is reported or reopened and forgotten when it is closed, in the transaction that does so.
 * <p>
 * A query reads the counts of its terms, looks up the postings of its rarest terms only (terms held by more than a
 * twentieth of the needs say little and would cost most), scores the needs found with {@link NeedSimilarity} and
 * reranks the best ones with their category, grid, place and age from the need table.
 */
@Component
public class SimilarNeedIndex {

	static final String NEEDS = "#needs";

	static final String TERMS = "#terms";

	/** At most this many query terms are looked up, the rarest first ... */
	static final int LOOKED_UP_TERMS = 24;

	/** ... and at most this many postings read for one query. */
	static final int POSTINGS = 5_000;

	/** The best this many by their rare terms are read from the need table and scored in full. */
	static final int RERANKED = 20;

	private static final int MAX_TERM_LENGTH = 40;

	/** The most postings one insert writes (a need's text gives a few dozen terms; a long one a few hundred). */
	private static final int POSTINGS_A_STATEMENT = 200;

	private static final NeedSimilarity SIMILARITY = NeedSimilarity.withBundledLexicon();

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	public SimilarNeedIndex(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
	}

	/** A need found like the query, with its score. */
	public record Found(long needId, String title, String category, String gridCode, Instant reportedAt,
			Integer householdCount, Integer peopleCount, NeedSimilarity.Score score) {
	}

	/** What is being compared: the text, the category proposed or confirmed, the grid and when. */
	public record Query(String communityCode, String gridCode, String title, String description, String category,
			Instant at, Long excluding) {
	}

	public static NeedSimilarity.Terms terms(String title, String description) {
		return SIMILARITY.terms(title, description);
	}

	/** Indexes an open need (once: a need already indexed is left as it is). */
	public void index(Need need) {
		index(jdbc, need.getId(), need.getCommunityCode(), need.getTitle(), need.getDescription());
	}

	/** Takes a need out of the index (when it closes); nothing happens for a need that is not in it. */
	public void forget(Need need) {
		List<String> terms = jdbc.queryForList("select term from need_term where need_id = ?", String.class,
				need.getId());
		if (terms.isEmpty()) {
			return;
		}
		jdbc.update("delete from need_term where need_id = ?", need.getId());
		SortedMap<String, Long> deltas = new TreeMap<>();
		terms.forEach(t -> deltas.put(t, -1L));
		deltas.put(NEEDS, -1L);
		deltas.put(TERMS, (long) -terms.size());
		count(jdbc, need.getCommunityCode(), deltas);
	}

	/**
	 * Indexes every open need into an empty index, in bulk: the migration that made the index runs it once (Flyway's
	 * lock keeps other nodes waiting), and the benchmark to fill a community.
	 */
	public static void indexOpenNeeds(JdbcTemplate jdbc) {
		Map<String, Map<String, Long>> counts = new TreeMap<>();
		List<Object[]> postings = new ArrayList<>();
		jdbc.query("select id, community_code, title, description from need where status = 'OPEN' order by id", rs -> {
			String community = rs.getString(2);
			List<String> terms = indexed(rs.getString(3), rs.getString(4));
			Map<String, Long> ofCommunity = counts.computeIfAbsent(community, c -> new HashMap<>());
			for (String term : terms) {
				postings.add(new Object[] { community, term, rs.getLong(1), terms.size() });
				ofCommunity.merge(term, 1L, Long::sum);
			}
			ofCommunity.merge(NEEDS, 1L, Long::sum);
			ofCommunity.merge(TERMS, (long) terms.size(), Long::sum);
			if (postings.size() >= 5_000) {
				jdbc.batchUpdate("insert into need_term (community_code, term, need_id, terms) values (?, ?, ?, ?)",
						postings);
				postings.clear();
			}
		});
		if (!postings.isEmpty()) {
			jdbc.batchUpdate("insert into need_term (community_code, term, need_id, terms) values (?, ?, ?, ?)", postings);
		}
		List<Object[]> rows = new ArrayList<>();
		counts.forEach((community, ofCommunity) -> ofCommunity
			.forEach((term, needs) -> rows.add(new Object[] { community, term, needs })));
		for (int i = 0; i < rows.size(); i += 5_000) {
			jdbc.batchUpdate("insert into need_term_count (community_code, term, needs) values (?, ?, ?)",
					rows.subList(i, Math.min(rows.size(), i + 5_000)));
		}
	}

	private static List<String> indexed(String title, String description) {
		return terms(title, description).all().stream().filter(t -> t.length() <= MAX_TERM_LENGTH).sorted().toList();
	}

	static void index(JdbcTemplate jdbc, long needId, String communityCode, String title, String description) {
		Integer already = jdbc.queryForObject("select count(*) from need_term where need_id = ?", Integer.class, needId);
		if (already != null && already > 0) {
			return;
		}
		List<String> terms = indexed(title, description);
		if (terms.isEmpty()) {
			return;
		}
		// the postings in one statement of many rows (a batch is still a round trip a row on MySQL's driver)
		for (int from = 0; from < terms.size(); from += POSTINGS_A_STATEMENT) {
			List<String> some = terms.subList(from, Math.min(terms.size(), from + POSTINGS_A_STATEMENT));
			List<Object> values = new ArrayList<>();
			for (String term : some) {
				values.add(communityCode);
				values.add(term);
				values.add(needId);
				values.add(terms.size());
			}
			jdbc.update("insert into need_term (community_code, term, need_id, terms) values "
					+ String.join(", ", java.util.Collections.nCopies(some.size(), "(?, ?, ?, ?)")), values.toArray());
		}
		SortedMap<String, Long> deltas = new TreeMap<>();
		terms.forEach(t -> deltas.put(t, 1L));
		deltas.put(NEEDS, 1L);
		deltas.put(TERMS, (long) terms.size());
		count(jdbc, communityCode, deltas);
	}

	/**
	 * Adds to the counts one term after the other in term order, so that two nodes indexing at once take the rows'
	 * locks in the same order (no deadlock); a count not there yet is inserted, and when another node inserted it
	 * first, added to.
	 */
	private static void count(JdbcTemplate jdbc, String communityCode, SortedMap<String, Long> deltas) {
		deltas.forEach((term, delta) -> {
			int rows = jdbc.update("update need_term_count set needs = needs + ? where community_code = ? and term = ?",
					delta, communityCode, term);
			if (rows == 0 && delta > 0) {
				try {
					jdbc.update("insert into need_term_count (community_code, term, needs) values (?, ?, ?)",
							communityCode, term, delta);
				}
				catch (DuplicateKeyException inserted) {
					jdbc.update("update need_term_count set needs = needs + ? where community_code = ? and term = ?",
							delta, communityCode, term);
				}
			}
		});
	}

	/** The open needs of the query's community most like it, best first, from {@code from} on, at most {@code limit}. */
	public List<Found> similar(Query query, double from, int limit) {
		NeedSimilarity.Terms terms = terms(query.title(), query.description());
		List<String> queryTerms = terms.all().stream().filter(t -> t.length() <= MAX_TERM_LENGTH).toList();
		if (queryTerms.isEmpty()) {
			return List.of();
		}
		List<String> keys = new ArrayList<>(queryTerms);
		keys.add(NEEDS);
		keys.add(TERMS);
		Map<String, Long> counts = new HashMap<>();
		named.query("select term, needs from need_term_count where community_code = :community and term in (:terms)",
				new MapSqlParameterSource("community", query.communityCode()).addValue("terms", keys),
				rs -> {
					counts.put(rs.getString(1), rs.getLong(2));
				});
		if (query.excluding() != null) {
			// the need the steward verifies is in the index itself: counted without it, its own terms are not rare
			List<String> own = jdbc.queryForList("select term from need_term where need_id = ?", String.class,
					query.excluding());
			if (!own.isEmpty()) {
				own.forEach(term -> counts.computeIfPresent(term, (t, n) -> n - 1));
				counts.computeIfPresent(NEEDS, (t, n) -> n - 1);
				counts.computeIfPresent(TERMS, (t, n) -> n - own.size());
			}
		}
		long needs = counts.getOrDefault(NEEDS, 0L);
		if (needs <= 0) {
			return List.of();
		}
		// on the bundled corpus as background, so that a term a small community has not seen yet is not taken as rare
		NeedSimilarity.Statistics statistics = SIMILARITY.onBackground(needs, counts.getOrDefault(TERMS, 0L),
				term -> counts.getOrDefault(term, 0L));

		// the rarest terms, within the budget of postings
		List<String> rare = queryTerms.stream()
			.filter(t -> counts.getOrDefault(t, 0L) > 0)
			.sorted(Comparator.comparingLong(t -> counts.getOrDefault(t, 0L)))
			.toList();
		List<String> lookedUp = new ArrayList<>();
		long postings = 0;
		long common = Math.max(50, needs / 50);
		for (String term : rare) {
			long n = counts.get(term);
			if (lookedUp.size() == LOOKED_UP_TERMS || n > common || postings + n > POSTINGS) {
				break;
			}
			lookedUp.add(term);
			postings += n;
		}
		if (lookedUp.isEmpty()) {
			return List.of();
		}
		// BM25 summed and ranked in the database: only the best candidates come back
		double best = 0;
		for (String term : queryTerms) {
			best += NeedSimilarity.idf(term, statistics);
		}
		double total = best;
		StringBuilder weight = new StringBuilder("case term");
		MapSqlParameterSource parameters = new MapSqlParameterSource("community", query.communityCode())
			.addValue("terms", lookedUp)
			.addValue("excluding", query.excluding() == null ? -1L : query.excluding())
			.addValue("best", RERANKED);
		for (int i = 0; i < lookedUp.size(); i++) {
			weight.append(" when :t").append(i).append(" then ")
				.append(String.format(java.util.Locale.ROOT, "%.6f", NeedSimilarity.idf(lookedUp.get(i), statistics)));
			parameters.addValue("t" + i, lookedUp.get(i));
		}
		weight.append(" else 0 end");
		String ranking = "sum(" + weight + ") * " + NeedSimilarity.lengthFactorSql("max(terms)", statistics);
		Map<Long, Double> rareFound = new LinkedHashMap<>();
		Map<Long, Integer> lengths = new HashMap<>();
		named.query("select need_id, sum(" + weight + ") as found, max(terms) from need_term"
				+ " where community_code = :community and term in (:terms) and need_id <> :excluding"
				+ " group by need_id order by " + ranking + " desc, need_id desc limit :best", parameters, rs -> {
					rareFound.put(rs.getLong(1), rs.getDouble(2));
					lengths.put(rs.getLong(1), rs.getInt(3));
				});
		List<Long> best40 = List.copyOf(rareFound.keySet());
		if (best40.isEmpty()) {
			return List.of();
		}
		// the common terms, not looked up above, are read for these candidates only: their text score is then the
		// same as NeedSimilarity gives over all terms
		Map<Long, Double> allFound = new HashMap<>(rareFound);
		java.util.Set<String> frequent = new java.util.HashSet<>(queryTerms);
		frequent.removeAll(lookedUp);
		frequent.removeIf(t -> counts.getOrDefault(t, 0L) <= 0);
		if (!frequent.isEmpty()) {
			// all terms of these 40 needs, by the need index: a few thousand rows, not the postings of common terms
			named.query("select need_id, term from need_term where need_id in (:ids)",
					new MapSqlParameterSource("ids", best40), rs -> {
						String term = rs.getString(2);
						if (frequent.contains(term)) {
							allFound.merge(rs.getLong(1), NeedSimilarity.idf(term, statistics), Double::sum);
						}
					});
		}
		Map<Long, Double> byText = new HashMap<>();
		allFound.forEach((id, sum) -> byText.put(id, total == 0 ? 0
				: Math.min(1, sum * NeedSimilarity.lengthFactor(lengths.get(id), statistics) / total)));

		List<Found> found = new ArrayList<>();
		named.query("""
				select id, title, description, coalesce(category, proposed_category), grid_code, reported_at,
				       household_count, people_count
				from need where id in (:ids) and community_code = :community and status = 'OPEN'""",
				new MapSqlParameterSource("ids", best40).addValue("community", query.communityCode()), rs -> {
					long id = rs.getLong(1);
					// written by Hibernate as UTC wall-clock time (hibernate.jdbc.time_zone)
					LocalDateTime reported = rs.getObject(6, LocalDateTime.class);
					Instant reportedAt = reported == null ? query.at() : reported.toInstant(ZoneOffset.UTC);
					NeedSimilarity.Score score = NeedSimilarity.score(byText.get(id), terms, query.category(),
							query.gridCode(), query.at(), terms(rs.getString(2), rs.getString(3)), rs.getString(4),
							rs.getString(5), reportedAt);
					if (score.value() >= from) {
						found.add(new Found(id, rs.getString(2), rs.getString(4), rs.getString(5), reportedAt,
								(Integer) rs.getObject(7, Integer.class), (Integer) rs.getObject(8, Integer.class),
								score));
					}
				});
		found.sort(Comparator.comparingDouble((Found f) -> f.score().value()).reversed()
			.thenComparing(Found::needId, Comparator.reverseOrder()));
		return found.size() > limit ? List.copyOf(found.subList(0, limit)) : List.copyOf(found);
	}

	/** The count rows of a community, for tests. */
	Map<String, Long> counts(String communityCode, List<String> terms) {
		Map<String, Long> counts = new LinkedHashMap<>();
		named.query("select term, needs from need_term_count where community_code = :community and term in (:terms)",
				new MapSqlParameterSource("community", communityCode).addValue("terms", terms), rs -> {
					counts.put(rs.getString(1), rs.getLong(2));
				});
		return counts;
	}
}
