package cn.needsloop.system;

import cn.needsloop.shared.ProblemException;
import cn.needsloop.shared.Actor;
import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.needsloop.process.EngineCall;
import cn.needsloop.process.EngineFailures;
import cn.needsloop.process.EngineIdentity;
import cn.needsloop.process.EngineRules;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * In front of the engine's REST API ({@code /engine-rest}) and Tasklist's ({@code /camunda/api/engine}):
 * <ul>
 * <li>A signed-in person who is not an administrator may change nothing there but take a task, give it back and
 * complete it (its form); everything else that writes (variables, candidates, assignees, starting instances,
 * messages, signals, jobs, external tasks, modification, deployments, decisions, new tasks, comments, attachments,
 * filters) is refused 403 before the engine sees it, and the engine's own rules ({@link EngineRules}) hold behind
 * this. Queries sent by POST, and a person's own profile and password, stay open.</li>
 * <li>Marks the request as an {@link EngineCall} and, when the engine refuses, answers in Camunda's error shape
 * ({@code type}, {@code message}) with the right status (400 bad input, 403 not allowed, 409 wrong state) and the
 * reason in the caller's language, as the API would say it; a failure of the server is a 500 with a plain sentence.
 * No answer shows the engine's text when it holds SQL, a stack trace or a class name.</li>
 * </ul>
 * Refusals are logged at WARN in one line (the engine's own REST logging of every exception with its stack trace is
 * off, application.yml); failures of the server at ERROR with the stack trace.
 */
class EngineRestGuard extends OncePerRequestFilter {

	private static final Logger LOG = LoggerFactory.getLogger(EngineRestGuard.class);

	private static final Pattern ENGINE_REST = Pattern.compile("^/engine-rest(?:/engine/[^/]+)?(/.*)?$");

	private static final Pattern TASKLIST_ENGINE = Pattern.compile("^/camunda/api/engine/engine/[^/]+(/.*)?$");

	/** Writes a person may send: working a task, and queries that POST their criteria. */
	private static final List<Pattern> PERSON_WRITES = List.of(
			Pattern.compile("^POST /task/[^/]+/(claim|unclaim|complete|submit-form)$"),
			Pattern.compile("^POST /(task|process-instance|execution|variable-instance|job|external-task|incident"
					+ "|process-definition|decision-definition)(/count)?$"),
			Pattern.compile("^POST /history/(task|process-instance|activity-instance|variable-instance|detail|decision-instance"
					+ "|incident|identity-link-log|job-log|external-task-log|user-operation)(/count)?$"),
			Pattern.compile("^POST /filter/[^/]+/(list|count|singleResult)$"));

	private static final Pattern OWN_USER = Pattern.compile("^PUT /user/([^/]+)/(profile|credentials)$");

	/** Calls that set a password: a person's own (Tasklist's profile page), or an administrator's for anyone (Admin). */
	private static final Pattern SETS_PASSWORD = Pattern.compile("^(?:PUT /user/([^/]+)/credentials|POST /user/create)$");

	/** What may not reach a reader: SQL, stack frames, qualified class names, exception names, message keys. */
	private static final Pattern LEAK = Pattern.compile(
			"(?i)(\\bselect\\b.*\\bfrom\\b|\\bupdate\\s+\\w+\\s+set\\b|\\binsert\\s+into\\b|\\bcolumn\\b|\\bsql|\\bat\\s+[a-z]+\\.[a-z]+\\.|"
					+ "\\b(org|java|javax|jakarta|cn)\\.[a-z]+\\.|[A-Za-z]+Exception\\b|\\bproblem\\.[a-z]+|ENGINE-\\d+)");

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final ObjectMapper json;

	private final EngineIdentity identity;

	EngineRestGuard(MessageSource messages, LocaleResolver locales, ObjectMapper json, EngineIdentity identity) {
		this.messages = messages;
		this.locales = locales;
		this.json = json;
		this.identity = identity;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return enginePath(request) == null;
	}

