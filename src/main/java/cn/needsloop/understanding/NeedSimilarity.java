package cn.needsloop.understanding;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How alike two needs of one community are, from their Chinese text (title and description), their category, their
 * place and grid and how far apart in time they were reported. The text part is BM25 over the terms of a need
 * ({@link #terms}): distinct character bigrams, the curated lexicon's longer words and the places the text names
 * ("3号楼", "二单元", "村西头"), so that it can be computed from an inverted index (a term table) as well as in memory.
 * The rest weighs what the text alone gets wrong: the same problem in another building is another need (the
 * buildings or units named differ), the same building with another problem is another need (the text differs).
 * Pure Java: {@code cn.needsloop.intake} keeps the index in the database, the evaluation reads a labelled set.
 */
public final class NeedSimilarity {

	/** At most this many terms of a need are indexed and queried: the title first, then the description. */
	public static final int MAX_TERMS = 160;

	/** From this score a need is suggested as possibly the same (chosen on the tuning half of the labelled set). */
	public static final double SUGGEST_FROM = 0.25;

	/** BM25 saturation and length normalisation. */
	static final double K1 = 1.2;

	static final double B = 0.75;

	static final double CATEGORY_WEIGHT = 0.3;

	static final double PLACE_WEIGHT = 0.5;

	static final double GRID_WEIGHT = 0.15;

	static final double RECENCY_WEIGHT = 0.2;

	static final double RECENCY_DAYS = 30;

	/** The text part is multiplied by this when the two needs name different buildings or units. */
	static final double OTHER_PLACE_FACTOR = 0.35;

	/** ... and by this when both have a grid and the grids differ (a grid is a few buildings or a village). */
	static final double OTHER_GRID_FACTOR = 0.7;

	static final String PLACE_PREFIX = "@";

	static final String WORD_PREFIX = "w:";

	/** Characters that say nothing about the problem on their own (as unigrams; their bigrams still count). */
	private static final String FUNCTION_CHARACTERS = "的了是在有我们你他她它这那个能不没要想会就都也还和与把被给让对说吗呢吧啊呀么什怎请问希望社区一些几家里上下来去到得着过很太又再好人多大小天";

	private static final String NUMERALS = "零一二三四五六七八九";

	private static final Pattern BUILDING = Pattern
		.compile("([0-9]{1,3}|[一二三四五六七八九十]{1,3})\\s*(?:号楼|号院|栋|幢|号楼?(?=[0-9一二三四五六七八九十]{1,2}单元))");

	private static final Pattern UNIT = Pattern.compile("([0-9]{1,2}|[一二三四五六七八九十]{1,3})\\s*单元");

	private static final Pattern DIRECTION = Pattern.compile("([东西南北])(?:大门|门|头|边|侧)");

	/** The terms of a need, as the term table holds them. */
	public record Terms(Set<String> all, Set<String> places) {

		public Terms {
			all = Set.copyOf(all);
			places = Set.copyOf(places);
		}

		public int length() {
			return all.size();
		}
	}

	/** What the index knows about the needs a query is compared with. */
	public interface Statistics {

		/** Open needs in the community. */
		long needs();

		/** Open needs whose terms include this one. */
		long needsWith(String term);

		/** Mean number of terms per need. */
		double averageLength();
	}

	/** How the place a text names relates to another's. */
	public enum Place {
		SAME, OTHER, UNKNOWN
	}

	/** The parts of a score, so that a steward can be told why. */
	public record Score(double value, double text, boolean sameCategory, Place place, boolean sameGrid) {
	}

	private final Lexicon lexicon;

	private volatile Background background;

	private NeedSimilarity(Lexicon lexicon) {
		this.lexicon = lexicon;
	}

	/** The terms of the bundled corpus: how many needs hold each, and how many terms they have in all. */
	private record Background(long needs, long terms, Map<String, Integer> needsWith) {
	}

	private Background background() {
		Background known = background;
		if (known == null) {
			Map<String, Integer> df = new HashMap<>();
			long terms = 0;
			List<LabelledText> corpus = Corpus.bundled().all();
			for (LabelledText need : corpus) {
				Terms t = terms(need.text(), "");
				t.all().forEach(term -> df.merge(term, 1, Integer::sum));
				terms += t.length();
			}
			known = new Background(corpus.size(), terms, Map.copyOf(df));
			background = known;
		}
		return known;
	}

	/**
	 * A community's counts read on top of the bundled corpus's (1,984 needs), as if those needs were open too: in a
	 * community with few needs, a term it has not seen yet would otherwise count as the rarest of all and weigh most.
	 */
	public Statistics onBackground(long needs, long terms, ToLongFunction<String> needsWith) {
		Background b = background();
		return new Statistics() {
			@Override
			public long needs() {
				return needs + b.needs();
			}

			@Override
			public long needsWith(String term) {
				return needsWith.applyAsLong(term) + b.needsWith().getOrDefault(term, 0);
			}

			@Override
			public double averageLength() {
				return (terms + b.terms()) / (double) (needs + b.needs());
			}
		};
	}

	/** With the curated lexicon the text model ships with. */
	public static NeedSimilarity withBundledLexicon() {
		return new NeedSimilarity(Lexicon.parse(TextModels.lines(TextModels.LEXICON)));
	}

	public Terms terms(String title, String description) {
		String text = (title == null ? "" : title) + "。" + (description == null ? "" : description);
		Set<String> places = places(text);
		Set<String> all = new LinkedHashSet<>();
		places.forEach(p -> all.add(PLACE_PREFIX + p));
		for (Lexicon.Hit hit : lexicon.hits(text)) {
			if (hit.term().length() >= 3 && all.size() < MAX_TERMS) {
				all.add(WORD_PREFIX + hit.term());
			}
		}
		// the places weigh on their own; left in the text, "3号楼" would make every need of building 3 alike
		String withoutPlaces = DIRECTION.matcher(UNIT.matcher(BUILDING.matcher(text).replaceAll("，")).replaceAll("，"))
			.replaceAll("，");
		for (String run : TextFeatures.runs(withoutPlaces)) {
			for (int i = 0; i < run.length() && all.size() < MAX_TERMS; i++) {
				char c = run.charAt(i);
				if (FUNCTION_CHARACTERS.indexOf(c) < 0 && !Character.isDigit(c)) {
					all.add(String.valueOf(c));
				}
				if (i + 2 <= run.length()) {
					all.add(run.substring(i, i + 2));
				}
			}
		}
		return new Terms(all, places);
	}

	/** Buildings ({@code b3}), units ({@code u2}) and sides ({@code d西}) a text names, numerals as digits. */
	static Set<String> places(String text) {
		Set<String> places = new LinkedHashSet<>();
		Matcher building = BUILDING.matcher(text);
		while (building.find()) {
			places.add("b" + number(building.group(1)));
		}
		Matcher unit = UNIT.matcher(text);
		while (unit.find()) {
			places.add("u" + number(unit.group(1)));
		}
		Matcher direction = DIRECTION.matcher(text);
		while (direction.find()) {
			places.add("d" + direction.group(1));
		}
		return places;
	}

	private static int number(String digits) {
		if (Character.isDigit(digits.charAt(0))) {
			return Integer.parseInt(digits);
		}
		int value = 0;
		int current = 0;
		for (char c : digits.toCharArray()) {
			if (c == '十') {
				value += (current == 0 ? 1 : current) * 10;
				current = 0;
			}
			else {
				current = NUMERALS.indexOf(c);
			}
		}
		return value + current;
	}

	static Place place(Set<String> a, Set<String> b) {
		Place buildings = compare(a, b, "b");
		if (buildings == Place.OTHER) {
			return Place.OTHER;
		}
		Place units = compare(a, b, "u");
		if (buildings == Place.SAME) {
			return units == Place.OTHER ? Place.OTHER : Place.SAME;
		}
		Place sides = compare(a, b, "d");
		if (units == Place.OTHER || sides == Place.OTHER) {
			return Place.OTHER;
		}
		return units == Place.SAME || sides == Place.SAME ? Place.SAME : Place.UNKNOWN;
	}

	private static Place compare(Set<String> a, Set<String> b, String kind) {
		List<String> mine = a.stream().filter(p -> p.startsWith(kind)).toList();
		List<String> theirs = b.stream().filter(p -> p.startsWith(kind)).toList();
		if (mine.isEmpty() || theirs.isEmpty()) {
			return Place.UNKNOWN;
		}
		return mine.stream().anyMatch(theirs::contains) ? Place.SAME : Place.OTHER;
	}

	/** Inverse document frequency of a term (BM25's, never negative). */
	static double idf(long needs, long needsWith) {
		return Math.log(1 + (needs - needsWith + 0.5) / (needsWith + 0.5));
	}

	/**
	 * BM25 of a candidate for the query's terms, divided by what a candidate of average length holding every query
	 * term would get: 0 (nothing shared) to about 1 (capped at 1).
	 */
	public static double text(Collection<String> queryTerms, Collection<String> shared, int candidateLength,
			Statistics statistics) {
		double best = 0;
		double found = 0;
		for (String term : queryTerms) {
			double idf = idf(term, statistics);
			best += idf;
			if (shared.contains(term)) {
				found += idf;
			}
		}
		return best == 0 ? 0 : Math.min(1, found * lengthFactor(candidateLength, statistics) / best);
	}

	/** The weight of a term: BM25's inverse document frequency. */
	public static double idf(String term, Statistics statistics) {
		return idf(statistics.needs(), statistics.needsWith(term));
	}

	/** BM25's saturation and length normalisation of a candidate with this many terms (1 at the average length). */
	public static double lengthFactor(int candidateLength, Statistics statistics) {
		return (K1 + 1) / (1 + K1 * (1 - B + B * candidateLength / Math.max(1, statistics.averageLength())));
	}

	/**
	 * {@link #lengthFactor} as an SQL expression of a column holding the candidate's number of terms, for an index
	 * that ranks candidates in the database.
	 */
	public static String lengthFactorSql(String lengthColumn, Statistics statistics) {
		return String.format(java.util.Locale.ROOT, "(%.4f / (1 + %.4f * (%.4f + %.6f * %s)))", K1 + 1, K1, 1 - B,
				B / Math.max(1, statistics.averageLength()), lengthColumn);
	}

	/**
	 * The score of a candidate: its text similarity, raised when it is of the same category, names the same place, lies
	 * in the same grid or is recent, lowered when it names another place or lies in another grid. Multiplied, not
	 * added: a need of the same building about another problem shares little text and stays low.
	 */
	public static Score score(double text, Terms query, String queryCategory, String queryGrid, Instant queryAt,
			Terms candidate, String candidateCategory, String candidateGrid, Instant candidateAt) {
		Place place = place(query.places(), candidate.places());
		boolean gridsKnown = queryGrid != null && candidateGrid != null;
		boolean sameGrid = gridsKnown && queryGrid.equals(candidateGrid);
		boolean sameCategory = queryCategory != null && queryCategory.equals(candidateCategory);
		double factor = 1;
		if (sameCategory) {
			factor += CATEGORY_WEIGHT;
		}
		if (place == Place.SAME) {
			factor += PLACE_WEIGHT;
		}
		if (sameGrid) {
			factor += GRID_WEIGHT;
		}
		double days = Math.abs(Duration.between(candidateAt, queryAt).toHours()) / 24.0;
		factor += RECENCY_WEIGHT * Math.exp(-days / RECENCY_DAYS);
		if (place == Place.OTHER) {
			factor *= OTHER_PLACE_FACTOR;
		}
		if (gridsKnown && !sameGrid) {
			factor *= OTHER_GRID_FACTOR;
		}
		double value = Math.min(1, text * factor);
		return new Score(value, text, sameCategory, place, sameGrid);
	}
}
