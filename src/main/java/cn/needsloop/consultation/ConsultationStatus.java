package cn.needsloop.consultation;

/** Where a consultation stands. */
public enum ConsultationStatus {
	/** Proposed, being checked against the catalog. */
	PROPOSED,
	/** Ended: the topic is not in the consultation catalog. */
	OUTSIDE_CATALOG,
	/** The self-governance line fixes the participants. */
	PARTICIPANTS,
	/** The self-governance line publishes the agenda of the (next) round. */
	AGENDA,
	/** The agenda is published; waiting for the meeting. */
	NOTICE,
	/** The meeting is due to be recorded. */
	MEETING,
	/** An agreed result is publicised; objections can be raised. */
	PUBLICITY,
	/** The agreed result is being applied. */
	APPLICATION,
	/** Ended: the result was applied and reported back. */
	APPLIED,
	/** Ended: the consultation did not agree. */
	REJECTED;

	public boolean isEnded() {
		return this == OUTSIDE_CATALOG || this == APPLIED || this == REJECTED;
	}
}
