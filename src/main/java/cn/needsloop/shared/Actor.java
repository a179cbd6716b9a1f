package cn.needsloop.shared;

import java.util.List;
import java.util.Optional;

/**
 * The person acting: a Camunda identity user with their groups. Groups are scoped by community
 * where it matters ({@code steward:xingfu}).
 */
public record Actor(String userId, List<String> groups) {

	public static final String MANAGER = "manager";
	public static final String SOCIAL_ORGANIZATION = "socialorg";
	public static final String ADMIN = "camunda-admin";

	public Actor {
		groups = List.copyOf(groups);
	}

	public boolean isManager() {
		return groups.contains(MANAGER) || groups.contains(ADMIN);
	}

	public boolean isSocialOrganization() {
		return groups.contains(SOCIAL_ORGANIZATION);
	}

	public boolean isStewardOf(String communityCode) {
		return groups.contains(CommunityGroup.STEWARD.of(communityCode));
	}

	public boolean isPartyOf(String communityCode) {
		return groups.contains(CommunityGroup.PARTY.of(communityCode));
	}

	public boolean isSelfGovernanceOf(String communityCode) {
		return groups.contains(CommunityGroup.SELF_GOVERNANCE.of(communityCode));
	}

	public boolean isAdmin() {
		return groups.contains(ADMIN);
	}

	/** Works on a party or self-governance line of some community. */
	public boolean isLineWorker() {
		return CommunityGroup.PARTY.anyIn(groups) || CommunityGroup.SELF_GOVERNANCE.anyIn(groups);
	}

	/** A government department (市直部门) that submits work items to communities. */
	public boolean isDepartment() {
		return groups.stream().anyMatch(g -> g.equals("department") || g.startsWith("department:"));
	}

	/** Works on the self-governance line of some community. */
	public boolean isSelfGovernance() {
		return CommunityGroup.SELF_GOVERNANCE.anyIn(groups);
	}

	/** A resident: no staff group (steward, line, social organisation, department, manager, administrator). */
	public boolean isResident() {
		return PersonRole.of(groups) == PersonRole.RESIDENT;
	}

	public boolean isSteward() {
		return CommunityGroup.STEWARD.anyIn(groups);
	}

	/** The communities this actor works for as a steward. */
	public List<String> stewardCommunities() {
		return groups.stream().flatMap(g -> CommunityGroup.STEWARD.community(g).stream()).toList();
	}

	/** A grid worker (网格员) of that grid: a member of {@code grid:<gridCode>}. */
	public boolean isGridWorkerOf(String gridCode) {
		return gridCode != null && groups.contains("grid:" + gridCode);
	}

	/** The grids this actor works in as a grid worker. */
	public List<String> gridCodes() {
		return groups.stream().filter(g -> g.startsWith("grid:")).map(g -> g.substring(5)).toList();
	}

	public Optional<String> firstStewardCommunity() {
		return stewardCommunities().stream().findFirst();
	}
}
