package cn.needsloop.understanding;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds the shipped model from the whole bundled corpus:
 * {@code ./mvnw -q compile exec:java -Dexec.mainClass=cn.needsloop.understanding.ModelTrainer} (or run the class),
 * which writes {@code src/main/resources/understanding/model.txt}. {@code ShippedModelTests} fails when the corpus
 * or a lexicon changed and the model was not rebuilt.
 */
public final class ModelTrainer {

	private ModelTrainer() {
	}

	public static void main(String[] args) throws IOException {
		Path target = Path.of(args.length > 0 ? args[0] : "src/main/resources/understanding/model.txt");
		TextModel model = TextModels.train(TextModels.SHIPPED_VERSION, Corpus.bundled().all());
		try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
			model.write(out);
		}
		System.out.println("wrote " + target + " (" + Files.size(target) + " bytes, " + model.examples() + " examples)");
	}
}
