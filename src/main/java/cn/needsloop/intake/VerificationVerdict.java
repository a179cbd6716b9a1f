package cn.needsloop.intake;

/** The steward's verdict after verifying a need. */
public enum VerificationVerdict {
	GENUINE, DUPLICATE, NOT_GENUINE, OUT_OF_SCOPE
}
