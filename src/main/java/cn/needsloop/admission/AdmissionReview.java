package cn.needsloop.admission;

import java.time.Instant;

import cn.needsloop.shared.ProblemException;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * The annual review of the admission list (每年1月动态调整《社区工作事项准入清单》): what the
 * departments asked for last year, what was admitted and refused, and the manager's revision note.
 */
@Entity
public class AdmissionReview {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String processInstanceId;

	private int reviewYear;

	private int requestedCount;

	private int admittedCount;

	private int purchasedServiceCount;

	private int refusedCount;

	private String refusedSummary;

	private String revisionNote;

	private String reviewedBy;

	private Instant startedAt;

	private Instant reviewedAt;

	@Version
	private int version;

	protected AdmissionReview() {
	}

	public AdmissionReview(String processInstanceId, int reviewYear, int requestedCount, int admittedCount,
			int purchasedServiceCount, int refusedCount, String refusedSummary, Instant startedAt) {
		this.processInstanceId = processInstanceId;
		this.reviewYear = reviewYear;
		this.requestedCount = requestedCount;
		this.admittedCount = admittedCount;
		this.purchasedServiceCount = purchasedServiceCount;
		this.refusedCount = refusedCount;
		this.refusedSummary = refusedSummary;
		this.startedAt = startedAt;
	}

	public void reviewed(String note, String manager, Instant at) {
		if (reviewedAt != null) {
			throw ProblemException.conflict("problem.admissionReview.done", id);
		}
		this.revisionNote = note;
		this.reviewedBy = manager;
		this.reviewedAt = at;
	}

	public Long getId() {
		return id;
	}

	public String getProcessInstanceId() {
		return processInstanceId;
	}

	public int getReviewYear() {
		return reviewYear;
	}

	public int getRequestedCount() {
		return requestedCount;
	}

	public int getAdmittedCount() {
		return admittedCount;
	}

	public int getPurchasedServiceCount() {
		return purchasedServiceCount;
	}

	public int getRefusedCount() {
		return refusedCount;
	}

	public String getRefusedSummary() {
		return refusedSummary;
	}

	public String getRevisionNote() {
		return revisionNote;
	}

	public String getReviewedBy() {
		return reviewedBy;
	}

	public Instant getStartedAt() {
		return startedAt;
	}

	public Instant getReviewedAt() {
		return reviewedAt;
	}
}
