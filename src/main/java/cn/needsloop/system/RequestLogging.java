package cn.needsloop.system;

import java.io.IOException;
import java.util.EnumSet;

import cn.needsloop.process.Accounts;
import cn.needsloop.process.EngineIdentity;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * Every log line written for a request says which request and whose: the logging MDC holds
 * {@value #REQUEST_ID} and {@value #USER} for the whole request, and the log pattern
 * ({@code logging.pattern.correlation}) or the JSON lines ({@code NEEDSLOOP_LOG_JSON=true}) print them.
 * The request id is the caller's {@value #HEADER} when it is a plain token (a proxy's or a client's
 * id, so that one id follows a call through every hop), otherwise a new one; the response echoes it.
 * The user is set once the request is authenticated: by Spring Security for the API, the pages and
 * Camunda's webapps, by Camunda's own filter for the engine's REST API. With
 * {@code logging.level.cn.needsloop.system.RequestLogging=debug} each request also ends with one
 * line: method, path, status and milliseconds.
 */
@Configuration
class RequestLogging {

	static final String REQUEST_ID = "requestId";

	static final String USER = "user";

	static final String HEADER = "X-Request-Id";

	/** What a caller's request id may look like; anything else (too long, spaces, line breaks) is replaced. */
	private static final Pattern PLAIN_TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private static final Logger log = LoggerFactory.getLogger(RequestLogging.class);

	@Bean
	FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
		registration.setName("request-id");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));
		return registration;
	}

	@Bean
	FilterRegistrationBean<UserFilter> requestUserFilter() {
		FilterRegistrationBean<UserFilter> registration = new FilterRegistrationBean<>(new UserFilter());
		registration.setName("request-user");
		// right after Spring Security has authenticated the request
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));
		return registration;
	}

	/** The engine's REST API authenticates in Camunda's filter, not in Spring Security: take the user from the engine. */
	@Bean
	ResourceConfigCustomizer engineRestUser(Accounts accounts) {
		return config -> config.register(new EngineRestUserFilter(accounts.identity()));
	}

	static final class RequestIdFilter extends OncePerRequestFilter {

		private static final String ATTRIBUTE = RequestLogging.class.getName() + ".requestId";

		@Override
		protected boolean shouldNotFilterAsyncDispatch() {
			return false;
		}

		@Override
		protected boolean shouldNotFilterErrorDispatch() {
			return false;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			// an error or async dispatch keeps the id of its request
			String id = (String) request.getAttribute(ATTRIBUTE);
			if (id == null) {
				String given = request.getHeader(HEADER);
				id = given != null && PLAIN_TOKEN.matcher(given).matches() ? given : UUID.randomUUID().toString();
				request.setAttribute(ATTRIBUTE, id);
				response.setHeader(HEADER, id);
			}
			MDC.put(REQUEST_ID, id);
			long start = System.nanoTime();
			try {
				chain.doFilter(request, response);
			}
			finally {
				if (log.isDebugEnabled() && request.getDispatcherType() == DispatcherType.REQUEST) {
					log.debug("{} {} -> {} in {} ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
							(System.nanoTime() - start) / 1_000_000);
				}
				MDC.remove(USER);
				MDC.remove(REQUEST_ID);
			}
		}
	}

	static final class UserFilter extends OncePerRequestFilter {

		@Override
		protected boolean shouldNotFilterAsyncDispatch() {
			return false;
		}

		@Override
		protected boolean shouldNotFilterErrorDispatch() {
			return false;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			org.springframework.security.core.Authentication authentication = SecurityContextHolder.getContext()
				.getAuthentication();
			if (authentication != null && authentication.isAuthenticated()
					&& !(authentication instanceof AnonymousAuthenticationToken)) {
				MDC.put(USER, authentication.getName());
			}
			chain.doFilter(request, response);
		}
	}

	/** A JAX-RS filter in the engine's REST API: the user Camunda's authentication filter has just signed in. */
	static final class EngineRestUserFilter implements ContainerRequestFilter {

		private final EngineIdentity identity;

		EngineRestUserFilter(EngineIdentity identity) {
			this.identity = identity;
		}

		@Override
		public void filter(ContainerRequestContext request) {
			identity.current().ifPresent(actor -> MDC.put(USER, actor.userId()));
		}
	}
}
