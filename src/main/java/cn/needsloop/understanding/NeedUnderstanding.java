package cn.needsloop.understanding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what residents write: proposes a category with its confidence and decisive words, and says whether the text
 * shows danger to life and limb. Uses the newest model a manager deployed, else the shipped one. Stewards'
 * corrections become labelled examples; {@link #retrain} trains a new version on the corpus plus them and deploys it.
 * Every reading names the model version that made it.
 */
@Service
public class NeedUnderstanding {

	private final ModelStore store;

	private final AtomicReference<TextModel> model = new AtomicReference<>();

	NeedUnderstanding(ModelStore store) {
		this.store = store;
	}

	private TextModel model() {
		TextModel current = model.get();
		if (current == null) {
			current = store.latestModel().orElseGet(TextModels::shipped);
			model.compareAndSet(null, current);
		}
		return current;
	}

	/** Reads a need's title and description. */
	public Understanding read(String title, String description) {
		return model().understand(join(title, description));
	}

	public String activeVersion() {
		return model().version();
	}

	/**
	 * A steward confirmed a category (and urgency) that differs from the proposal: the need's text with the confirmed
	 * labels is a new labelled example for the next training.
	 */
	@Transactional
	public void recordCorrection(long needId, String title, String description, String proposedCategory,
			String modelVersion, String category, String urgency, String by, Instant at) {
		store.saveExample(needId, new LabelledText(category, urgency, join(title, description)), proposedCategory,
				modelVersion, by, at);
	}

	/** Trains on the bundled corpus plus every correction, stores the result as a new version and deploys it. */
	@Transactional
	public ModelVersion retrain(String by, Instant at) {
		List<LabelledText> corrections = store.examples();
		List<LabelledText> examples = new ArrayList<>(Corpus.bundled().all());
		examples.addAll(corrections);
		String version = "v" + (store.modelCount() + 2) + "-" + at.toEpochMilli();
		TextModel trained = TextModels.train(version, examples);
		store.saveModel(trained, at, by, corrections.size());
		model.set(trained);
		return new ModelVersion(version, at, by, trained.examples(), corrections.size(), true);
	}

	/** The shipped model first, then every deployed version, newest first; the one in use is marked. */
	public List<ModelVersion> versions() {
		String active = activeVersion();
		List<ModelVersion> versions = new ArrayList<>(store.versions(active));
		TextModel shipped = TextModels.shipped();
		versions.add(new ModelVersion(shipped.version(), null, "corpus", shipped.examples(), 0,
				shipped.version().equals(active)));
		return versions;
	}

	public int corrections() {
		return store.examples().size();
	}

	private static String join(String title, String description) {
		String t = title == null ? "" : title.strip();
		String d = description == null ? "" : description.strip();
		return t.isEmpty() ? d : d.isEmpty() ? t : t + "。" + d;
	}
}
