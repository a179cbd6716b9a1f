package cn.needsloop.system;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * No half-started answers. Tomcat accepts requests as soon as the context is refreshed, but the
 * application is not ready until every {@code ApplicationRunner} (demo data, Camunda authorizations)
 * has run and the job executor has started (on {@code ApplicationReadyEvent}); only then does Spring
 * set the readiness state to {@link ReadinessState#ACCEPTING_TRAFFIC}. Until then, and again while
 * the application shuts down, every request but the actuator's (the probes must answer) gets 503
 * with {@code Retry-After}: a problem detail for the API and other non-HTML callers, a short page
 * that reloads itself for a browser.
 */
@Configuration
class StartupGate {

	/** Seconds a client should wait before it tries again. */
	static final int RETRY_AFTER_SECONDS = 5;

	@Bean
	FilterRegistrationBean<Gate> startupGateFilter(ApplicationAvailability availability, MessageSource messages,
			ObjectMapper json, LocaleResolver locales, ITemplateEngine templates) {
		FilterRegistrationBean<Gate> registration = new FilterRegistrationBean<>(
				new Gate(availability, messages, json, locales, templates));
		registration.setName("startup-gate");
		// after the request id (RequestLogging), before Spring Security: a client gets 503, not 401, while starting
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	static final class Gate extends OncePerRequestFilter {

		private final ApplicationAvailability availability;

		private final MessageSource messages;

		private final ObjectMapper json;

		private final LocaleResolver locales;

		private final ITemplateEngine templates;

		Gate(ApplicationAvailability availability, MessageSource messages, ObjectMapper json, LocaleResolver locales,
				ITemplateEngine templates) {
			this.availability = availability;
			this.messages = messages;
			this.json = json;
			this.locales = locales;
			this.templates = templates;
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return path(request).startsWith("/actuator/") || path(request).equals("/actuator");
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
				chain.doFilter(request, response);
				return;
			}
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			if (wantsPage(request)) {
				Locale locale = locales.resolveLocale(request);
				Context model = new Context(locale,
						Map.of("lang", locale.toLanguageTag(), "retryAfter", RETRY_AFTER_SECONDS));
				response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
				response.setContentType(MediaType.TEXT_HTML_VALUE);
				response.setCharacterEncoding("UTF-8");
				response.getWriter().write(templates.process("error/starting", model));
				return;
			}
			SecurityConfig.writeProblem(request, response, HttpStatus.SERVICE_UNAVAILABLE, "problem.starting", messages, json);
		}

		/** A browser asking for a page; the API, the engine's REST API and scripts get a problem detail. */
		private static boolean wantsPage(HttpServletRequest request) {
			String path = path(request);
			if (path.startsWith("/api/") || path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/")) {
				return false;
			}
			String accept = request.getHeader(HttpHeaders.ACCEPT);
			return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
		}

		private static String path(HttpServletRequest request) {
			return request.getRequestURI().substring(request.getContextPath().length());
		}
	}
}
