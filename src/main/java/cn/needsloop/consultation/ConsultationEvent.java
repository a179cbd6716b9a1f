package cn.needsloop.consultation;

import java.time.Instant;

import jakarta.persistence.Embeddable;

/** One line of a consultation's history: what happened, by whom, when. */
@Embeddable
public class ConsultationEvent {

	private String activity;

	private String actor;

	private Instant at;

	protected ConsultationEvent() {
	}

	ConsultationEvent(String activity, String actor, Instant at) {
		this.activity = activity.length() > 200 ? activity.substring(0, 200) : activity;
		this.actor = actor;
		this.at = at;
	}

	public String getActivity() {
		return activity;
	}

	public String getActor() {
		return actor;
	}

	public Instant getAt() {
		return at;
	}
}
