package cn.needsloop.certificate;

/** The steward's decision on a certificate request ({@code certificateDecision}: the model's gateway reads its name). */
public enum CertificateDecision {
	ISSUED, DECLINED
}
