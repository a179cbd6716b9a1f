package cn.needsloop.understanding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A curated list of terms per label (from {@code understanding/lexicon.tsv}): each term found in a text adds the
 * feature {@code LEX:<label>}, which the classifier weighs by what it learnt from the corpus, so that a synonym the
 * corpus never used still counts.
 */
final class Lexicon {

	static final String FEATURE_PREFIX = "LEX:";

	record Hit(String label, String term) {
	}

	private final Map<String, List<String>> termsByLabel;

	Lexicon(Map<String, List<String>> termsByLabel) {
		Map<String, List<String>> copy = new LinkedHashMap<>();
		termsByLabel.forEach((label, terms) -> copy.put(label, List.copyOf(terms)));
		this.termsByLabel = copy;
	}

	static Lexicon parse(List<String> lines) {
		Map<String, List<String>> terms = new LinkedHashMap<>();
		for (String line : lines) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] cells = line.split("\t", 2);
			if (cells.length != 2) {
				throw new IllegalArgumentException("lexicon line is not label<TAB>terms: " + line);
			}
			terms.computeIfAbsent(cells[0].strip(), k -> new ArrayList<>()).addAll(List.of(cells[1].strip().split("\\s+")));
		}
		return new Lexicon(terms);
	}

	List<String> lines() {
		List<String> lines = new ArrayList<>();
		termsByLabel.forEach((label, terms) -> lines.add(label + "\t" + String.join(" ", terms)));
		return lines;
	}

	Map<String, List<String>> termsByLabel() {
		return termsByLabel;
	}

	List<Hit> hits(String text) {
		List<Hit> hits = new ArrayList<>();
		if (text == null) {
			return hits;
		}
		termsByLabel.forEach((label, terms) -> {
			for (String term : terms) {
				if (text.contains(term)) {
					hits.add(new Hit(label, term));
				}
			}
		});
		return hits;
	}
}
