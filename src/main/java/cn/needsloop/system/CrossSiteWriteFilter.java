package cn.needsloop.system;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a change to {@code /api} or {@code /engine-rest} that a browser sends from a page of another
 * site ({@code Origin} not this site, see {@link PublicUrl#isThisSite}): 403 with a problem. A browser
 * remembers HTTP Basic credentials once typed and sends them to the site on its own, so a form on another
 * site could otherwise post with them. Programs ({@code curl}, other servers) send no {@code Origin} and
 * are not affected; pages of this site send their own. The pages' session is guarded by the CSRF token
 * (see {@link SecurityConfig}).
 */
class CrossSiteWriteFilter extends OncePerRequestFilter {

	private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final PublicUrl publicUrl;

	private final MessageSource messages;

	private final ObjectMapper json;

	CrossSiteWriteFilter(PublicUrl publicUrl, MessageSource messages, ObjectMapper json) {
		this.publicUrl = publicUrl;
		this.messages = messages;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		if (origin == null || SAFE.contains(request.getMethod()) || publicUrl.isThisSite(origin, request)) {
			chain.doFilter(request, response);
			return;
		}
		Locale locale = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null ? Locale.ENGLISH : request.getLocale();
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.FORBIDDEN);
		problem.setType(URI.create(ApiExceptionHandler.TYPE_BASE + "forbidden"));
		problem.setTitle(messages.getMessage("problem.title.forbidden", null, locale));
		problem.setDetail(messages.getMessage("problem.crossSite",
				new Object[] { origin.length() > 100 ? origin.substring(0, 100) + "…" : origin }, locale));
		problem.setInstance(URI.create(request.getRequestURI()));
		problem.setProperty("code", "problem.crossSite");
		response.setStatus(HttpStatus.FORBIDDEN.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
	}
}
