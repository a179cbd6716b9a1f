package cn.needsloop.understanding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Character n-grams of a Chinese text. Chinese has no spaces, and residents write colloquially and with typos, so the
 * classifier reads single characters and character pairs (bigrams) within runs of letters and digits; punctuation
 * and spaces break a run.
 */
final class TextFeatures {

	private TextFeatures() {
	}

	/** Runs of CJK ideographs, letters and digits, lower-cased; everything else separates runs. */
	static List<String> runs(String text) {
		List<String> runs = new ArrayList<>();
		if (text == null) {
			return runs;
		}
		StringBuilder run = new StringBuilder();
		text.toLowerCase(Locale.ROOT).codePoints().forEach(cp -> {
			if (Character.isLetterOrDigit(cp)) {
				run.appendCodePoint(cp);
			}
			else if (!run.isEmpty()) {
				runs.add(run.toString());
				run.setLength(0);
			}
		});
		if (!run.isEmpty()) {
			runs.add(run.toString());
		}
		return runs;
	}

	/** Counts of unigrams and bigrams. */
	static Map<String, Integer> ngrams(String text) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (String run : runs(text)) {
			for (int i = 0; i < run.length(); i++) {
				counts.merge(run.substring(i, i + 1), 1, Integer::sum);
				if (i + 2 <= run.length()) {
					counts.merge(run.substring(i, i + 2), 1, Integer::sum);
				}
			}
		}
		return counts;
	}
}
