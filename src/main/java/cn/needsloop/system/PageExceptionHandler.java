package cn.needsloop.system;

import cn.needsloop.process.Accounts;
import cn.needsloop.shared.ProblemException;
import cn.needsloop.shared.Actor;
import java.io.IOException;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.support.RequestContextUtils;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A refused step on a page (not at this step, not yours, someone else was faster) goes back to the
 * page it came from with the reason as a message; a page one may not see shows the reason. What a
 * page's script asks for (a diagram, a job's progress) is refused as the API refuses: an RFC 9457 problem.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

	private final MessageSource messages;

	private final ApiExceptionHandler api;

	private final ObjectMapper json;

	private final PublicUrl publicUrl;

	private final PageModel pageModel;

	private final Accounts accounts;

	PageExceptionHandler(MessageSource messages, ApiExceptionHandler api, ObjectMapper json, PublicUrl publicUrl,
			PageModel pageModel, Accounts accounts) {
		this.pageModel = pageModel;
		this.accounts = accounts;
		this.messages = messages;
		this.api = api;
		this.json = json;
		this.publicUrl = publicUrl;
	}

	@ExceptionHandler(ProblemException.class)
	String problem(ProblemException ex, HandlerMethod handler, HttpServletRequest request, HttpServletResponse response,
			Model model) throws IOException {
		if (answersData(handler)) {
			// the response is written here: with the response among the arguments, returning null renders nothing
			response.setStatus(ex.status().value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			json.writeValue(response.getOutputStream(), api.problemOf(ex));
			return null;
		}
		String text = text(ex);
		String back = sameSitePath(request.getHeader("Referer"), request, publicUrl);
		if ("POST".equals(request.getMethod()) && back != null) {
			RequestContextUtils.getOutputFlashMap(request).put("error", text);
			return "redirect:" + back;
		}
		// the same page in the app's layout as the container's errors (menu, who is signed in, the way back); the
		// model of an exception handler is a fresh one, without what every page knows
		response.setStatus(ex.status().value());
		model.addAttribute("problem", text);
		model.addAttribute("status", ex.status().value());
		model.addAttribute("kind", switch (ex.status()) {
			case NOT_FOUND -> "notFound";
			case FORBIDDEN -> "forbidden";
			default -> "refused";
		});
		model.addAttribute("path", request.getRequestURI());
		Actor me = pageModel.me();
		model.addAttribute("me", me);
		model.addAttribute("demoAccounts", pageModel.demoAccounts());
		if (me != null) {
			model.addAttribute("displayName", ErrorPageController.displayName(accounts, me.userId()));
		}
		return "error/page";
	}

	/** A handler that answers data for a page's script ({@code @ResponseBody}), not a page. */
	private static boolean answersData(HandlerMethod handler) {
		return handler != null && (handler.hasMethodAnnotation(ResponseBody.class)
				|| AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class));
	}

	/** The page a form came from, as a path on this site; never a redirect to another site. */
	static String sameSitePath(String referer, HttpServletRequest request, PublicUrl publicUrl) {
		if (referer == null) {
			return null;
		}
		try {
			java.net.URI uri = java.net.URI.create(referer);
			if (uri.getHost() != null && !publicUrl.isThisHost(uri.getHost(), request)) {
				return null;
			}
			String path = uri.getRawPath();
			if (path == null || !path.startsWith("/") || path.startsWith("//")) {
				return null;
			}
			String context = request.getContextPath();
			if (!context.isEmpty() && path.startsWith(context)) {
				path = path.substring(context.length());
			}
			return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	String text(ProblemException ex) {
		String text = messages.getMessage(ex.messageKey(), plain(ex.args()), ex.messageKey(), LocaleContextHolder.getLocale());
		if (!ex.fieldProblems().isEmpty()) {
			text = ex.fieldProblems().stream()
				.map(p -> messages.getMessage(p.messageKey(), plain(p.args()), p.messageKey(), LocaleContextHolder.getLocale()))
				.collect(Collectors.joining(" "));
		}
		return text;
	}

	/** Numbers as they are written (ids: 987654321, not 987,654,321), as the API writes them. */
	private static Object[] plain(Object[] args) {
		return args == null ? null
				: java.util.Arrays.stream(args).map(a -> a instanceof Number ? a.toString() : a).toArray();
	}
}
