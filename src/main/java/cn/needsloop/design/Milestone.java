package cn.needsloop.design;

import java.time.Instant;

import jakarta.persistence.Embeddable;

/** A milestone of a project's plan and, once reported, what the implementer did. */
@Embeddable
public class Milestone {

	private String title;

	private String note;

	private Integer socialWorkers;

	private Integer volunteers;

	private String reportedBy;

	private Instant reportedAt;

	protected Milestone() {
	}

	public Milestone(String title) {
		this.title = title;
	}

	void reported(String note, int socialWorkers, int volunteers, String by, Instant at) {
		this.note = note;
		this.socialWorkers = socialWorkers;
		this.volunteers = volunteers;
		this.reportedBy = by;
		this.reportedAt = at;
	}

	public boolean isReported() {
		return reportedAt != null;
	}

	public String getTitle() {
		return title;
	}

	public String getNote() {
		return note;
	}

	public Integer getSocialWorkers() {
		return socialWorkers;
	}

	public Integer getVolunteers() {
		return volunteers;
	}

	public String getReportedBy() {
		return reportedBy;
	}

	public Instant getReportedAt() {
		return reportedAt;
	}
}
