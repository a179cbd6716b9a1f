package cn.needsloop.system;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import cn.needsloop.process.StoredPasswords;
import cn.needsloop.system.StartChecks.Administrator;

/**
 * There is always an administrator, and nobody becomes one by asking: Camunda's first-user setup
 * stays closed ({@link SecurityConfig}), and the first administrator comes from configuration
 * ({@code NEEDSLOOP_ADMIN_USER} / {@code NEEDSLOOP_ADMIN_PASSWORD}). Runs once the engine is up and
 * before the server takes requests:
 * <ul>
 * <li>a configured administrator that does not exist is created, in {@code camunda-admin} with
 * Camunda's administrator authorizations (as Camunda's own {@code camunda.bpm.admin-user} does);</li>
 * <li>one that exists is left as it is: a password changed since (in Admin) is kept, not reset to the
 * configured one, and the log says so; an existing user outside {@code camunda-admin} is not
 * promoted;</li>
 * <li>without any member of {@code camunda-admin} afterwards the start is refused, on every profile;
 * the demo profile brings its own ({@code admin1}).</li>
 * </ul>
 */
@Component
class Administrators implements SmartInitializingSingleton {

	private static final Logger LOG = LoggerFactory.getLogger(Administrators.class);

	private final IdentityService identity;

	private final AuthorizationService authorizations;

	private final StoredPasswords passwords;

	private final Environment environment;

	Administrators(IdentityService identity, AuthorizationService authorizations, StoredPasswords passwords,
			Environment environment) {
		this.identity = identity;
		this.authorizations = authorizations;
		this.passwords = passwords;
		this.environment = environment;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Administrator configured = StartChecks.configuredAdministrator(environment);
		if (configured != null) {
			ensure(configured);
		}
		if (identity.createUserQuery().memberOfGroup(CAMUNDA_ADMIN).count() == 0) {
			throw new StartRefusedException("There is no administrator: the database has no member of "
					+ CAMUNDA_ADMIN + " and none is configured, and Camunda's first-user setup is closed.",
					"Set NEEDSLOOP_ADMIN_USER and NEEDSLOOP_ADMIN_PASSWORD (the properties " + StartChecks.ADMIN_USER
							+ " and " + StartChecks.ADMIN_PASSWORD + "): the administrator is created from them at"
							+ " start. " + StartChecks.POLICY
							+ " For a trial with demo users and data instead, start with the demo profile.");
		}
	}

	private void ensure(Administrator administrator) {
		String id = administrator.userId();
		User existing = identity.createUserQuery().userId(id).singleResult();
		if (existing == null) {
			create(administrator);
			LOG.info("Created the administrator '{}' from NEEDSLOOP_ADMIN_USER", id);
			return;
		}
		if (identity.createUserQuery().userId(id).memberOfGroup(CAMUNDA_ADMIN).count() == 0) {
			LOG.warn("NEEDSLOOP_ADMIN_USER '{}' is an existing user outside {}: left as it is, not made an administrator",
					id, CAMUNDA_ADMIN);
		}
		else if (!passwords.matches(id, administrator.password())) {
			LOG.warn("The administrator '{}' has a password other than NEEDSLOOP_ADMIN_PASSWORD (changed since it was"
					+ " created): the password in the database is kept; the variable only sets the first password", id);
		}
	}

	private void create(Administrator administrator) {
		User user = identity.newUser(administrator.userId());
		user.setFirstName(administrator.userId());
		user.setLastName("");
		user.setPassword(administrator.password());
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
		identity.createMembership(administrator.userId(), CAMUNDA_ADMIN);
	}
}
