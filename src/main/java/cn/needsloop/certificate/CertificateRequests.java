package cn.needsloop.certificate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the certificate API. */
public final class CertificateRequests {

	private CertificateRequests() {
	}

	/** @param kind the code of the certificate kind, see docs/processes.md (e.g. RESIDENCE, CRIMINAL_RECORD) */
	public record RequestCertificate(@NotBlank @Size(max = 32) String communityCode,
			@NotBlank @Pattern(regexp = "^[A-Z][A-Z0-9_]{1,39}$", message = "{certificate.kind.pattern}") String kind,
			@NotBlank @Size(max = 50) String applicantName,
			@NotBlank @Pattern(regexp = "^[0-9+\\- ]{5,30}$", message = "{need.reporterPhone.pattern}") String applicantPhone,
			@NotBlank @Size(max = 500) String purpose) {
	}

	/** The steward's decision; a declined certificate needs a reason the applicant will read. */
	public record Decision(@NotNull Boolean issued, @Size(max = 1000) String reason) {
	}
}
