package cn.needsloop.system;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
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

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Who may reach what. The JSON API takes HTTP Basic against Camunda's identity service; the
 * engine's REST API ({@code /engine-rest}) takes the same users through Camunda's own
 * authentication filter, so Camunda authorizations apply there; Cockpit, Tasklist and Admin keep
 * their own sign-in page against the same users.
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
	SecurityFilterChain camundaAndPublic(HttpSecurity http) throws Exception {
		// /engine-rest is guarded by Camunda's own filter below, /camunda by the webapps' login and CSRF filter.
		http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.csrf(csrf -> csrf.ignoringRequestMatchers("/engine-rest/**", "/camunda/**"))
			.headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
		return http.build();
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

	private static void writeProblem(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
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
