package cn.needsloop.evidence;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One photo or document of a case's step: what it is and whose it is; its bytes are in the {@link EvidenceStore}. */
@Entity
@Table(name = "evidence_file")
class EvidenceFile {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	private CaseKind caseKind;

	private long caseId;

	private String communityCode;

	@Enumerated(EnumType.STRING)
	private EvidenceStep step;

	private String taskId;

	private String contentType;

	private long sizeBytes;

	private Integer width;

	private Integer height;

	private String fileName;

	private String sha256;

	private String storageKey;

	private boolean publicPhoto;

	private String uploadedBy;

	private Instant uploadedAt;

	protected EvidenceFile() {
	}

	EvidenceFile(CaseKind caseKind, long caseId, String communityCode, EvidenceStep step, String contentType,
			long sizeBytes, Integer width, Integer height, String fileName, String sha256, String storageKey,
			String uploadedBy, Instant uploadedAt) {
		this.caseKind = caseKind;
		this.caseId = caseId;
		this.communityCode = communityCode;
		this.step = step;
		this.contentType = contentType;
		this.sizeBytes = sizeBytes;
		this.width = width;
		this.height = height;
		this.fileName = fileName;
		this.sha256 = sha256;
		this.storageKey = storageKey;
		this.uploadedBy = uploadedBy;
		this.uploadedAt = uploadedAt;
	}

	/** The completed task took this file as its evidence. */
	void takenBy(String taskId) {
		this.taskId = taskId;
	}

	void markPublic(boolean publicPhoto) {
		this.publicPhoto = publicPhoto;
	}

	boolean image() {
		return contentType.startsWith("image/");
	}

	Long getId() {
		return id;
	}

	CaseKind getCaseKind() {
		return caseKind;
	}

	long getCaseId() {
		return caseId;
	}

	String getCommunityCode() {
		return communityCode;
	}

	EvidenceStep getStep() {
		return step;
	}

	String getTaskId() {
		return taskId;
	}

	String getContentType() {
		return contentType;
	}

	long getSizeBytes() {
		return sizeBytes;
	}

	Integer getWidth() {
		return width;
	}

	Integer getHeight() {
		return height;
	}

	String getFileName() {
		return fileName;
	}

	String getSha256() {
		return sha256;
	}

	String getStorageKey() {
		return storageKey;
	}

	boolean isPublicPhoto() {
		return publicPhoto;
	}

	String getUploadedBy() {
		return uploadedBy;
	}

	Instant getUploadedAt() {
		return uploadedAt;
	}
}
