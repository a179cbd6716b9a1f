package cn.needsloop.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import cn.needsloop.process.Accounts;
import cn.needsloop.process.EngineAdministrators;
import cn.needsloop.process.StoredPasswords;
import cn.needsloop.system.StartChecks.Administrator;

/**
 * There is always an administrator, and nobody becomes one by asking: Camunda's first-user setup
 * stays closed ({@link SecurityConfig}), and the first administrator comes from configuration
 * ({@code NEEDSLOOP_ADMIN_USER} / {@code NEEDSLOOP_ADMIN_PASSWORD}). Runs once the engine is up and
 * before the server takes requests:
 * <ul>
 * <li>a configured administrator that does not exist is created, in {@code camunda-admin} with
 * Camunda's administrator authorizations ({@link EngineAdministrators#create});</li>
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

	private final Accounts accounts;

	private final EngineAdministrators administrators;

	private final StoredPasswords passwords;

	private final Environment environment;

	Administrators(Accounts accounts, EngineAdministrators administrators, StoredPasswords passwords,
			Environment environment) {
		this.accounts = accounts;
		this.administrators = administrators;
		this.passwords = passwords;
		this.environment = environment;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Administrator configured = StartChecks.configuredAdministrator(environment);
		if (configured != null) {
			ensure(configured);
		}
		if (!administrators.any()) {
			throw new StartRefusedException("There is no administrator: the database has no member of "
					+ EngineAdministrators.GROUP + " and none is configured, and Camunda's first-user setup is closed.",
					"Set NEEDSLOOP_ADMIN_USER and NEEDSLOOP_ADMIN_PASSWORD (the properties " + StartChecks.ADMIN_USER
							+ " and " + StartChecks.ADMIN_PASSWORD + "): the administrator is created from them at"
							+ " start. " + StartChecks.POLICY
							+ " For a trial with demo users and data instead, start with the demo profile.");
		}
	}

	private void ensure(Administrator administrator) {
		String id = administrator.userId();
		if (!accounts.exists(id)) {
			administrators.create(id, administrator.password());
			LOG.info("Created the administrator '{}' from NEEDSLOOP_ADMIN_USER", id);
			return;
		}
		if (!administrators.isAdministrator(id)) {
			LOG.warn("NEEDSLOOP_ADMIN_USER '{}' is an existing user outside {}: left as it is, not made an administrator",
					id, EngineAdministrators.GROUP);
		}
		else if (!passwords.matches(id, administrator.password())) {
			LOG.warn("The administrator '{}' has a password other than NEEDSLOOP_ADMIN_PASSWORD (changed since it was"
					+ " created): the password in the database is kept; the variable only sets the first password", id);
		}
	}
}
