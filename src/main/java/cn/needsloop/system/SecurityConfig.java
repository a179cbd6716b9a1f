package cn.needsloop.system;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Who may reach what. The JSON API takes HTTP Basic against Camunda's identity service; the
 * engine's REST API ({@code /engine-rest}) takes the same users through Camunda's own
 * authentication filter, so Camunda authorizations apply there; the pages and Cockpit, Tasklist and
 * Admin share one form login against the same users.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfig {

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, CamundaIdentityAuthenticationProvider provider, MessageSource messages,
			ObjectMapper json) throws Exception {
		http.securityMatcher("/api/**")
			.authenticationProvider(provider)
			.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(
					(request, response, ex) -> writeProblem(request, response, HttpStatus.UNAUTHORIZED, "problem.unauthorized", messages, json)))
			.exceptionHandling(ex -> ex
				.authenticationEntryPoint((request, response, e) -> writeProblem(request, response,
						HttpStatus.UNAUTHORIZED, "problem.unauthorized", messages, json))
				.accessDeniedHandler((request, response, e) -> writeProblem(request, response, HttpStatus.FORBIDDEN,
						"problem.forbidden", messages, json)))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
		// guarded by Camunda's own HTTP Basic filter below, so that Camunda authorizations apply
		// a path pattern on the whole request path: /engine-rest is Jersey's servlet, not Spring MVC's
		http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"))
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	/**
	 * The pages and Camunda's webapps: one form login against Camunda's identity service, CSRF on,
	 * nothing remembered. Camunda Cockpit, Tasklist and Admin take the signed-in user from this
	 * session ({@link SpringSecurityContainerAuthentication}); logging out here ends both.
	 */
	@Bean
	@Order(3)
	SecurityFilterChain pages(HttpSecurity http, CamundaIdentityAuthenticationProvider provider) throws Exception {
		AuthorizationManager<RequestAuthorizationContext> steward = (authentication, context) -> new AuthorizationDecision(
				authentication.get().isAuthenticated() && authentication.get().getAuthorities().stream()
					.map(GrantedAuthority::getAuthority)
					.anyMatch(g -> g.startsWith("steward:") || g.equals(Actor.MANAGER) || g.equals(Actor.ADMIN)));
		http.authenticationProvider(provider)
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/login", "/public/**", "/vendor/**", "/css/**", "/js/**", "/favicon.ico", "/error",
						"/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**")
				.permitAll()
				.requestMatchers("/camunda/app/**").authenticated()
				// the webapps' own API and assets: their API checks the Camunda authentication of this session
				.requestMatchers("/camunda/**").permitAll()
				.requestMatchers("/steward/**").access(steward)
				.requestMatchers("/hall/**").hasAuthority(Actor.SOCIAL_ORGANIZATION)
				.requestMatchers("/manager/**").hasAnyAuthority(Actor.MANAGER, Actor.ADMIN)
				.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout(logout -> logout
				.logoutRequestMatcher(new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/logout"),
						PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/{engine}/logout")))
				.invalidateHttpSession(true)
				.clearAuthentication(true)
				.deleteCookies("JSESSIONID")
				.logoutSuccessHandler((request, response, authentication) -> {
					if (request.getRequestURI().startsWith(request.getContextPath() + "/camunda/api/")) {
						response.setStatus(HttpServletResponse.SC_NO_CONTENT); // Tasklist's own logout button
					}
					else {
						response.sendRedirect(request.getContextPath() + "/login?logout");
					}
				}))
			.csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**"))
			// a refused page goes to ErrorPageController, which tells a stale form (CSRF) from a missing right
			.exceptionHandling(ex -> ex.accessDeniedHandler((request, response, denied) -> {
				request.setAttribute(WebAttributes.ACCESS_DENIED_403, denied);
				response.sendError(HttpServletResponse.SC_FORBIDDEN);
			}))
			.headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
		return http.build();
	}

	/** Single sign-on into Cockpit, Tasklist and Admin: runs after the Spring Security filter chain. */
	@Bean
	FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappAuthentication() {
		FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ContainerBasedAuthenticationFilter());
		registration.addUrlPatterns("/camunda/*");
		registration.addInitParameter("authentication-provider", SpringSecurityContainerAuthentication.class.getName());
		registration.setName("camunda-webapp-sso");
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.addUrlPatterns("/engine-rest/*");
		registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
		registration.setName("engine-rest-authentication");
		return registration;
	}

	static void writeProblem(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String key, MessageSource messages, ObjectMapper json) throws IOException {
		Locale locale = request.getHeader("Accept-Language") == null ? Locale.ENGLISH : request.getLocale();
		ProblemDetail problem = ProblemDetail.forStatus(status);
		String kind = status.name().toLowerCase(Locale.ROOT).replace('_', '-');
		problem.setType(URI.create(ApiExceptionHandler.TYPE_BASE + kind));
		problem.setTitle(messages.getMessage("problem.title." + kind, null, locale));
		problem.setDetail(messages.getMessage(key, null, locale));
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"needs-loop\"");
		}
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
	}
}
