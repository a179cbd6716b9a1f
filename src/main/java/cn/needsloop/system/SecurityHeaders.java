package cn.needsloop.system;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The security headers of our answers, besides Spring Security's defaults (no sniffing, no caching of
 * signed-in pages, frames from this site only).
 * <ul>
 * <li>Content-Security-Policy. Our pages load scripts, styles, images and data from this site only, with
 * no inline script or style and no {@code eval}: every script is a file under {@code /js} or
 * {@code /vendor}, and takes its texts and figures from {@code data-*} attributes. Camunda's webapps
 * ({@code /camunda/**}) are left to Camunda's own policy, which allows the inline scripts and styles
 * they need; Swagger UI ({@code /swagger-ui/**}) may add inline styles. The JSON APIs may load nothing at
 * all.</li>
 * <li>Referrer-Policy {@code same-origin}: addresses of cases never leave for another site.</li>
 * <li>Strict-Transport-Security, on answers over TLS only: on a request a trusted proxy says came in
 * by HTTPS ({@code X-Forwarded-Proto}), or by TLS to the app itself.</li>
 * </ul>
 */
final class SecurityHeaders {

	static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'self'";

	/** Swagger UI adds a style element of its own; it shows the API's documentation, nothing people wrote. */
	static final String SWAGGER_POLICY = PAGE_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

	static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

	private static final long ONE_YEAR = 31_536_000L;

	private SecurityHeaders() {
	}

	/** Our pages and Camunda's webapps (which keep their own content policy). */
	static Customizer<HeadersConfigurer<HttpSecurity>> pages() {
		RequestMatcher camunda = PathPatternRequestMatcher.withDefaults().matcher("/camunda/**");
		RequestMatcher swagger = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");
		return headers -> common(headers)
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
					new NegatedRequestMatcher(new OrRequestMatcher(camunda, swagger)),
					new ContentSecurityPolicyHeaderWriter(PAGE_POLICY)))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(swagger,
					new ContentSecurityPolicyHeaderWriter(SWAGGER_POLICY)));
	}

	/** {@code /api} and {@code /engine-rest}: JSON that no browser should run or frame. */
	static Customizer<HeadersConfigurer<HttpSecurity>> api() {
		return headers -> common(headers).contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY));
	}

	private static HeadersConfigurer<HttpSecurity> common(HeadersConfigurer<HttpSecurity> headers) {
		return headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(ONE_YEAR).includeSubDomains(false));
	}
}
