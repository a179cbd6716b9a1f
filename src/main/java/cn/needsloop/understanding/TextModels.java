package cn.needsloop.understanding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Trains text models from the bundled corpus and lexicons, and reads the shipped model. */
public final class TextModels {

	public static final String LEXICON = "/understanding/lexicon.tsv";

	public static final String DANGER = "/understanding/danger.tsv";

	/** The model trained on the whole bundled corpus, built by {@link ModelTrainer} and committed. */
	public static final String SHIPPED = "/understanding/model.txt";

	/** The version of the shipped model. */
	public static final String SHIPPED_VERSION = "corpus-2";

	private TextModels() {
	}

	public static TextModel train(String version, List<LabelledText> examples) {
		return TextModel.train(version, examples, Lexicon.parse(lines(LEXICON)), DangerLexicon.parse(lines(DANGER)));
	}

	public static TextModel shipped() {
		try (InputStream in = TextModels.class.getResourceAsStream(SHIPPED)) {
			if (in == null) {
				throw new IllegalStateException(SHIPPED + " is not on the classpath; build it with ModelTrainer");
			}
			return TextModel.read(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static List<String> lines(String resource) {
		try (InputStream in = TextModels.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is not on the classpath");
			}
			return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
