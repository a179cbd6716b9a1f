package cn.needsloop.shared;

import java.util.Collection;
import java.util.Optional;

/**
 * The groups a community has, one per line: its needs stewards ({@code steward:xingfu}), its party
 * organisation ({@code party:xingfu}) and its residents' committee ({@code selfgov:xingfu}), and the stewards'
 * lead (站长, {@code steward-lead:xingfu}: decides the extensions asked in the community). The one
 * place that knows how their ids are spelled; district-wide groups are the constants of {@link Actor}.
 */
public enum CommunityGroup {

	STEWARD("steward:"), PARTY("party:"), SELF_GOVERNANCE("selfgov:"), STEWARD_LEAD("steward-lead:");

	private final String prefix;

	CommunityGroup(String prefix) {
		this.prefix = prefix;
	}

	/** The group id of this line in a community. */
	public String of(String communityCode) {
		return prefix + communityCode;
	}

	/** Whether a group id is this line's group of some community. */
	public boolean is(String groupId) {
		return groupId != null && groupId.startsWith(prefix);
	}

	/** Whether any of these groups is this line's group of some community. */
	public boolean anyIn(Collection<String> groupIds) {
		return groupIds.stream().anyMatch(this::is);
	}

	/** The community of a group id of this line, or empty for another group. */
	public Optional<String> community(String groupId) {
		return is(groupId) ? Optional.of(groupId.substring(prefix.length())) : Optional.empty();
	}

	/** Whether a group id belongs to one of a community's lines ({@code steward:}, {@code party:}, {@code selfgov:}). */
	public static boolean isCommunityGroup(String groupId) {
		for (CommunityGroup group : values()) {
			if (group.is(groupId)) {
				return true;
			}
		}
		return false;
	}
}
