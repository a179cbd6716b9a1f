package cn.needsloop.evidence;

import java.time.Instant;

import cn.needsloop.system.Disclosure;

/**
 * A file as the API and the pages show it: what it is, which step it belongs to, and where to open it and its
 * thumbnail ({@code null} for a document).
 */
public record EvidenceView(Long id, CaseKind caseKind, long caseId, EvidenceStep step, String contentType,
		long sizeBytes, Integer width, Integer height, String fileName, boolean publicPhoto, boolean taken,
		String uploadedBy, Instant uploadedAt, String url, String thumbnailUrl) {

	/** The uploader as the reader may know them (a role to one who does not serve the community). */
	static EvidenceView of(EvidenceFile f, Disclosure disclosure) {
		String url = "/api/evidence/" + f.getId();
		return new EvidenceView(f.getId(), f.getCaseKind(), f.getCaseId(), f.getStep(), f.getContentType(),
				f.getSizeBytes(), f.getWidth(), f.getHeight(), f.getFileName(), f.isPublicPhoto(), f.getTaskId() != null,
				disclosure.person(f.getUploadedBy()), f.getUploadedAt(), url, f.image() ? url + "/thumbnail" : null);
	}

	public boolean image() {
		return contentType.startsWith("image/");
	}
}
