package cn.needsloop.understanding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Reads the labelled needs and pairs ({@code understanding/similar-needs.tsv}, {@code similar-pairs.tsv}) and measures
 * {@link NeedSimilarity} the way the app uses it: each need in turn is the one being reported, every other need of
 * the set is an open need of the community, at most 3 with a score from the threshold are suggested. Needs with an
 * even id tune (the threshold was chosen on them), needs with an odd id are held out.
 */
record SimilarityEvaluation(int queries, int suggestions, int rightSuggestions, int queriesWithDuplicate,
		int queriesFound, int queriesWithoutDuplicate, int queriesFalselySuggested, int pairs,
		Map<String, int[]> pairsByKind, double meanMillis, List<String> errors) {

	static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

	record LabelledNeed(int id, String place, String problem, String grid, String category, int daysAgo, String title,
			String description) {

		boolean sameAs(LabelledNeed other) {
			return place.equals(other.place) && problem.equals(other.problem);
		}

		Instant reportedAt() {
			return NOW.minus(Duration.ofDays(daysAgo));
		}
	}

	record Pair(int a, int b, boolean similar, String kind) {
	}

	static List<LabelledNeed> needs() {
		List<LabelledNeed> needs = new ArrayList<>();
		for (String[] cells : rows("/understanding/similar-needs.tsv", 8)) {
			needs.add(new LabelledNeed(Integer.parseInt(cells[0]), cells[1], cells[2],
					"-".equals(cells[3]) ? null : cells[3], cells[4], Integer.parseInt(cells[5]), cells[6], cells[7]));
		}
		return needs;
	}

	static List<Pair> labelledPairs() {
		List<Pair> pairs = new ArrayList<>();
		for (String[] cells : rows("/understanding/similar-pairs.tsv", 4)) {
			pairs.add(new Pair(Integer.parseInt(cells[0]), Integer.parseInt(cells[1]), "similar".equals(cells[2]),
					cells[3]));
		}
		return pairs;
	}

	/** The held-out half (odd ids) or the tuning half (even ids). */
	static SimilarityEvaluation run(boolean heldOut, double threshold) {
		return run(id -> heldOut == (id % 2 == 1), threshold);
	}

	static SimilarityEvaluation run(IntPredicate isQuery, double threshold) {
		NeedSimilarity similarity = NeedSimilarity.withBundledLexicon();
		TextModel model = TextModels.shipped();
		List<LabelledNeed> needs = needs();
		Map<Integer, LabelledNeed> byId = new HashMap<>();
		Map<Integer, NeedSimilarity.Terms> terms = new HashMap<>();
		// document frequencies: the pool, on the bundled corpus as background, as the app reads a community's index
		Map<String, Integer> df = new HashMap<>();
		long totalLength = 0;
		for (LabelledNeed n : needs) {
			byId.put(n.id(), n);
			NeedSimilarity.Terms t = similarity.terms(n.title(), n.description());
			terms.put(n.id(), t);
			t.all().forEach(term -> df.merge(term, 1, Integer::sum));
			totalLength += t.length();
		}
		NeedSimilarity.Statistics statistics = similarity.onBackground(needs.size(), totalLength,
				term -> df.getOrDefault(term, 0));

		int queries = 0, suggestions = 0, right = 0, withDuplicate = 0, found = 0, withoutDuplicate = 0, falsely = 0;
		double millis = 0;
		List<String> errors = new ArrayList<>();
		for (LabelledNeed query : needs) {
			if (!isQuery.test(query.id())) {
				continue;
			}
			queries++;
			long start = System.nanoTime();
			NeedSimilarity.Terms q = terms.get(query.id());
			String proposed = model.understand(query.title() + "。" + query.description()).category();
			List<Map.Entry<LabelledNeed, NeedSimilarity.Score>> ranked = new ArrayList<>();
			for (LabelledNeed candidate : needs) {
				if (candidate.id() == query.id()) {
					continue;
				}
				NeedSimilarity.Terms c = terms.get(candidate.id());
				List<String> shared = q.all().stream().filter(c.all()::contains).toList();
				double text = NeedSimilarity.text(q.all(), shared, c.length(), statistics);
				NeedSimilarity.Score score = NeedSimilarity.score(text, q, proposed, query.grid(), query.reportedAt(), c,
						candidate.category(), candidate.grid(), candidate.reportedAt());
				if (score.value() >= threshold) {
					ranked.add(Map.entry(candidate, score));
				}
			}
			ranked.sort(Map.Entry.<LabelledNeed, NeedSimilarity.Score>comparingByValue(
					Comparator.comparingDouble(NeedSimilarity.Score::value)).reversed());
			List<Map.Entry<LabelledNeed, NeedSimilarity.Score>> top = ranked.subList(0, Math.min(3, ranked.size()));
			millis += (System.nanoTime() - start) / 1e6;
			boolean hasDuplicate = needs.stream().anyMatch(c -> c.id() != query.id() && c.sameAs(query));
			suggestions += top.size();
			int rightHere = (int) top.stream().filter(e -> e.getKey().sameAs(query)).count();
			right += rightHere;
			if (hasDuplicate) {
				withDuplicate++;
				if (rightHere > 0) {
					found++;
				}
				else {
					errors.add("missed: " + query.id() + " " + query.title());
				}
			}
			else {
				withoutDuplicate++;
				if (!top.isEmpty()) {
					falsely++;
				}
			}
			top.stream().filter(e -> !e.getKey().sameAs(query)).forEach(e -> errors.add(String.format(
					"wrong: %d %s -> %d %s %s", query.id(), query.title(), e.getKey().id(), e.getKey().title(), e.getValue())));
		}

		Map<String, int[]> byKind = new LinkedHashMap<>(); // kind -> {pairs, judged similar}
		int pairCount = 0;
		for (Pair pair : labelledPairs()) {
			if (!isQuery.test(pair.a())) {
				continue;
			}
			pairCount++;
			LabelledNeed a = byId.get(pair.a());
			LabelledNeed b = byId.get(pair.b());
			NeedSimilarity.Terms ta = terms.get(a.id());
			NeedSimilarity.Terms tb = terms.get(b.id());
			double text = NeedSimilarity.text(ta.all(), ta.all().stream().filter(tb.all()::contains).toList(),
					tb.length(), statistics);
			String proposed = model.understand(a.title() + "。" + a.description()).category();
			double score = NeedSimilarity.score(text, ta, proposed, a.grid(), a.reportedAt(), tb, b.category(), b.grid(),
					b.reportedAt()).value();
			int[] counts = byKind.computeIfAbsent(pair.kind(), k -> new int[2]);
			counts[0]++;
			if (score >= threshold) {
				counts[1]++;
			}
		}
		return new SimilarityEvaluation(queries, suggestions, right, withDuplicate, found, withoutDuplicate, falsely,
				pairCount, byKind, millis / Math.max(1, queries), errors);
	}

	double precisionAt3() {
		return suggestions == 0 ? Double.NaN : rightSuggestions / (double) suggestions;
	}

	double duplicatesFound() {
		return queriesWithDuplicate == 0 ? Double.NaN : queriesFound / (double) queriesWithDuplicate;
	}

	double falseSuggestionRate() {
		return queriesWithoutDuplicate == 0 ? Double.NaN : queriesFalselySuggested / (double) queriesWithoutDuplicate;
	}

	String report() {
		StringBuilder s = new StringBuilder();
		s.append(String.format("similar needs: %d queries, %d suggestions shown%n", queries, suggestions));
		s.append(String.format("precision@3 %.3f (%d of %d suggestions are the same need)%n", precisionAt3(),
				rightSuggestions, suggestions));
		s.append(String.format("needs with a duplicate in the pool offered it in the top 3: %.3f (%d of %d)%n",
				duplicatesFound(), queriesFound, queriesWithDuplicate));
		s.append(String.format("false-suggestion rate (needs without a duplicate shown any suggestion): %.3f (%d of %d)%n",
				falseSuggestionRate(), queriesFalselySuggested, queriesWithoutDuplicate));
		s.append(String.format("labelled pairs of these queries: %d%n", pairs));
		pairsByKind.forEach((kind, c) -> s.append(String.format("  %-28s %3d pairs, scored as similar %.3f%n", kind, c[0],
				c[1] / (double) c[0])));
		s.append(String.format("in-memory suggestion time per need (%d candidates) %.3f ms%n", queries == 0 ? 0 : 134,
				meanMillis));
		return s.toString();
	}

	private static List<String[]> rows(String resource, int cells) {
		try (InputStream in = SimilarityEvaluation.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is not on the test classpath");
			}
			List<String[]> rows = new ArrayList<>();
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] row = line.split("\t");
				if (row.length != cells) {
					throw new IllegalArgumentException(resource + ": not " + cells + " cells: " + line);
				}
				rows.add(row);
			}
			return rows;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
