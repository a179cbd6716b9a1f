package cn.needsloop.understanding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Multinomial naive Bayes over sparse feature counts with additive (Lidstone) smoothing. Immutable once trained;
 * written and read as text lines so that a model version can be kept and audited.
 */
final class NaiveBayes {

	private final List<String> labels;

	private final double alpha;

	private final long[] docs;

	private final long[] totals;

	private final Map<String, int[]> counts;

	private final double[] logDenominators;

	private final double[] logPriors;

	NaiveBayes(List<String> labels, double alpha, long[] docs, long[] totals, Map<String, int[]> counts) {
		this.labels = List.copyOf(labels);
		this.alpha = alpha;
		this.docs = docs.clone();
		this.totals = totals.clone();
		this.counts = counts;
		int vocabulary = counts.size();
		long allDocs = 0;
		for (long d : docs) {
			allDocs += d;
		}
		logDenominators = new double[labels.size()];
		logPriors = new double[labels.size()];
		for (int k = 0; k < labels.size(); k++) {
			logDenominators[k] = Math.log(totals[k] + alpha * vocabulary);
			logPriors[k] = Math.log((docs[k] + 1.0) / (allDocs + labels.size()));
		}
	}

	static NaiveBayes train(List<String> labels, List<Map<String, Integer>> examples, List<String> exampleLabels,
			double alpha) {
		Map<String, Integer> index = new HashMap<>();
		for (int k = 0; k < labels.size(); k++) {
			index.put(labels.get(k), k);
		}
		long[] docs = new long[labels.size()];
		long[] totals = new long[labels.size()];
		Map<String, int[]> counts = new TreeMap<>();
		for (int i = 0; i < examples.size(); i++) {
			Integer k = index.get(exampleLabels.get(i));
			if (k == null) {
				throw new IllegalArgumentException("unknown label " + exampleLabels.get(i));
			}
			docs[k]++;
			for (Map.Entry<String, Integer> feature : examples.get(i).entrySet()) {
				counts.computeIfAbsent(feature.getKey(), f -> new int[labels.size()])[k] += feature.getValue();
				totals[k] += feature.getValue();
			}
		}
		return new NaiveBayes(labels, alpha, docs, totals, counts);
	}

	List<String> labels() {
		return labels;
	}

	int vocabulary() {
		return counts.size();
	}

	boolean knows(String feature) {
		return counts.containsKey(feature);
	}

	double logLikelihood(String feature, int label) {
		int[] c = counts.get(feature);
		return Math.log((c == null ? 0 : c[label]) + alpha) - logDenominators[label];
	}

	/** Log score of each label: the log likelihood of the known features, plus the log prior if asked. */
	double[] scores(Map<String, Integer> features, boolean withPrior) {
		double[] scores = withPrior ? logPriors.clone() : new double[labels.size()];
		for (Map.Entry<String, Integer> feature : features.entrySet()) {
			int[] c = counts.get(feature.getKey());
			if (c == null) {
				continue;
			}
			for (int k = 0; k < scores.length; k++) {
				scores[k] += feature.getValue() * (Math.log(c[k] + alpha) - logDenominators[k]);
			}
		}
		return scores;
	}

	List<String> lines() {
		List<String> lines = new ArrayList<>();
		lines.add("alpha\t" + alpha);
		lines.add("labels\t" + String.join(" ", labels));
		lines.add("docs\t" + join(docs));
		lines.add("totals\t" + join(totals));
		counts.forEach((feature, c) -> {
			StringBuilder line = new StringBuilder("f\t").append(feature).append('\t');
			boolean first = true;
			for (int k = 0; k < c.length; k++) {
				if (c[k] != 0) {
					line.append(first ? "" : ",").append(k).append(':').append(c[k]);
					first = false;
				}
			}
			lines.add(line.toString());
		});
		return lines;
	}

	static NaiveBayes parse(List<String> lines) {
		double alpha = 1;
		List<String> labels = List.of();
		long[] docs = null;
		long[] totals = null;
		Map<String, int[]> counts = new TreeMap<>();
		for (String line : lines) {
			String[] cells = line.split("\t");
			switch (cells[0]) {
				case "alpha" -> alpha = Double.parseDouble(cells[1]);
				case "labels" -> labels = List.of(cells[1].split(" "));
				case "docs" -> docs = longs(cells[1]);
				case "totals" -> totals = longs(cells[1]);
				case "f" -> {
					int[] c = new int[labels.size()];
					for (String entry : cells[2].split(",")) {
						int colon = entry.indexOf(':');
						c[Integer.parseInt(entry.substring(0, colon))] = Integer.parseInt(entry.substring(colon + 1));
					}
					counts.put(cells[1], c);
				}
				default -> throw new IllegalArgumentException("unknown model line: " + line);
			}
		}
		if (docs == null || totals == null || labels.isEmpty()) {
			throw new IllegalArgumentException("model section without labels, docs or totals");
		}
		return new NaiveBayes(labels, alpha, docs, totals, counts);
	}

	private static String join(long[] values) {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < values.length; i++) {
			s.append(i == 0 ? "" : " ").append(values[i]);
		}
		return s.toString();
	}

	private static long[] longs(String text) {
		String[] parts = text.split(" ");
		long[] values = new long[parts.length];
		for (int i = 0; i < parts.length; i++) {
			values[i] = Long.parseLong(parts[i]);
		}
		return values;
	}
}
