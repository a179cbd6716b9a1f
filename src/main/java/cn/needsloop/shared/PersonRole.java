package cn.needsloop.shared;

import java.util.Collection;

/**
 * The role a person acts in, shown instead of their account to someone who does not serve the case
 * (an organisation reads 居民 where a steward reads {@code resident1}). Read from the person's groups;
 * a person without a staff group is a resident. The text is {@code role.<NAME>} in the messages.
 */
public enum PersonRole {
	RESIDENT, STEWARD, GRID_WORKER, PARTY, SELF_GOVERNANCE, SOCIAL_ORGANIZATION, DEPARTMENT, MANAGER;

	/** The role of a person with these groups; the most responsible one when a person has several. */
	public static PersonRole of(Collection<String> groups) {
		if (groups.contains(Actor.MANAGER) || groups.contains(Actor.ADMIN)) {
			return MANAGER;
		}
		if (CommunityGroup.STEWARD.anyIn(groups)) {
			return STEWARD;
		}
		if (groups.stream().anyMatch(g -> g.startsWith("grid:"))) {
			return GRID_WORKER;
		}
		if (CommunityGroup.PARTY.anyIn(groups)) {
			return PARTY;
		}
		if (CommunityGroup.SELF_GOVERNANCE.anyIn(groups)) {
			return SELF_GOVERNANCE;
		}
		if (groups.contains(Actor.SOCIAL_ORGANIZATION)) {
			return SOCIAL_ORGANIZATION;
		}
		if (groups.stream().anyMatch(g -> g.equals("department") || g.startsWith("department:"))) {
			return DEPARTMENT;
		}
		return RESIDENT;
	}

	public String messageKey() {
		return "role." + name();
	}
}
