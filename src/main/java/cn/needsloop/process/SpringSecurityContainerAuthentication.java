package cn.needsloop.process;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells Camunda's webapps who signed in on our login page: the Spring Security principal of this
 * request, with their Camunda groups and tenants, so Camunda authorizations apply as usual.
 * Named by {@code system.SecurityConfig} in the {@code authentication-provider} init parameter of the webapps' container-based filter.
 */
public class SpringSecurityContainerAuthentication extends ContainerBasedAuthenticationProvider {

	@Override
	public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken || request.getUserPrincipal() == null) {
			return AuthenticationResult.unsuccessful();
		}
		String userId = authentication.getName();
		AuthenticationResult result = AuthenticationResult.successful(userId);
		List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
			.map(Group::getId).toList();
		result.setGroups(groups);
		result.setTenants(engine.getIdentityService().createTenantQuery().userMember(userId).includingGroupsOfUser(true)
			.list().stream().map(Tenant::getId).toList());
		return result;
	}
}
