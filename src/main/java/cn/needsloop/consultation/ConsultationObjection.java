package cn.needsloop.consultation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An objection raised against a publicised result. */
@Embeddable
public class ConsultationObjection {

	private int roundNo;

	@Column(name = "objection_text")
	private String text;

	private String raisedBy;

	private Instant raisedAt;

	protected ConsultationObjection() {
	}

	ConsultationObjection(int roundNo, String text, String raisedBy, Instant raisedAt) {
		this.roundNo = roundNo;
		this.text = text;
		this.raisedBy = raisedBy;
		this.raisedAt = raisedAt;
	}

	public int getRoundNo() {
		return roundNo;
	}

	public String getText() {
		return text;
	}

	public String getRaisedBy() {
		return raisedBy;
	}

	public Instant getRaisedAt() {
		return raisedAt;
	}
}
