package cn.needsloop.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Runs {@link NeedSimilarity} over the labelled similar-needs set (needs with an odd id held out; the threshold was
 * chosen on the even ones) and prints precision@3, how many needs with a duplicate are offered it, the
 * false-suggestion rate and how the labelled pairs score. The figures go into docs/benchmarks.md ("Similar needs");
 * this test asserts only that the evaluation ran over the set.
 */
class SimilarNeedsEvaluationTests {

	@Test
	void evaluatesOnTheHeldOutHalfAndReports() {
		SimilarityEvaluation heldOut = SimilarityEvaluation.run(true, NeedSimilarity.SUGGEST_FROM);
		System.out.println("held out (odd ids):\n" + heldOut.report());
		SimilarityEvaluation tuning = SimilarityEvaluation.run(false, NeedSimilarity.SUGGEST_FROM);
		System.out.println("tuning (even ids):\n" + tuning.report());

		int needs = SimilarityEvaluation.needs().size();
		assertThat(heldOut.queries() + tuning.queries()).isEqualTo(needs);
		assertThat(heldOut.queriesWithDuplicate()).isPositive();
		assertThat(heldOut.queriesWithoutDuplicate()).isPositive();
		assertThat(heldOut.pairs() + tuning.pairs()).isEqualTo(SimilarityEvaluation.labelledPairs().size());
		assertThat(heldOut.pairsByKind()).containsKeys("same place, same problem", "same place, other problem",
				"same problem, other place");
		assertThat(heldOut.falseSuggestionRate()).isBetween(0.0, 1.0);
	}

	@Test
	void theLabelledSetHasThreeHundredPairsWithHardNegatives() {
		List<SimilarityEvaluation.Pair> pairs = SimilarityEvaluation.labelledPairs();
		assertThat(pairs).hasSizeGreaterThanOrEqualTo(300);
		assertThat(pairs).filteredOn(SimilarityEvaluation.Pair::similar).hasSizeGreaterThanOrEqualTo(50);
		assertThat(pairs).filteredOn(p -> p.kind().equals("same place, other problem")).hasSizeGreaterThanOrEqualTo(50);
		assertThat(pairs).filteredOn(p -> p.kind().equals("same problem, other place")).hasSizeGreaterThanOrEqualTo(50);
		// a pair is similar exactly when the labeller put both needs at the same place with the same problem
		var byId = new java.util.HashMap<Integer, SimilarityEvaluation.LabelledNeed>();
		SimilarityEvaluation.needs().forEach(n -> byId.put(n.id(), n));
		assertThat(pairs).allSatisfy(p -> assertThat(byId.get(p.a()).sameAs(byId.get(p.b()))).isEqualTo(p.similar()));
	}
}