	/** The resource path after the engine's prefix ({@code /task/…}), or null outside the engine's APIs. */
	private static String enginePath(HttpServletRequest request) {
		// the decoded, normalised path the servlet routes by (no "..", no ";parameters"), not the raw URI
		String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
		Matcher rest = ENGINE_REST.matcher(path);
		if (rest.matches()) {
			return rest.group(1) == null ? "/" : rest.group(1);
		}
		Matcher tasklist = TASKLIST_ENGINE.matcher(path);
		if (tasklist.matches()) {
			return tasklist.group(1) == null ? "/" : tasklist.group(1);
		}
		return null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Locale locale = RequestBodyLimitFilter.localeOf(request, locales);
		String path = enginePath(request);
		Actor actor = actor(request);
		String method = request.getMethod();
		if (actor != null && !actor.isAdmin() && !isRead(method) && !personMay(method + " " + path, actor)) {
			LOG.warn("Refused {} {} for {}: not a step of a task", method, request.getRequestURI(), actor.userId());
			write(response, HttpStatus.FORBIDDEN, text("problem.engine.onlyThroughApp", locale));
			return;
		}
		if (SETS_PASSWORD.matcher(method + " " + path).matches()) {
			byte[] body = request.getInputStream().readAllBytes();
			List<String> weaknesses = weakPassword(method + " " + path, body);
			if (!weaknesses.isEmpty()) {
				LOG.warn("Refused {} {} for {}: the new password is weak ({})", method, request.getRequestURI(),
						actor == null ? "?" : actor.userId(), String.join("; ", weaknesses));
				write(response, HttpStatus.BAD_REQUEST, messages.getMessage("problem.password.weak",
						new Object[] { String.valueOf(PasswordPolicy.MIN_LENGTH) }, locale));
				return;
			}
			request = new KeptBody(request, body);
		}
		// only a failed answer is held in memory (to be rewritten); the others stream as the engine writes them
		ErrorOnlyBuffer wrapper = new ErrorOnlyBuffer(response, EngineRestGuard::rewritten);
		EngineCall call = EngineCall.begin(locale);
		try {
			chain.doFilter(request, wrapper);
		}
		finally {
			EngineCall.end();
		}
		wrapper.finish();
		if (wrapper.failed()) {
			answer(request, response, wrapper.heldBody(), wrapper.getStatus(), call.failure(), locale);
			wrapper.discard();
		}
	}

	/** The answers the guard rewrites: failures, except those whose own answer is already fit to read. */
	private static boolean rewritten(int status) {
		return status >= 400 && status != 401 && status != 413 && status != 429;
	}

	/**
	 * Why the password a call sets is too weak for {@link PasswordPolicy} (the same rules as the first administrator's);
	 * empty when it is strong enough or the call sets none (the engine then answers as it does).
	 */
	private List<String> weakPassword(String call, byte[] body) {
		JsonNode node;
		try {
			node = json.readTree(body);
		}
		catch (IOException ex) {
			return List.of();
		}
		if (node == null || !node.isObject()) {
			return List.of();
		}
		Matcher credentials = SETS_PASSWORD.matcher(call);
		credentials.matches();
		String userId;
		JsonNode password;
		if (credentials.group(1) != null) {
			userId = credentials.group(1);
			password = node.get("password");
		}
		else {
			userId = node.path("profile").path("id").asText(null);
			password = node.path("credentials").get("password");
		}
		if (password == null || password.isNull()) {
			return List.of();
		}
		return PasswordPolicy.weaknesses(userId, password.asText());
	}


	private static boolean isRead(String method) {
		return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
	}

	private static boolean personMay(String call, Actor actor) {
		if (PERSON_WRITES.stream().anyMatch(p -> p.matcher(call).matches())) {
			return true;
		}
		Matcher own = OWN_USER.matcher(call);
		return own.matches() && own.group(1).equals(actor.userId());
	}

