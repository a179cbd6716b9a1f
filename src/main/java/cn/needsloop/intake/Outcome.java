package cn.needsloop.intake;

/** The recorded outcome every accepted need ends with. */
public enum Outcome {
	RESOLVED, NOT_GENUINE, DUPLICATE, REFERRED, UNRESOLVED
}
