package cn.needsloop.system;

import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Lets {@code /api} see who signed in on the pages, without ever creating or changing their session. A
 * request that brings its own credentials (HTTP Basic) is judged by those alone, never by a session
 * cookie it happens to carry.
 */
final class PageSessionReader implements SecurityContextRepository {

	private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final HttpSessionSecurityContextRepository session = new HttpSessionSecurityContextRepository();

	/**
	 * Whether the request is a change that only the pages' session signs and that does not say it comes
	 * from this site: it needs the CSRF token. A browser's {@code Origin} says where a change comes from
	 * (another site's is refused before, {@link CrossSiteWriteFilter}), so a page of this site such as Swagger
	 * UI may change things with the session alone; without {@code Origin} only the token tells.
	 */
	static boolean isPageSessionChange(HttpServletRequest request) {
		if (SAFE.contains(request.getMethod()) || hasOwnCredentials(request) || request.getHeader(HttpHeaders.ORIGIN) != null) {
			return false;
		}
		HttpSession current = request.getSession(false);
		return current != null
				&& current.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null;
	}

	private static boolean hasOwnCredentials(HttpServletRequest request) {
		return request.getHeader(HttpHeaders.AUTHORIZATION) != null;
	}

	@Override
	public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
		if (hasOwnCredentials(request)) {
			return new DeferredSecurityContext() {

				@Override
				public SecurityContext get() {
					return SecurityContextHolder.createEmptyContext();
				}

				@Override
				public boolean isGenerated() {
					return true;
				}
			};
		}
		return session.loadDeferredContext(request);
	}

	@Override
	@Deprecated
	public SecurityContext loadContext(HttpRequestResponseHolder holder) {
		return hasOwnCredentials(holder.getRequest()) ? SecurityContextHolder.createEmptyContext() : session.loadContext(holder);
	}

	@Override
	public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
		// never: the pages own their session
	}

	@Override
	public boolean containsContext(HttpServletRequest request) {
		return !hasOwnCredentials(request) && session.containsContext(request);
	}
}