	/** The signed-in person: HTTP Basic on /engine-rest (set on the engine by its filter), the session for Tasklist. */
	private Actor actor(HttpServletRequest request) {
		Optional<Actor> engine = identity.current();
		if (engine.isPresent()) {
			return engine.get();
		}
		org.springframework.security.core.Authentication session = SecurityContextHolder.getContext().getAuthentication();
		if (session != null && session.isAuthenticated()
				&& !(session instanceof org.springframework.security.authentication.AnonymousAuthenticationToken)) {
			return new Actor(session.getName(), session.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
		}
		return null;
	}

	/** Rewrites an error answer: the engine's refusal with its reason, else the engine's own text if it is fit to show. */
	private void answer(HttpServletRequest request, HttpServletResponse response, byte[] engineAnswer, int status,
			Throwable failure, Locale locale) throws IOException {
		ProblemException problem = ProblemException.find(failure);
		HttpStatus answer;
		String message;
		if (problem != null) {
			answer = problem.status();
			message = text(problem, locale);
		}
		else if (EngineFailures.claimedByOther(failure)) {
			answer = HttpStatus.CONFLICT;
			message = text("problem.task.claimedByOther", locale);
		}
		else if (EngineFailures.refusedByAuthorization(failure) || status == 403) {
			answer = HttpStatus.FORBIDDEN;
			message = text("problem.engine.forbidden", locale);
		}
		else if (has(failure, SQLException.class)) {
			answer = HttpStatus.BAD_REQUEST;
			message = text("problem.engine.notStored", locale);
		}
		else if (status >= 500) {
			answer = HttpStatus.valueOf(status);
			message = text("problem.engine.failed", locale);
		}
		else {
			String original = originalMessage(engineAnswer);
			if (original != null && !LEAK.matcher(original).find()) {
				answer = HttpStatus.valueOf(status);
				message = original;
			}
			else {
				answer = HttpStatus.valueOf(status);
				message = text(status == 404 ? "problem.engine.notFound" : "problem.engine.badRequest", locale);
			}
		}
		if (answer.is5xxServerError()) {
			LOG.error("{} {} failed", request.getMethod(), request.getRequestURI(), failure);
		}
		else if (problem == null) {
			LOG.warn("Refused {} {}: {} {}", request.getMethod(), request.getRequestURI(), answer.value(),
					failure == null ? "" : failure.getClass().getSimpleName());
		}
		response.resetBuffer();
		write(response, answer, message);
	}

	private String originalMessage(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			JsonNode node = json.readTree(body);
			return node.hasNonNull("message") ? node.path("message").asText() : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static boolean has(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (type.isInstance(t)) {
				return true;
			}
		}
		return false;
	}

	private void write(HttpServletResponse response, HttpStatus status, String message) throws IOException {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("type", kind(status));
		error.put("message", message);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		// the engine may have set its own answer's length before its status: this answer states its own
		byte[] body = json.writeValueAsBytes(error);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private static String kind(HttpStatus status) {
		return status == HttpStatus.BAD_REQUEST ? "invalid" : status.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** A problem as one sentence: its fields each with their reason ("评价意见：最多 1000 个字。"), or its message. */
	private String text(ProblemException problem, Locale locale) {
		if (problem.fieldProblems().isEmpty()) {
			return messages.getMessage(problem.messageKey(), plain(problem.args()), problem.messageKey(), locale);
		}
		StringBuilder text = new StringBuilder();
		for (ProblemException.FieldProblem field : problem.fieldProblems()) {
			String reason = messages.getMessage(field.messageKey(), plain(field.args()), field.messageKey(), locale);
			if (!text.isEmpty()) {
				text.append(' ');
			}
			text.append(messages.getMessage("form.fieldError",
					new Object[] { field.field(), reason.strip().replaceAll("[。.!！]+$", "") }, locale));
		}
		return text.toString();
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private static Object[] plain(Object[] args) {
		return args == null ? null : java.util.Arrays.stream(args).map(a -> a instanceof Number ? a.toString() : a).toArray();
	}
}
