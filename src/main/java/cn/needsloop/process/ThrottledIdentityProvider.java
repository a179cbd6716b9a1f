package cn.needsloop.process;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

/**
 * Camunda's database identity provider with our sign-in limits in place of its own lock. Every password
 * check of the engine comes through here, whoever asks: our sign-in page and {@code /api}
 * ({@code system.CamundaIdentityAuthenticationProvider}), {@code /engine-rest} ({@code system.EngineRestAuthenticationFilter}),
 * and Camunda's own doors ({@code /engine-rest/identity/verify}, the webapps' login resource, the current
 * password asked before a password change). While a pause is in force the password is not even
 * checked; a wrong one is counted, the right one forgets the failures of that client for that account
 * (after this command, see {@link PasswordGate}, answered by {@code system.SignInThrottle}).
 * <p>
 * Camunda's lock is switched off here, not by configuration: it counted every wrong password for an
 * account, from anyone, and after ten ({@code loginMaxAttempts}) locked the account until an
 * administrator unlocked it, so anyone could lock anyone out for good; its short delays between
 * attempts also refused the right password to the owner while a guesser kept failing elsewhere.
 */
class ThrottledIdentityProvider extends DbIdentityServiceProvider {

	private final PasswordGate throttle;

	ThrottledIdentityProvider(PasswordGate throttle) {
		this.throttle = throttle;
	}

	@Override
	public boolean checkPassword(String userId, String password) {
		if (userId == null || password == null) {
			return false;
		}
		if (throttle.refuses(userId)) {
			return false;
		}
		boolean right = super.checkPassword(userId, password);
		throttle.checked(userId, right);
		return right;
	}

	/** Never locked by Camunda's count (an account it locked before keeps working). */
	@Override
	protected boolean isUserLocked(UserEntity user) {
		return false;
	}

	/** Camunda's count is not kept: the {@link PasswordGate} counts. */
	@Override
	protected void lockUser(UserEntity user) {
		// deliberately nothing
	}

	/** Installs the provider in the engine, for reading users and groups as well as for writing them. */
	@Component
	static class Plugin extends AbstractProcessEnginePlugin {

		private final PasswordGate throttle;

		Plugin(PasswordGate throttle) {
			this.throttle = throttle;
		}

		@Override
		public void preInit(ProcessEngineConfigurationImpl configuration) {
			configuration.setIdentityProviderSessionFactory(new SessionFactory() {

				@Override
				public Class<?> getSessionType() {
					return ThrottledIdentityProvider.class;
				}

				@Override
				public Session openSession() {
					return new ThrottledIdentityProvider(throttle);
				}
			});
		}
	}
}
