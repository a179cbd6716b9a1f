package cn.needsloop.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** What the similarity reads as a place, and how place and category weigh on the text. */
class NeedSimilarityTests {

	private static final NeedSimilarity SIMILARITY = NeedSimilarity.withBundledLexicon();

	@Test
	void readsBuildingsUnitsAndSidesWithChineseNumerals() {
		assertThat(NeedSimilarity.places("十一号楼二单元楼道灯坏了")).containsExactly("b11", "u2");
		assertThat(NeedSimilarity.places("3号楼2单元")).containsExactly("b3", "u2");
		assertThat(NeedSimilarity.places("村西头刘婶家")).containsExactly("d西");
		assertThat(NeedSimilarity.places("家里东西太多")).isEmpty();
	}

	@Test
	void theSameProblemInAnotherBuildingScoresFarBelowTheSameBuilding() {
		Instant now = Instant.parse("2026-11-30T02:00:00Z");
		NeedSimilarity.Terms query = SIMILARITY.terms("3号楼楼道灯坏了", "晚上楼梯一片漆黑");
		NeedSimilarity.Terms same = SIMILARITY.terms("三号楼楼梯灯不亮", "楼道灯坏了一个星期");
		NeedSimilarity.Terms other = SIMILARITY.terms("5号楼楼道灯坏了", "楼梯灯不亮，晚上一片漆黑");
		NeedSimilarity.Statistics statistics = new NeedSimilarity.Statistics() {
			public long needs() {
				return 100;
			}

			public long needsWith(String term) {
				return 5;
			}

			public double averageLength() {
				return 20;
			}
		};
		double sameText = NeedSimilarity.text(query.all(), query.all().stream().filter(same.all()::contains).toList(),
				same.length(), statistics);
		double otherText = NeedSimilarity.text(query.all(), query.all().stream().filter(other.all()::contains).toList(),
				other.length(), statistics);
		assertThat(otherText).as("the other building's text alone is as close").isGreaterThan(0);
		NeedSimilarity.Score sameScore = NeedSimilarity.score(sameText, query, "FACILITIES", "g1", now, same,
				"FACILITIES", "g1", now);
		NeedSimilarity.Score otherScore = NeedSimilarity.score(otherText, query, "FACILITIES", "g1", now, other,
				"FACILITIES", "g1", now);
		assertThat(sameScore.place()).isEqualTo(NeedSimilarity.Place.SAME);
		assertThat(otherScore.place()).isEqualTo(NeedSimilarity.Place.OTHER);
		assertThat(sameScore.value()).isGreaterThanOrEqualTo(NeedSimilarity.SUGGEST_FROM);
		assertThat(otherScore.value()).isLessThan(sameScore.value() * 0.6);
	}

	@Test
	void placesAreNotTextTerms() {
		NeedSimilarity.Terms terms = SIMILARITY.terms("3号楼漏水", "");
		assertThat(terms.all()).contains("@b3", "漏水").doesNotContain("3号", "号楼");
		assertThat(terms.length()).isLessThanOrEqualTo(NeedSimilarity.MAX_TERMS);
	}
}
