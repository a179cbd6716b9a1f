package cn.needsloop.admission;

/** Where a department's work item stands against the admission list. */
public enum WorkItemStatus {
	/** Submitted, not yet checked against the list. */
	SUBMITTED,
	/** On the admission list: handed to the communities' self-governance line. */
	ADMITTED,
	/** Not on the list, offered as purchased service: the manager reviews the service contract. */
	CONTRACT_REVIEW,
	/** Not on the list, taken by the communities as a purchased service under contract (权随责走、费随事转). */
	PURCHASED_SERVICE,
	/** Refused with the rule of the list. */
	REFUSED
}
