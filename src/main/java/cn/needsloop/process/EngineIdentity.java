package cn.needsloop.process;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.util.EngineUtil;

import cn.needsloop.shared.Actor;

/**
 * One engine's identity, for the doors that sign people in ({@code system}): a password check (through the
 * sign-in limits, see {@link ThrottledIdentityProvider}), a person's groups and tenants, and the person the
 * engine works for in this thread (its authentication), set and cleared around a call.
 */
public final class EngineIdentity {

	private final String engineName;

	private final IdentityService identity;

	EngineIdentity(String engineName, IdentityService identity) {
		this.engineName = engineName;
		this.identity = identity;
	}

	/** The engine of this name that the REST API addresses, if there is one. */
	public static Optional<EngineIdentity> named(String engineName) {
		ProcessEngine engine = EngineUtil.lookupProcessEngine(engineName);
		return engine == null ? Optional.empty() : Optional.of(new EngineIdentity(engine.getName(), engine.getIdentityService()));
	}

	/** The engine's name, or null for the identity {@link Accounts#identity()} gives (the application's engine). */
	public String engineName() {
		return engineName;
	}

	/** Whether the password is the account's (counted by the sign-in limits). */
	public boolean checkPassword(String userId, String password) {
		return identity.checkPassword(userId, password);
	}

	public List<String> groupsOf(String userId) {
		return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
	}

	/** The tenants of the person, directly or through their groups. */
	public List<String> tenantsOf(String userId) {
		return identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
			.map(Tenant::getId)
			.toList();
	}

	/** From now on, in this thread, the engine works for this person (its authorizations apply). */
	public void signIn(String userId, List<String> groups, List<String> tenants) {
		identity.setAuthentication(userId, groups, tenants);
	}

	public void signOut() {
		identity.clearAuthentication();
	}

	/** The person the engine works for in this thread, with the groups it knows them by, if any. */
	public Optional<Actor> current() {
		Authentication authentication = identity.getCurrentAuthentication();
		if (authentication == null || authentication.getUserId() == null) {
			return Optional.empty();
		}
		return Optional.of(new Actor(authentication.getUserId(),
				authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds()));
	}
}
