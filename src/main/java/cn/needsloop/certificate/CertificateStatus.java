package cn.needsloop.certificate;

/** Where a certificate request stands. */
public enum CertificateStatus {
	/** A kind on the catalog: waiting for the steward to issue or decline it. */
	PENDING,
	ISSUED,
	/** Declined by the steward, with a reason. */
	DECLINED,
	/** Not on the catalog: answered at once with the rule and where to go instead. */
	NOT_ISSUED_BY_COMMUNITY
}
