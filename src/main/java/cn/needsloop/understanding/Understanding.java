package cn.needsloop.understanding;

import java.util.List;

/**
 * What the text of a need says: a proposed category with the classifier's confidence (0–1) and the words that
 * decided it, and whether it shows danger to life and limb, with the words that showed it. {@code modelVersion} names
 * the model that read it, so that an old proposal stays auditable after a retraining.
 */
public record Understanding(String category, double confidence, List<String> decisiveWords, boolean urgent,
		List<String> urgencyWords, String modelVersion) {

	public Understanding {
		decisiveWords = List.copyOf(decisiveWords);
		urgencyWords = List.copyOf(urgencyWords);
	}
}
