package cn.needsloop.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Trains on the training split of the bundled corpus and reads the held-out split (every 5th line), printing accuracy,
 * macro-F1, recall per category, URGENT recall and the time a proposal takes. The figures go into docs/benchmarks.md
 * ("Understanding what residents write"); this test asserts only that the evaluation ran over every category.
 */
class TextClassifierEvaluationTests {

	@Test
	void evaluatesOnTheHeldOutSplitAndReports() {
		Corpus corpus = Corpus.bundled();
		Evaluation evaluation = Evaluation.run(corpus);
		System.out.println(evaluation.report());

		assertThat(evaluation.trainSize() + evaluation.testSize()).isEqualTo(corpus.all().size());
		assertThat(evaluation.testSize()).isEqualTo(corpus.all().size() / 5);
		assertThat(evaluation.recall()).as("every category has held-out needs")
			.containsOnlyKeys(TextModels.train("keys", corpus.train()).categories());
		assertThat(evaluation.accuracy()).isBetween(0.0, 1.0);
		assertThat(evaluation.macroF1()).isBetween(0.0, 1.0);
		assertThat(evaluation.urgentCount()).isPositive();
		assertThat(evaluation.urgentRecall()).isBetween(0.0, 1.0);
		assertThat(evaluation.meanMillis()).isPositive();
		assertThat(evaluation.p95Millis()).isPositive();
	}

	@Test
	void theHeldOutSplitIsNeverTrainedOn() {
		Corpus corpus = Corpus.bundled();
		assertThat(corpus.train()).doesNotContainAnyElementsOf(corpus.test());
		assertThat(corpus.all()).hasSizeGreaterThanOrEqualTo(1500);
	}
}
