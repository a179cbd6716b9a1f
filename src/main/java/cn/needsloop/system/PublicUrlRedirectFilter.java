package cn.needsloop.system;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Every redirect of the app, whoever sends it (our pages, Spring Security's sign-in and sign-out,
 * Camunda's webapps), goes to this site as {@link PublicUrl} says: the first filter of every request
 * rewrites {@code Location} before it leaves. Spring Security, for one, builds the sign-in page's
 * address from the {@code Host} header.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PublicUrlRedirectFilter extends OncePerRequestFilter {

	private final PublicUrl publicUrl;

	PublicUrlRedirectFilter(PublicUrl publicUrl) {
		this.publicUrl = publicUrl;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, new HttpServletResponseWrapper(response) {

			@Override
			public void sendRedirect(String location) throws IOException {
				super.sendRedirect(publicUrl.redirect(location, request));
			}

			@Override
			public void setHeader(String name, String value) {
				super.setHeader(name, isLocation(name, value) ? publicUrl.redirect(value, request) : value);
			}

			@Override
			public void addHeader(String name, String value) {
				super.addHeader(name, isLocation(name, value) ? publicUrl.redirect(value, request) : value);
			}
		});
	}

	private static boolean isLocation(String name, String value) {
		return value != null && HttpHeaders.LOCATION.equalsIgnoreCase(name);
	}
}
