package cn.needsloop.understanding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Held-out evaluation of a text model: category accuracy, macro-F1, recall per category, URGENT recall, timing. */
record Evaluation(int trainSize, int testSize, double accuracy, double macroF1, Map<String, Double> recall,
		Map<String, Integer> support, int urgentCount, double urgentRecall, double urgentPrecision,
		double meanMillis, double p95Millis, List<String> errors) {

	static Evaluation run(Corpus corpus) {
		List<LabelledText> train = corpus.train();
		List<LabelledText> test = corpus.test();
		TextModel model = TextModels.train("evaluation", train);
		// warm up the JIT on the training lines, then time each held-out proposal
		for (int i = 0; i < 3; i++) {
			train.forEach(t -> model.understand(t.text()));
		}
		Map<String, int[]> confusion = new TreeMap<>(); // label -> {tp, fn, fp}
		model.categories().forEach(c -> confusion.put(c, new int[3]));
		int correct = 0;
		int urgent = 0;
		int urgentFound = 0;
		int urgentProposed = 0;
		double[] millis = new double[test.size()];
		List<String> errors = new ArrayList<>();
		for (int i = 0; i < test.size(); i++) {
			LabelledText t = test.get(i);
			long start = System.nanoTime();
			Understanding u = model.understand(t.text());
			millis[i] = (System.nanoTime() - start) / 1e6;
			if (u.category().equals(t.category())) {
				correct++;
				confusion.get(t.category())[0]++;
			}
			else {
				confusion.get(t.category())[1]++;
				confusion.get(u.category())[2]++;
				errors.add(t.category() + " -> " + u.category() + String.format(" (%.2f) ", u.confidence()) + t.text()
						+ " " + u.decisiveWords());
			}
			if (t.urgent()) {
				urgent++;
				if (u.urgent()) {
					urgentFound++;
				}
				else {
					errors.add("URGENT missed: " + t.text());
				}
			}
			if (u.urgent()) {
				urgentProposed++;
			}
		}
		Map<String, Double> recall = new LinkedHashMap<>();
		Map<String, Integer> support = new LinkedHashMap<>();
		double f1Sum = 0;
		int labels = 0;
		for (Map.Entry<String, int[]> e : confusion.entrySet()) {
			int[] c = e.getValue();
			int n = c[0] + c[1];
			if (n == 0) {
				continue;
			}
			double r = c[0] / (double) n;
			double p = c[0] + c[2] == 0 ? 0 : c[0] / (double) (c[0] + c[2]);
			recall.put(e.getKey(), r);
			support.put(e.getKey(), n);
			f1Sum += p + r == 0 ? 0 : 2 * p * r / (p + r);
			labels++;
		}
		double[] sorted = millis.clone();
		Arrays.sort(sorted);
		double mean = Arrays.stream(millis).average().orElse(Double.NaN);
		double p95 = sorted.length == 0 ? Double.NaN : sorted[(int) Math.ceil(0.95 * sorted.length) - 1];
		return new Evaluation(train.size(), test.size(), correct / (double) test.size(), f1Sum / labels, recall, support,
				urgent, urgent == 0 ? Double.NaN : urgentFound / (double) urgent,
				urgentProposed == 0 ? Double.NaN : urgentFound / (double) urgentProposed, mean, p95, errors);
	}

	String report() {
		StringBuilder s = new StringBuilder();
		s.append(String.format("held-out evaluation: trained on %d needs, tested on %d%n", trainSize, testSize));
		s.append(String.format("accuracy %.3f, macro-F1 %.3f%n", accuracy, macroF1));
		recall.forEach((c, r) -> s.append(String.format("  recall %-20s %.3f (%d)%n", c, r, support.get(c))));
		s.append(String.format("URGENT recall %.3f (%d urgent), URGENT precision %.3f%n", urgentRecall, urgentCount,
				urgentPrecision));
		s.append(String.format("proposal time mean %.3f ms, p95 %.3f ms%n", meanMillis, p95Millis));
		return s.toString();
	}
}
