package cn.needsloop.understanding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A trained text model: a naive Bayes category classifier over character unigrams, bigrams and curated lexicon
 * terms, a naive Bayes urgency classifier over the same features, and the curated danger lexicon. A need is URGENT
 * when the danger lexicon matches or the urgency classifier's probability reaches {@link #URGENT_PROBABILITY}.
 * Written as text ({@link #write}) so that each version can be stored, compared and read back.
 */
public final class TextModel {

	static final String FORMAT = "needsloop-text-model 1";

	/** Smoothing of both classifiers. */
	static final double ALPHA = 0.3;

	/** How many times a lexicon term counts, against once for an n-gram. */
	static final int LEXICON_WEIGHT = 2;

	/** The urgency classifier's probability from which a need is URGENT (recall matters more than precision). */
	static final double URGENT_PROBABILITY = 0.5;

	/** Log scores are divided by this power of the number of features before the softmax (NB is overconfident). */
	static final double TEMPERATURE_EXPONENT = 0.5;

	static final int DECISIVE_WORDS = 5;

	/**
	 * How n-grams count: {@code presence} (once per need, however often it repeats; chosen by 5-fold cross-validation on
	 * the training split) or {@code counts} (every occurrence; models written before the {@code features} line).
	 */
	static final String PRESENCE = "presence";

	static final String COUNTS = "counts";

	/** Function characters: a shown word made only of these (有没有, 几个, 的家) explains nothing to a steward. */
	private static final String FUNCTION_CHARACTERS = "的了是在有我们你他她它这那个能不没要想会就都也还和与把被给让对说吗呢吧啊呀么什怎请问希望社区一些几家里上下来去到得着过很太又再";

	private final String version;

	private final int examples;

	private final Lexicon lexicon;

	private final DangerLexicon danger;

	private final NaiveBayes category;

	private final NaiveBayes urgency;

	private final String featureKind;

	private TextModel(String version, int examples, String featureKind, Lexicon lexicon, DangerLexicon danger,
			NaiveBayes category, NaiveBayes urgency) {
		this.version = version;
		this.examples = examples;
		this.featureKind = featureKind;
		this.lexicon = lexicon;
		this.danger = danger;
		this.category = category;
		this.urgency = urgency;
	}

	public String version() {
		return version;
	}

	/** Labelled examples it was trained on. */
	public int examples() {
		return examples;
	}

	public List<String> categories() {
		return category.labels();
	}

	/** Trains on the examples plus the lexicon's terms, each term a short example of its category. */
	static TextModel train(String version, List<LabelledText> examples, Lexicon lexicon, DangerLexicon danger) {
		TreeSet<String> labels = new TreeSet<>();
		examples.forEach(e -> labels.add(e.category()));
		labels.addAll(lexicon.termsByLabel().keySet());
		List<Map<String, Integer>> features = new ArrayList<>();
		List<String> categoryLabels = new ArrayList<>();
		List<String> urgencyLabels = new ArrayList<>();
		for (LabelledText example : examples) {
			features.add(features(example.text(), lexicon, PRESENCE));
			categoryLabels.add(example.category());
			urgencyLabels.add(example.urgency());
		}
		NaiveBayes urgency = NaiveBayes.train(List.of(LabelledText.NORMAL, LabelledText.URGENT), features, urgencyLabels,
				ALPHA);
		lexicon.termsByLabel().forEach((label, terms) -> terms.forEach(term -> {
			features.add(features(term, lexicon, PRESENCE));
			categoryLabels.add(label);
		}));
		NaiveBayes category = NaiveBayes.train(List.copyOf(labels), features, categoryLabels, ALPHA);
		return new TextModel(version, examples.size(), PRESENCE, lexicon, danger, category, urgency);
	}

	static Map<String, Integer> features(String text, Lexicon lexicon, String featureKind) {
		Map<String, Integer> features = TextFeatures.ngrams(text);
		if (PRESENCE.equals(featureKind)) {
			features.replaceAll((ngram, count) -> 1);
		}
		for (Lexicon.Hit hit : lexicon.hits(text)) {
			features.merge(Lexicon.FEATURE_PREFIX + hit.label(), LEXICON_WEIGHT, Integer::sum);
		}
		return features;
	}

	public Understanding understand(String text) {
		Map<String, Integer> features = features(text, lexicon, featureKind);
		double temperature = Math.max(1, Math.pow(features.values().stream().mapToInt(Integer::intValue).sum(),
				TEMPERATURE_EXPONENT));
		double[] categoryScores = category.scores(features, false);
		double[] categoryProbabilities = softmax(categoryScores, temperature);
		int best = 0;
		int second = categoryScores.length > 1 ? 1 : 0;
		for (int k = 0; k < categoryScores.length; k++) {
			if (categoryScores[k] > categoryScores[best]) {
				best = k;
			}
		}
		for (int k = 0; k < categoryScores.length; k++) {
			if (k != best && (second == best || categoryScores[k] > categoryScores[second])) {
				second = k;
			}
		}
		List<String> decisive = decisiveWords(text, best, second);

		List<String> urgencyWords = new ArrayList<>();
		for (DangerLexicon.Hit hit : danger.hits(text)) {
			urgencyWords.add(hit.words());
		}
		double urgentProbability = softmax(urgency.scores(features, true), temperature)[1];
		boolean urgent = !urgencyWords.isEmpty() || urgentProbability >= URGENT_PROBABILITY;
		return new Understanding(category.labels().get(best), categoryProbabilities[best], decisive, urgent,
				urgencyWords, version);
	}

	/** The probability of URGENT from the learned urgency classifier alone (for evaluation). */
	double learnedUrgentProbability(String text) {
		Map<String, Integer> features = features(text, lexicon, featureKind);
		double temperature = Math.max(1, Math.pow(features.values().stream().mapToInt(Integer::intValue).sum(),
				TEMPERATURE_EXPONENT));
		return softmax(urgency.scores(features, true), temperature)[1];
	}

	boolean dangerWordsIn(String text) {
		return !danger.hits(text).isEmpty();
	}

	/**
	 * The words that weighed most for the best label against the runner-up: runs of adjacent bigrams that each favour
	 * the best label, joined into words (至多 6 characters), and the lexicon terms of the best label found in the text.
	 */
	private List<String> decisiveWords(String text, int best, int second) {
		Map<String, Double> words = new LinkedHashMap<>();
		for (String run : TextFeatures.runs(text)) {
			int start = -1;
			double score = 0;
			for (int i = 0; i + 2 <= run.length() + 1; i++) {
				double weight = 0;
				if (i + 2 <= run.length()) {
					String bigram = run.substring(i, i + 2);
					if (category.knows(bigram)) {
						weight = category.logLikelihood(bigram, best) - category.logLikelihood(bigram, second);
					}
				}
				if (weight > 0.5) {
					if (start < 0) {
						start = i;
						score = 0;
					}
					score += weight;
					if (i + 2 - start >= 6) {
						words.merge(run.substring(start, i + 2), score, Math::max);
						start = -1;
					}
				}
				else if (start >= 0) {
					words.merge(run.substring(start, i + 1), score, Math::max);
					start = -1;
				}
			}
		}
		String label = category.labels().get(best);
		String lexiconFeature = Lexicon.FEATURE_PREFIX + label;
		double lexiconWeight = LEXICON_WEIGHT
				* (category.logLikelihood(lexiconFeature, best) - category.logLikelihood(lexiconFeature, second));
		if (lexiconWeight > 0) {
			for (Lexicon.Hit hit : lexicon.hits(text)) {
				if (hit.label().equals(label)) {
					words.merge(hit.term(), lexiconWeight, Double::sum);
				}
			}
		}
		// a word inside a longer chosen word adds to it instead of standing alone
		List<Map.Entry<String, Double>> ranked = new ArrayList<>(words.entrySet());
		ranked.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
		List<String> chosen = new ArrayList<>();
		for (Map.Entry<String, Double> word : ranked) {
			String w = word.getKey();
			if (w.codePoints().allMatch(cp -> FUNCTION_CHARACTERS.indexOf(cp) >= 0)) {
				continue;
			}
			boolean covered = chosen.stream().anyMatch(c -> c.contains(w));
			if (covered) {
				continue;
			}
			chosen.removeIf(w::contains);
			chosen.add(w);
			if (chosen.size() == DECISIVE_WORDS) {
				break;
			}
		}
		return chosen;
	}

	private static double[] softmax(double[] scores, double temperature) {
		double max = Double.NEGATIVE_INFINITY;
		for (double s : scores) {
			max = Math.max(max, s);
		}
		double sum = 0;
		double[] p = new double[scores.length];
		for (int k = 0; k < scores.length; k++) {
			p[k] = Math.exp((scores[k] - max) / temperature);
			sum += p[k];
		}
		for (int k = 0; k < p.length; k++) {
			p[k] /= sum;
		}
		return p;
	}

	public void write(Writer out) {
		try {
			out.write(FORMAT + "\n");
			out.write("version\t" + version + "\n");
			out.write("examples\t" + examples + "\n");
			out.write("features\t" + featureKind + "\n");
			section(out, "lexicon", lexicon.lines());
			section(out, "danger", danger.lines());
			section(out, "category", category.lines());
			section(out, "urgency", urgency.lines());
			out.flush();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void section(Writer out, String name, List<String> lines) throws IOException {
		out.write("[" + name + "]\n");
		for (String line : lines) {
			out.write(line);
			out.write('\n');
		}
	}

	public static TextModel read(Reader in) {
		try {
			BufferedReader reader = new BufferedReader(in);
			String first = reader.readLine();
			if (!FORMAT.equals(first)) {
				throw new IllegalArgumentException("not a " + FORMAT + " file: " + first);
			}
			String version = null;
			int examples = 0;
			String featureKind = COUNTS;
			Map<String, List<String>> sections = new LinkedHashMap<>();
			List<String> current = null;
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.startsWith("[") && line.endsWith("]")) {
					current = new ArrayList<>();
					sections.put(line.substring(1, line.length() - 1), current);
				}
				else if (current != null) {
					current.add(line);
				}
				else if (line.startsWith("version\t")) {
					version = line.substring("version\t".length());
				}
				else if (line.startsWith("examples\t")) {
					examples = Integer.parseInt(line.substring("examples\t".length()));
				}
				else if (line.startsWith("features\t")) {
					featureKind = line.substring("features\t".length());
					if (!PRESENCE.equals(featureKind) && !COUNTS.equals(featureKind)) {
						throw new IllegalArgumentException("model " + version + " has unknown features " + featureKind);
					}
				}
			}
			for (String name : List.of("lexicon", "danger", "category", "urgency")) {
				if (!sections.containsKey(name)) {
					throw new IllegalArgumentException("model " + version + " has no [" + name + "] section");
				}
			}
			return new TextModel(version, examples, featureKind, Lexicon.parse(sections.get("lexicon")),
					DangerLexicon.parse(sections.get("danger")), NaiveBayes.parse(sections.get("category")),
					NaiveBayes.parse(sections.get("urgency")));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
