package cn.needsloop.understanding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled corpus ({@code understanding/corpus.tsv}): {@code category<TAB>urgency<TAB>text} a line, {@code #}
 * comments and the header line skipped. Data lines are numbered from 1; every 5th is held out for testing.
 */
public record Corpus(List<LabelledText> all) {

	public static final String RESOURCE = "/understanding/corpus.tsv";

	static final int TEST_EVERY = 5;

	public Corpus {
		all = List.copyOf(all);
	}

	public static Corpus bundled() {
		try (InputStream in = Corpus.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is not on the classpath");
			}
			return read(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static Corpus read(InputStream in) throws IOException {
		List<LabelledText> rows = new ArrayList<>();
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		String line;
		int number = 0;
		while ((line = reader.readLine()) != null) {
			number++;
			if (line.isBlank() || line.startsWith("#") || line.startsWith("category\t")) {
				continue;
			}
			String[] cells = line.split("\t", 3);
			if (cells.length != 3 || cells[2].isBlank()) {
				throw new IllegalArgumentException("corpus line " + number + " is not category<TAB>urgency<TAB>text: " + line);
			}
			rows.add(new LabelledText(cells[0].strip(), cells[1].strip(), cells[2].strip()));
		}
		return new Corpus(rows);
	}

	/** Every line but each 5th. */
	public List<LabelledText> train() {
		List<LabelledText> train = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			if ((i + 1) % TEST_EVERY != 0) {
				train.add(all.get(i));
			}
		}
		return train;
	}

	/** Each 5th line, never used for training in the evaluation. */
	public List<LabelledText> test() {
		List<LabelledText> test = new ArrayList<>();
		for (int i = TEST_EVERY - 1; i < all.size(); i += TEST_EVERY) {
			test.add(all.get(i));
		}
		return test;
	}
}
