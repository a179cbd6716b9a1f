package cn.needsloop.understanding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Curated expressions of danger to life and limb ({@code understanding/danger.tsv}): self-harm also in indirect
 * words, gas, fire, e-bikes charging indoors, blocked fire lanes, collapse, falling objects, missing manhole covers,
 * landslides, floods, a person not seen for days, violence. Any match makes a need URGENT, whatever its category.
 */
final class DangerLexicon {

	record Hit(String danger, String words) {
	}

	private final Map<String, Pattern> patterns;

	DangerLexicon(Map<String, Pattern> patterns) {
		this.patterns = new LinkedHashMap<>(patterns);
	}

	static DangerLexicon parse(List<String> lines) {
		Map<String, Pattern> patterns = new LinkedHashMap<>();
		for (String line : lines) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] cells = line.split("\t", 2);
			if (cells.length != 2) {
				throw new IllegalArgumentException("danger lexicon line is not name<TAB>regex: " + line);
			}
			patterns.put(cells[0].strip(), Pattern.compile(cells[1].strip()));
		}
		return new DangerLexicon(patterns);
	}

	List<String> lines() {
		List<String> lines = new ArrayList<>();
		patterns.forEach((name, pattern) -> lines.add(name + "\t" + pattern.pattern()));
		return lines;
	}

	/** The first match of each kind of danger. */
	List<Hit> hits(String text) {
		List<Hit> hits = new ArrayList<>();
		if (text == null) {
			return hits;
		}
		patterns.forEach((name, pattern) -> {
			Matcher matcher = pattern.matcher(text);
			if (matcher.find()) {
				hits.add(new Hit(name, matcher.group()));
			}
		});
		return hits;
	}
}
