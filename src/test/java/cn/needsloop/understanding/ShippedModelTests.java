package cn.needsloop.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The committed model is what training on the bundled corpus and lexicons gives, and it reads back unchanged. */
class ShippedModelTests {

	@Test
	void theShippedModelIsTrainedOnTheWholeCorpus() throws Exception {
		StringWriter trained = new StringWriter();
		TextModels.train(TextModels.SHIPPED_VERSION, Corpus.bundled().all()).write(trained);
		String shipped = Files.readString(Path.of("src/main/resources/understanding/model.txt"), StandardCharsets.UTF_8);
		assertThat(shipped).as("src/main/resources/understanding/model.txt is out of date: run ModelTrainer")
			.isEqualTo(trained.toString());
		assertThat(TextModels.shipped().examples()).isEqualTo(Corpus.bundled().all().size());
	}

	@Test
	void aModelReadBackProposesTheSame() {
		TextModel model = TextModels.shipped();
		StringWriter written = new StringWriter();
		model.write(written);
		TextModel read = TextModel.read(new StringReader(written.toString()));
		String text = "楼道里有人给电动车充电，一充就是一整夜";
		assertThat(read.understand(text)).isEqualTo(model.understand(text));
		assertThat(read.version()).isEqualTo(TextModels.SHIPPED_VERSION);
	}

	@Test
	void aModelWrittenBeforeTheFeaturesLineCountsEveryOccurrence() {
		StringWriter written = new StringWriter();
		TextModels.shipped().write(written);
		assertThat(written.toString()).contains("\nfeatures\tpresence\n");
		String older = written.toString().replace("features\tpresence\n", "");
		TextModel read = TextModel.read(new StringReader(older));
		String repeated = "漏水漏水漏水漏水漏水，楼上漏水";
		assertThat(TextModel.features(repeated, Lexicon.parse(java.util.List.of()), TextModel.COUNTS)).containsEntry("漏水", 6);
		assertThat(TextModel.features(repeated, Lexicon.parse(java.util.List.of()), TextModel.PRESENCE)).containsEntry("漏水", 1);
		assertThat(read.understand(repeated).modelVersion()).isEqualTo(TextModels.SHIPPED_VERSION);
	}
}
