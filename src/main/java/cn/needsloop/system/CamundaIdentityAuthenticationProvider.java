package cn.needsloop.system;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Signs users in against Camunda's identity service: one set of users for the API and Camunda. The
 * identity service counts wrong passwords ({@link ThrottledIdentityProvider}); a sign-in refused while
 * a pause is in force, or by the failure that started one, says so ({@link SignInPausedException}).
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

	private final IdentityService identityService;

	private final SignInThrottle throttle;

	CamundaIdentityAuthenticationProvider(IdentityService identityService, SignInThrottle throttle) {
		this.identityService = identityService;
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
		List<SimpleGrantedAuthority> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
			.map(Group::getId).map(SimpleGrantedAuthority::new).toList();
		return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
