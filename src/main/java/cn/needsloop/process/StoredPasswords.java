package cn.needsloop.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.stereotype.Component;

/**
 * Whether a user's stored password is a given one, compared with the stored salted hash as Camunda
 * does. Not {@link IdentityService#checkPassword}: that counts a mismatch as a failed sign-in and
 * would lock an account whenever the application looks at it (for the demo warning, or an
 * administrator whose password was changed). Uses the engine's internal classes for the same reason.
 */
@Component
public class StoredPasswords {

	private final IdentityService identity;

	private final ProcessEngineConfigurationImpl engine;

	StoredPasswords(IdentityService identity, ProcessEngineConfigurationImpl engine) {
		this.identity = identity;
		this.engine = engine;
	}

	public boolean matches(String userId, String password) {
		User user = identity.createUserQuery().userId(userId).singleResult();
		if (!(user instanceof UserEntity entity) || entity.getPassword() == null) {
			return false;
		}
		return engine.getPasswordManager().check(EncryptionUtil.saltPassword(password, entity.getSalt()),
				entity.getPassword());
	}
}
