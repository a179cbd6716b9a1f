package cn.needsloop.consultation;

/** The result of a round of consultation ({@code consultationResult} in {@code consultation-catalog.dmn}). */
public enum RoundResult {
	AGREED, REJECTED, ANOTHER_ROUND
}
