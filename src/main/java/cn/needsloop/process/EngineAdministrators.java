package cn.needsloop.process;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The engine's administrators ({@code camunda-admin}), for {@code system.Administrators}: whether there is
 * one, whether an account is one, and the making of one with Camunda's administrator authorizations (as
 * Camunda's own {@code camunda.bpm.admin-user} does).
 */
@Component
public class EngineAdministrators {

	/** The engine's administrators' group. */
	public static final String GROUP = CAMUNDA_ADMIN;

	private final IdentityService identity;

	private final AuthorizationService authorizations;

	EngineAdministrators(IdentityService identity, AuthorizationService authorizations) {
		this.identity = identity;
		this.authorizations = authorizations;
	}

	/** Whether the group {@code camunda-admin} has any member. */
	public boolean any() {
		return identity.createUserQuery().memberOfGroup(CAMUNDA_ADMIN).count() > 0;
	}

	/** Whether the account is a member of {@code camunda-admin}. */
	public boolean isAdministrator(String userId) {
		return identity.createUserQuery().userId(userId).memberOfGroup(CAMUNDA_ADMIN).count() > 0;
	}

	/**
	 * Creates the account as an administrator: in {@code camunda-admin} (created if missing), which is granted
	 * everything on every resource where it has no grant yet.
	 */
	public void create(String userId, String password) {
		User user = identity.newUser(userId);
		user.setFirstName(userId);
		user.setLastName("");
		user.setPassword(password);
		identity.saveUser(user);
		if (identity.createGroupQuery().groupId(CAMUNDA_ADMIN).count() == 0) {
			Group group = identity.newGroup(CAMUNDA_ADMIN);
			group.setName("camunda BPM Administrators");
			group.setType(Groups.GROUP_TYPE_SYSTEM);
			identity.saveGroup(group);
		}
		for (Resource resource : Resources.values()) {
			if (authorizations.createAuthorizationQuery().groupIdIn(CAMUNDA_ADMIN).resourceType(resource)
				.resourceId(ANY).count() == 0) {
				Authorization all = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
				all.setGroupId(CAMUNDA_ADMIN);
				all.setResource(resource);
				all.setResourceId(ANY);
				all.addPermission(Permissions.ALL);
				authorizations.saveAuthorization(all);
			}
		}
		identity.createMembership(userId, CAMUNDA_ADMIN);
	}
}
