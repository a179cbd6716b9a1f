package cn.needsloop.system;

import cn.needsloop.process.Accounts;
import cn.needsloop.shared.Actor;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What the servlet container shows for an error that no controller answered: a page refused by the
 * security rules (403), an address with nothing behind it (404), anything else. People get a page in
 * the app's layout and language that says who they are signed in as and leads back to their start
 * page. The JSON API ({@code /api}), the engine's REST API ({@code /engine-rest}) and any caller that
 * does not ask for HTML get an RFC 9457 problem ({@code application/problem+json}) instead, like the
 * API's own errors. Replaces Spring Boot's whitelabel error page.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorPageController implements ErrorController {

	private final MessageSource messages;

	private final ObjectMapper json;

	private final Accounts accounts;

	ErrorPageController(MessageSource messages, ObjectMapper json, Accounts accounts) {
		this.messages = messages;
		this.json = json;
		this.accounts = accounts;
	}

	@RequestMapping
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		HttpStatus status = status(request);
		String path = originalPath(request);
		response.setStatus(status.value());
		if (isMachineApi(path, request) || !acceptsHtml(request)) {
			writeProblem(request, response, status, path);
			return null;
		}
		ModelAndView page = new ModelAndView("error/page", status);
		page.addObject("status", status.value());
		page.addObject("kind", kind(status, request));
		page.addObject("path", path);
		Actor me = signedIn();
		if (me != null) {
			page.addObject("displayName", displayName(accounts, me.userId()));
		}
		return page;
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
		return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
	}

	private static String originalPath(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return uri instanceof String value ? value : request.getRequestURI();
	}

	private static boolean isMachineApi(String path, HttpServletRequest request) {
		String context = request.getContextPath();
		return path.startsWith(context + "/api/") || path.equals(context + "/api")
				|| path.startsWith(context + "/engine-rest/") || path.equals(context + "/engine-rest");
	}

	private static boolean acceptsHtml(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		if (accept == null || accept.isBlank()) {
			return false;
		}
		try {
			return MediaType.parseMediaTypes(accept).stream()
				.anyMatch(type -> type.getQualityValue() > 0 && !type.isWildcardType()
						&& type.isCompatibleWith(MediaType.TEXT_HTML));
		}
		catch (org.springframework.util.InvalidMimeTypeException | org.springframework.http.InvalidMediaTypeException ex) {
			return false;
		}
	}

	private static String kind(HttpStatus status, HttpServletRequest request) {
		return switch (status) {
			case FORBIDDEN -> request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException ? "expired"
					: "forbidden";
			case NOT_FOUND -> "notFound";
			default -> "other";
		};
	}

	private static Actor signedIn() {
		org.springframework.security.core.Authentication authentication = org.springframework.security.core.context.SecurityContextHolder
			.getContext()
			.getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof org.springframework.security.authentication.AnonymousAuthenticationToken) {
			return null;
		}
		return CurrentActor.get();
	}

	/** The person's name for the error page's menu; the account id if it cannot be read (the page must not fail). */
	static String displayName(Accounts accounts, String userId) {
		try {
			return accounts.nameOf(userId);
		}
		catch (RuntimeException ex) {
			return userId;
		}
	}

	/** The same problem shape as the API's own errors, in the caller's language (English unless asked). */
	private void writeProblem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String path)
			throws IOException {
		Locale locale = isMachineApi(path, request)
				? (request.getHeader("Accept-Language") == null ? Locale.ENGLISH : request.getLocale())
				: LocaleContextHolder.getLocale();
		String kind = status.name().toLowerCase(Locale.ROOT).replace('_', '-');
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create(ApiExceptionHandler.TYPE_BASE + kind));
		problem.setTitle(messages.getMessage("problem.title." + kind, null, status.getReasonPhrase(), locale));
		if (status == HttpStatus.NOT_FOUND) {
			problem.setDetail(messages.getMessage("problem.notFound.page", new Object[] { path }, locale));
		}
		else if (status == HttpStatus.FORBIDDEN) {
			problem.setDetail(messages.getMessage("problem.forbidden", null, locale));
		}
		try {
			problem.setInstance(URI.create(path));
		}
		catch (IllegalArgumentException ex) {
			// not a valid URI reference: leave the instance out
		}
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
	}
}
