package cn.needsloop.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.needsloop.process.EngineIdentity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * HTTP Basic for the engine's REST API ({@code /engine-rest}), in place of Camunda's
 * {@code ProcessEngineAuthenticationFilter} with its {@code HttpBasicAuthenticationProvider}: the same
 * sign-in (the addressed engine's identity service, so Camunda authorizations apply to the user, their
 * groups and tenants), but a sign-in refused by our limits ({@link SignInThrottle}) is answered 429 with
 * {@code Retry-After} and a problem that says how long the pause lasts, where Camunda's filter could only
 * say 401. Like Camunda's filter, the list of engines ({@code /engine-rest/engine}) needs no sign-in.
 */
class EngineRestAuthenticationFilter extends OncePerRequestFilter {

	private static final Pattern ENGINE_LIST = Pattern.compile("^/engine/?$");

	private static final Pattern NAMED_ENGINE = Pattern.compile("^/engine/([^/]*)(/|$)");

	private static final String BASIC = "Basic ";

	private final SignInThrottle throttle;

	private final MessageSource messages;

	private final ObjectMapper json;

	EngineRestAuthenticationFilter(SignInThrottle throttle, MessageSource messages, ObjectMapper json) {
		this.throttle = throttle;
		this.messages = messages;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length() + request.getServletPath().length());
		if (ENGINE_LIST.matcher(path).matches()) {
			chain.doFilter(request, response);
			return;
		}
		Matcher named = NAMED_ENGINE.matcher(path);
		String engineName = named.find() ? named.group(1) : "default";
		EngineIdentity identity = EngineIdentity.named(engineName).orElse(null);
		if (identity == null) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			json.writeValue(response.getOutputStream(), Map.of("type", "InvalidRequestException", "message",
					"Process engine " + engineName + " not available"));
			return;
		}
		String[] credentials = credentials(request);
		boolean right = credentials != null && identity.checkPassword(credentials[0], credentials[1]);
		throttle.settle();
		if (!right) {
			Optional<Duration> pause = credentials == null ? Optional.empty()
					: throttle.pause(credentials[0], SignInThrottle.currentClient());
			if (pause.isPresent()) {
				SignInPauseProblem.write(request, response, new SignInPausedException(pause.get()), messages, json);
			}
			else {
				response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, BASIC + "realm=\"" + identity.engineName() + "\"");
			}
			return;
		}
		String userId = credentials[0];
		List<String> groups = identity.groupsOf(userId);
		List<String> tenants = identity.tenantsOf(userId);
		identity.signIn(userId, groups, tenants);
		try {
			chain.doFilter(request, response);
		}
		finally {
			identity.signOut();
		}
	}

	/** User and password of an HTTP Basic header, or null. */
	private static String[] credentials(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
			return null;
		}
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).strip()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		int colon = decoded.indexOf(':');
		return colon < 0 ? null : new String[] { decoded.substring(0, colon), decoded.substring(colon + 1) };
	}
}
