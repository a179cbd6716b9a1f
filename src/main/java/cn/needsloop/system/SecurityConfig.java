package cn.needsloop.system;

import cn.needsloop.shared.CommunityGroup;
import cn.needsloop.shared.Actor;
import cn.needsloop.process.Accounts;
import cn.needsloop.process.SpringSecurityContainerAuthentication;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;

import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
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
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Who may reach what. The JSON API takes HTTP Basic against Camunda's identity service; the
 * engine's REST API ({@code /engine-rest}) takes the same users as the engine's own user
 * ({@link EngineRestAuthenticationFilter}), so Camunda authorizations apply there; the pages and Cockpit,
 * Tasklist and Admin share one form login against the same users. Every door counts wrong passwords
 * against the same limits ({@link SignInThrottle}).
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfig {

	/**
	 * The JSON API: HTTP Basic, or the session of the pages (read, never created or changed here). A change
	 * made with the pages' session must show that it comes from this site: by the browser's {@code Origin}
	 * or by the page's CSRF token (header {@code X-CSRF-TOKEN}, from {@code <meta name="_csrf">}), so that
	 * another site cannot make a signed-in browser change anything; a request with HTTP Basic credentials is
	 * judged by those alone and needs no token. A browser's change from a page of another site is refused
	 * either way ({@link CrossSiteWriteFilter}).
	 */
	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, CamundaIdentityAuthenticationProvider provider, MessageSource messages,
			ObjectMapper json, PublicUrl publicUrl) throws Exception {
		AuthenticationEntryPoint signInRequired = (request, response, ex) -> {
			if (ex instanceof SignInPausedException paused) {
				SignInPauseProblem.write(request, response, paused, messages, json);
			}
			else {
				writeProblem(request, response, HttpStatus.UNAUTHORIZED, "problem.unauthorized", messages, json);
			}
		};
		http.securityMatcher("/api/**")
			.authenticationManager(signIn(provider))
			.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(signInRequired))
			.exceptionHandling(ex -> ex
				.authenticationEntryPoint(signInRequired)
				.accessDeniedHandler((request, response, e) -> writeProblem(request, response, HttpStatus.FORBIDDEN,
						e instanceof CsrfException ? "problem.csrf" : "problem.forbidden", messages, json)))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(context -> context.securityContextRepository(new DelegatingSecurityContextRepository(
					new RequestAttributeSecurityContextRepository(), new PageSessionReader())))
			.csrf(csrf -> csrf.requireCsrfProtectionMatcher(PageSessionReader::isPageSessionChange))
			.addFilterBefore(new CrossSiteWriteFilter(publicUrl, messages, json), CsrfFilter.class)
			.headers(SecurityHeaders.api());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain engineRest(HttpSecurity http, MessageSource messages, ObjectMapper json, PublicUrl publicUrl)
			throws Exception {
		// guarded by our HTTP Basic filter for the engine below, so that Camunda authorizations apply
		// a path pattern on the whole request path: /engine-rest is Jersey's servlet, not Spring MVC's
		http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"))
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.addFilterBefore(new CrossSiteWriteFilter(publicUrl, messages, json), CsrfFilter.class)
			.headers(SecurityHeaders.api());
		return http.build();
	}

	/**
	 * The OpenAPI document, for signed-in users only: HTTP Basic like the API, or the session of a
	 * browser signed in on our login page (Swagger UI, a page under {@link #pages}). Both are off unless
	 * the demo profile or {@code SPRINGDOC_API_DOCS_ENABLED=true} turns them on (application.yml).
	 */
	@Bean
	@Order(2) // beside engineRest: the two match different paths
	SecurityFilterChain apiDocs(HttpSecurity http, CamundaIdentityAuthenticationProvider provider, MessageSource messages,
			ObjectMapper json) throws Exception {
		http.securityMatcher("/v3/api-docs", "/v3/api-docs/**")
			.authenticationManager(signIn(provider))
			.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(
					(request, response, ex) -> writeProblem(request, response, HttpStatus.UNAUTHORIZED, "problem.unauthorized", messages, json)))
			.exceptionHandling(ex -> ex.authenticationEntryPoint((request, response, e) -> writeProblem(request, response,
					HttpStatus.UNAUTHORIZED, "problem.unauthorized", messages, json)))
			.headers(SecurityHeaders.api());
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
					.anyMatch(g -> CommunityGroup.STEWARD.is(g) || g.equals(Actor.MANAGER) || g.equals(Actor.ADMIN)));
		http.authenticationManager(signIn(provider))
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/login", "/public/**", "/vendor/**", "/css/**", "/js/**", "/favicon.ico", "/error")
				.permitAll()
				// Camunda's first-user setup is never open: the first administrator comes from configuration (Administrators)
				.requestMatchers("/camunda/api/admin/setup/**", "/camunda/app/admin/*/setup/**").denyAll()
				// Cockpit and Admin, their APIs and plugins: managers and administrators (Admin: administrators only)
				.requestMatchers("/camunda/app/cockpit/**", "/camunda/api/cockpit/**").hasAnyAuthority(Actor.MANAGER, Actor.ADMIN)
				.requestMatchers("/camunda/app/admin/**").hasAuthority(Actor.ADMIN)
				.requestMatchers("/camunda/api/admin/auth/**").permitAll() // every app's "who is signed in" and logout
				.requestMatchers("/camunda/api/admin/**").hasAuthority(Actor.ADMIN)
				.requestMatchers("/camunda/app/**").authenticated()
				// the webapps' own API and assets: their API checks the Camunda authentication of this session
				.requestMatchers("/camunda/**").permitAll()
				.requestMatchers("/steward/**").access(steward)
				.requestMatchers("/hall/**").hasAuthority(Actor.SOCIAL_ORGANIZATION)
				.requestMatchers("/manager/**").hasAnyAuthority(Actor.MANAGER, Actor.ADMIN)
				.requestMatchers("/admin/**").hasAuthority(Actor.ADMIN)
				.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(signInFailure()).permitAll())
			.logout(logout -> logout
				.logoutRequestMatcher(new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/logout"),
						PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/{engine}/logout")))
				.invalidateHttpSession(true)
				.clearAuthentication(true)
				.deleteCookies("JSESSIONID") // Spring Session's cookie, named as the container's (application.yml)
				.logoutSuccessHandler((request, response, authentication) -> {
					if (request.getRequestURI().startsWith(request.getContextPath() + "/camunda/api/")) {
						response.setStatus(HttpServletResponse.SC_NO_CONTENT); // Tasklist's own logout button
					}
					else {
						response.sendRedirect(request.getContextPath() + "/login?logout");
					}
				}))
			.csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**"))
			// without a session the webapps' scripts get 401, as from Camunda itself; everyone else the login page
			.exceptionHandling(ex -> ex.authenticationEntryPoint(loginOrUnauthorizedForCamundaApi()))
			// a refused page goes to ErrorPageController, which tells a stale form (CSRF) from a missing right
			.exceptionHandling(ex -> ex.accessDeniedHandler((request, response, denied) -> {
				request.setAttribute(WebAttributes.ACCESS_DENIED_403, denied);
				response.sendError(HttpServletResponse.SC_FORBIDDEN);
			}))
			.headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
			.headers(SecurityHeaders.pages());
		return http.build();
	}

	private static AuthenticationEntryPoint loginOrUnauthorizedForCamundaApi() {
		LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> camundaApi = new LinkedHashMap<>();
		camundaApi.put(PathPatternRequestMatcher.withDefaults().matcher("/camunda/api/**"),
				new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED));
		DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(camundaApi);
		entryPoint.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"));
		return entryPoint;
	}

	/**
	 * Our provider alone, without Spring Boot's global authentication manager behind it: that one holds the
	 * same provider and would check every wrong password a second time (and count it twice).
	 */
	static AuthenticationManager signIn(CamundaIdentityAuthenticationProvider provider) {
		return new ProviderManager(provider);
	}

	/** A wrong password goes back to {@code /login?error}; a sign-in paused by our limits to {@code /login?paused}. */
	private static AuthenticationFailureHandler signInFailure() {
		AuthenticationFailureHandler wrong = new SimpleUrlAuthenticationFailureHandler("/login?error");
		AuthenticationFailureHandler paused = new SimpleUrlAuthenticationFailureHandler("/login?paused");
		return (request, response, ex) -> (ex instanceof SignInPausedException ? paused : wrong)
			.onAuthenticationFailure(request, response, ex);
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

	/** HTTP Basic for {@code /engine-rest}, with our sign-in limits (in place of Camunda's filter). */
	@Bean
	FilterRegistrationBean<EngineRestAuthenticationFilter> engineRestAuthentication(SignInThrottle throttle,
			MessageSource messages, ObjectMapper json) {
		FilterRegistrationBean<EngineRestAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new EngineRestAuthenticationFilter(throttle, messages, json));
		registration.addUrlPatterns("/engine-rest/*");
		registration.setName("engine-rest-authentication");
		registration.setOrder(org.springframework.core.Ordered.LOWEST_PRECEDENCE - 100);
		return registration;
	}

	/**
	 * What a person may change through the engine's APIs, and their refusals in the person's language
	 * ({@link EngineRestGuard}): after the sign-in of both (HTTP Basic above, the session for Tasklist).
	 */
	@Bean
	FilterRegistrationBean<EngineRestGuard> engineRestGuard(MessageSource messages,
			org.springframework.web.servlet.LocaleResolver locales, ObjectMapper json,
			Accounts accounts) {
		FilterRegistrationBean<EngineRestGuard> registration = new FilterRegistrationBean<>(
				new EngineRestGuard(messages, locales, json, accounts.identity()));
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
		registration.setName("engine-rest-guard");
		registration.setOrder(org.springframework.core.Ordered.LOWEST_PRECEDENCE - 50);
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
