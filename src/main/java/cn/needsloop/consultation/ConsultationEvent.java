package cn.needsloop.consultation;

import java.util.Locale;
import org.springframework.context.MessageSource;
import cn.needsloop.shared.Wording;
import java.time.Instant;

import jakarta.persistence.Embeddable;

/** One line of a consultation's history: what happened, by whom, when. */
@Embeddable
public class ConsultationEvent {

	/** The text of entries older than {@code wording}; the message key of newer ones. */
	private String activity;

	/** What happened as a {@link Wording} (JSON), read in the reader's language. */
	private String wording;

	private String actor;

	private Instant at;

	protected ConsultationEvent() {
	}

	ConsultationEvent(Wording wording, String actor, Instant at) {
		this.activity = wording.key();
		String json = wording.toJson();
		this.wording = json.length() > 2000 ? Wording.of(wording.key()).toJson() : json;
		this.actor = actor;
		this.at = at;
	}

	/** What happened, in a reader's language. */
	public String activityIn(MessageSource messages, Locale locale) {
		Wording w = Wording.fromJson(wording);
		return w == null ? activity : w.render(messages, locale);
	}

	public String getActor() {
		return actor;
	}

	public Instant getAt() {
		return at;
	}
}
