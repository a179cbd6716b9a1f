package cn.needsloop.system;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How large a request body may be, per endpoint, before anything reads it: 1 MB by default (JSON and forms; the
 * longest text a form or the API takes is a few thousand characters), 4 MB for a revised admission list sent as
 * JSON, 3 MB for one uploaded on its page, 10 MB for a deployment an administrator uploads to
 * {@code /engine-rest}, {@code needsloop.households.import-max-size} for a household register sheet (the import
 * checks the same limit, {@code HouseholdImportJobs}). A larger body is answered 413 at once when it says its length, and as soon as it
 * passes the limit otherwise (the reader fails with {@link TooLargeException}, which the API answers 413 too).
 * The JSON API answers with a problem, {@code /engine-rest} and Camunda's webapps in Camunda's own error
 * format, pages with the error page. Tomcat's own limits ({@link InputConfig}: form posts, multipart uploads,
 * how much of a refused body it still reads) stay in line with these.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class RequestBodyLimitFilter extends OncePerRequestFilter {

	/** The limit of any body not named below. */
	public static final long DEFAULT_LIMIT = 1024 * 1024;

	/** A revised admission list as JSON ({@code dmnXml}: at most a million characters, up to three bytes each). */
	public static final long ADMISSION_LIST_JSON_LIMIT = 4 * 1024 * 1024;

	/** A revised admission list uploaded on its page (the file at most 2 MB, {@link InputConfig}). */
	public static final long ADMISSION_LIST_UPLOAD_LIMIT = 3 * 1024 * 1024;

	/** A deployment (BPMN, DMN, forms) an administrator uploads through the engine's REST API. */
	public static final long DEPLOYMENT_LIMIT = 10 * 1024 * 1024;

	/**
	 * Photos and documents uploaded to a need or a project (API and pages) or with a report (its page): several files of at most
	 * {@code needsloop.evidence.max-size} (10 MB) each, which the evidence module checks one by one.
	 */
	public static final long EVIDENCE_UPLOAD_LIMIT = 32 * 1024 * 1024;

	private static final java.util.regex.Pattern EVIDENCE_UPLOAD = java.util.regex.Pattern
		.compile("(/api)?/(needs|projects)/[0-9]+/evidence|/resident/report");
	/** What a multipart form adds to the file it carries (the register's page): its boundaries and the other fields. */
	static final long FORM_ALLOWANCE = 64 * 1024;

	private static final Map<String, Long> LIMITS = Map.of("/api/work-items/admission-list", ADMISSION_LIST_JSON_LIMIT,
			"/admission-list", ADMISSION_LIST_UPLOAD_LIMIT, "/engine-rest/deployment/create", DEPLOYMENT_LIMIT);

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final ObjectMapper json;

	/**
	 * A household register sheet (.xlsx) a steward imports, through the API (the sheet is the body) or on the page (a
	 * form carrying it): {@code needsloop.households.import-max-size}.
	 */
	private final long householdImportLimit;

	RequestBodyLimitFilter(MessageSource messages, LocaleResolver locales, ObjectMapper json,
			@Value("${needsloop.households.import-max-size}") DataSize householdImportLimit) {
		this.messages = messages;
		this.locales = locales;
		this.json = json;
		this.householdImportLimit = householdImportLimit.toBytes();
	}

	/** The body limit of a request, in bytes, and what the refusal says. */
	Limit limitOf(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Long limit = LIMITS.get(path);
		if (limit != null) {
			return new Limit(limit);
		}
		String type = request.getContentType();
		if (path.endsWith("/households/import")) {
			boolean form = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
			return new Limit(householdImportLimit + (form ? FORM_ALLOWANCE : 0), "problem.household.tooLarge",
					householdImportLimit);
		}
		if (EVIDENCE_UPLOAD.matcher(path).matches()) {
			return new Limit(EVIDENCE_UPLOAD_LIMIT);
		}
		if (path.startsWith("/engine-rest/") && type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
			return new Limit(DEPLOYMENT_LIMIT);
		}
		return new Limit(DEFAULT_LIMIT);
	}

	/**
	 * A body limit in bytes; the message key of its refusal, given {@code shown} as people read it ("8 MB"): the
	 * request body's in general, or the file's where the body carries one file.
	 */
	record Limit(long bytes, String messageKey, long shown) {

		Limit(long bytes) {
			this(bytes, "problem.body.tooLarge", bytes);
		}

		Object[] args() {
			return new Object[] { megabytes(shown) };
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Limit limit = limitOf(request);
		long length = request.getContentLengthLong();
		if (length > limit.bytes()) {
			refuse(request, response, limit);
			return;
		}
		chain.doFilter(length >= 0 ? request : new LimitedRequest(request, limit), response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, Limit limit) throws IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Locale locale = localeOf(request, locales);
		String detail = messages.getMessage(limit.messageKey(), limit.args(), locale);
		if (path.startsWith("/api/")) {
			writeProblem(request, response, detail, locale);
		}
		else if (path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/")) {
			EngineRestInputFilter.writeCamundaError(response, HttpStatus.PAYLOAD_TOO_LARGE, detail, json);
		}
		else {
			response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
		}
	}

	private void writeProblem(HttpServletRequest request, HttpServletResponse response, String detail, Locale locale)
			throws IOException {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.PAYLOAD_TOO_LARGE);
		problem.setType(URI.create(ApiExceptionHandler.TYPE_BASE + "payload-too-large"));
		problem.setTitle(messages.getMessage("problem.title.payload-too-large", null, locale));
		problem.setDetail(detail);
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
	}

	/**
	 * The language of an answer written before Spring MVC: for the JSON API and {@code /engine-rest} English
	 * unless the caller asks for another ({@code Accept-Language}), as the API answers; elsewhere the page's.
	 */
	static Locale localeOf(HttpServletRequest request, LocaleResolver locales) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/") || path.startsWith("/engine-rest/")) {
			return request.getHeader("Accept-Language") == null ? Locale.ENGLISH
					: request.getLocale().getLanguage().equals(Locale.CHINESE.getLanguage()) ? Locale.SIMPLIFIED_CHINESE
							: Locale.ENGLISH;
		}
		return locales.resolveLocale(request);
	}

	/** A limit as people read it: "1 MB", "4 MB". */
	static String megabytes(long limit) {
		return limit % (1024 * 1024) == 0 ? limit / (1024 * 1024) + " MB" : limit / 1024 + " KB";
	}

	/** A body read past its limit (one that did not say its length). */
	public static class TooLargeException extends IOException {

		private final transient Limit limit;

		TooLargeException(Limit limit) {
			super("The request body is larger than " + megabytes(limit.bytes()));
			this.limit = limit;
		}

		/** The message key of the refusal. */
		public String messageKey() {
			return limit.messageKey();
		}

		/** Its arguments (the limit as people read it). */
		public Object[] args() {
			return limit.args();
		}
	}

	/** A request whose body fails once more than {@code limit} bytes are read. */
	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final Limit limit;

		private ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, Limit limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new LimitedStream(super.getInputStream(), limit);
			}
			return stream;
		}
	}

	private static final class LimitedStream extends ServletInputStream {

		private final ServletInputStream in;

		private final Limit limit;

		private long read;

		LimitedStream(ServletInputStream in, Limit limit) {
			this.in = in;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws TooLargeException {
			read += n;
			if (read > limit.bytes()) {
				throw new TooLargeException(limit);
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}
	}
}
