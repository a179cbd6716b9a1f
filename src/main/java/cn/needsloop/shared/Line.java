package cn.needsloop.shared;

/**
 * The lines a task can be routed to: the steward station, the three lines (party,
 * self-governance, social organisations), the stewards' lead of the community (extensions) and the district
 * manager for escalations.
 */
public enum Line {
	STEWARD, PARTY, SELF_GOVERNANCE, SOCIAL_ORGANIZATION, MANAGER, STEWARD_LEAD
}
