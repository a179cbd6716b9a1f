package cn.needsloop.system;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import cn.needsloop.process.Accounts;
import cn.needsloop.process.EngineIdentity;

/**
 * Signs users in against Camunda's identity service: one set of users for the API and Camunda. The
 * identity service counts wrong passwords ({@link SignInThrottle}); a sign-in refused while
 * a pause is in force, or by the failure that started one, says so ({@link SignInPausedException}).
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

	private final EngineIdentity identityService;

	private final SignInThrottle throttle;

	CamundaIdentityAuthenticationProvider(Accounts accounts, SignInThrottle throttle) {
		this.identityService = accounts.identity();
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String userId = authentication.getName();
		Object credentials = authentication.getCredentials();
		boolean right = userId != null && credentials != null && identityService.checkPassword(userId, credentials.toString());
		throttle.settle();
		if (!right) {
			throw throttle.pause(userId, SignInThrottle.currentClient())
				.<RuntimeException>map(SignInPausedException::new)
				.orElseGet(() -> new BadCredentialsException("Bad credentials"));
		}
		List<SimpleGrantedAuthority> groups = identityService.groupsOf(userId).stream()
			.map(SimpleGrantedAuthority::new).toList();
		return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
