package cn.needsloop.system;

import cn.needsloop.shared.Actor;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The actuator: health and its probes ({@code /actuator/health/liveness}, {@code /actuator/health/readiness})
 * answer everyone, without details unless the caller is an administrator ({@code management.endpoint.health.show-details});
 * every other endpoint (metrics, Prometheus) is for the {@code camunda-admin} group, with HTTP Basic against
 * Camunda's identity service like the API, and the API's problem details for 401 and 403.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ActuatorSecurityConfig {

	@Bean
	@Order(0)
	SecurityFilterChain actuator(HttpSecurity http, CamundaIdentityAuthenticationProvider provider, MessageSource messages,
			ObjectMapper json) throws Exception {
		AuthenticationEntryPoint unauthorized = (request, response, ex) -> SecurityConfig.writeProblem(request, response,
				HttpStatus.UNAUTHORIZED, "problem.unauthorized", messages, json);
		http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authenticationManager(SecurityConfig.signIn(provider))
			.authorizeHttpRequests(auth -> auth
				.requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
				.anyRequest().hasAuthority(Actor.ADMIN))
			.httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
			.exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler((request, response, denied) -> SecurityConfig.writeProblem(request, response,
						HttpStatus.FORBIDDEN, "problem.forbidden", messages, json)))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.headers(SecurityHeaders.api());
		return http.build();
	}
}
