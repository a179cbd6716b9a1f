package cn.needsloop.system;

import cn.needsloop.shared.ProblemException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

import cn.needsloop.system.IdempotencyKeys.Claim;
import cn.needsloop.system.IdempotencyKeys.InFlight;
import cn.needsloop.system.IdempotencyKeys.Lost;
import cn.needsloop.system.IdempotencyKeys.Mismatch;
import cn.needsloop.system.IdempotencyKeys.Outcome;
import cn.needsloop.system.IdempotencyKeys.Proceed;
import cn.needsloop.system.IdempotencyKeys.Replay;
import cn.needsloop.system.IdempotencyKeys.StoredResponse;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The {@code Idempotency-Key} header of the API, once for every {@link Idempotent} operation: a filter keeps
 * the body of a POST that carries the header (to compare it) and its answer (to keep it); an interceptor
 * claims the key before the controller runs, answers a repeated request as the first time, and keeps the
 * answer afterwards. The OpenAPI document lists the header on those operations. Keys older than the retention
 * are removed every hour ({@link IdempotencyKeys#removeExpired()}).
 * <p>
 * Answers kept: 2xx, and 4xx refusals that stay true (403, 404, 422). Not kept, so that the key may be sent
 * again: 400 (bad input, to be corrected), 409 (timing: another step was faster, a concurrent change), 5xx.
 */
@Configuration
@EnableScheduling
class IdempotencyWeb implements WebMvcConfigurer {

	/** On a replayed answer. */
	static final String REPLAYED = "Idempotent-Replayed";

	private static final String CLAIM = IdempotencyWeb.class.getName() + ".claim";

	private final IdempotencyKeys keys;

	IdempotencyWeb(IdempotencyKeys keys) {
		this.keys = keys;
	}

	/** After Spring Security (a request without credentials is not read), before the dispatcher servlet. */
	@Bean
	FilterRegistrationBean<KeepBodies> idempotencyBodies() {
		FilterRegistrationBean<KeepBodies> registration = new FilterRegistrationBean<>(new KeepBodies());
		registration.addUrlPatterns("/api/*");
		registration.setName("idempotency-bodies");
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
		return registration;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new Keys()).addPathPatterns("/api/**");
	}

	/** The header on every {@link Idempotent} operation of the OpenAPI document, with the answers it adds. */
	@Bean
	OperationCustomizer idempotencyKeyHeader() {
		return (operation, handler) -> {
			if (!handler.hasMethodAnnotation(Idempotent.class)) {
				return operation;
			}
			operation.addParametersItem(new HeaderParameter().name(IdempotencyKeys.HEADER)
				.required(false)
				.description("幂等键：同一用户 24 小时内以相同的键和相同的请求体重发，返回首次的应答，不再新建；"
						+ "键相同而请求体不同返回 422；首次请求仍在处理时等待其完成（至多 10 秒），否则返回 409。"
						+ " Idempotency key: the same key and body from the same user within 24 h get the first answer "
						+ "(same status, body and Location, header Idempotent-Replayed: true) and create nothing; "
						+ "the same key with another body is a 422; while the first request still runs, the second "
						+ "waits for it (up to 10 s), then 409. Answers kept: 2xx, 403, 404, 422; not kept: 400, 409, 5xx.")
				.schema(new StringSchema().pattern(IdempotencyKeys.KEY_PATTERN).maxLength(64).example(
						"3f0c2b0e-7d7a-4f43-9a55-1e6f3b8f2f10")));
			ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
			responses.addApiResponse("422", new ApiResponse().description(
					"幂等键已用于另一个请求 The Idempotency-Key was used for another request"));
			responses.putIfAbsent("409", new ApiResponse().description(
					"使用该幂等键的请求仍在处理 A request with this Idempotency-Key is still running"));
			operation.setResponses(responses);
			return operation;
		};
	}

	/** Claims the key before an {@link Idempotent} operation runs and keeps its answer afterwards. */
	private final class Keys implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
				throws IOException {
			String key = request.getHeader(IdempotencyKeys.HEADER);
			if (key == null || !(handler instanceof HandlerMethod method) || !method.hasMethodAnnotation(Idempotent.class)) {
				return true;
			}
			KeptBody body = WebUtils.getNativeRequest(request, KeptBody.class);
			if (!IdempotencyKeys.isValid(key) || body == null) {
				throw ProblemException.badField(IdempotencyKeys.HEADER, "problem.idempotency.badKey");
			}
			String operation = request.getMethod() + " " + request.getRequestURI()
					+ (request.getQueryString() == null ? "" : "?" + request.getQueryString());
			Outcome outcome = keys.begin(CurrentActor.get().userId(), key,
					IdempotencyKeys.fingerprintOfJson(operation, body.bytes()));
			if (outcome instanceof Proceed proceed) {
				request.setAttribute(CLAIM, proceed.claim());
				keys.bind(proceed.claim());
				return true;
			}
			if (outcome instanceof Replay replay) {
				replay(replay.response(), response);
				return false;
			}
			if (outcome instanceof Mismatch) {
				throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "problem.idempotency.mismatch");
			}
			if (outcome instanceof Lost) {
				throw ProblemException.conflict("problem.idempotency.lost");
			}
			if (outcome instanceof InFlight) {
				response.setHeader("Retry-After", "1");
			}
			throw ProblemException.conflict("problem.idempotency.inFlight");
		}

		@Override
		public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
				Exception ex) {
			if (!(request.getAttribute(CLAIM) instanceof Claim claim)) {
				return;
			}
			keys.unbind();
			request.removeAttribute(CLAIM);
			ContentCachingResponseWrapper kept = WebUtils.getNativeResponse(response, ContentCachingResponseWrapper.class);
			if (ex == null && kept != null && IdempotencyKeys.isKept(response.getStatus())) {
				keys.finish(claim, new StoredResponse(response.getStatus(), response.getHeader("Location"),
						response.getContentType(), new String(kept.getContentAsByteArray(), StandardCharsets.UTF_8)));
			}
			else {
				keys.release(claim);
			}
		}

		private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
			response.setStatus(stored.status());
			response.setHeader(REPLAYED, "true");
			if (stored.location() != null) {
				response.setHeader("Location", stored.location());
			}
			if (stored.contentType() != null) {
				response.setContentType(stored.contentType());
			}
			if (stored.body() != null && !stored.body().isEmpty()) {
				byte[] bytes = stored.body().getBytes(StandardCharsets.UTF_8);
				response.setContentLength(bytes.length);
				response.getOutputStream().write(bytes);
			}
		}
	}

	/** Keeps the body and the answer of a POST to the API that carries an {@code Idempotency-Key}. */
	static final class KeepBodies extends OncePerRequestFilter {

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !"POST".equals(request.getMethod()) || request.getHeader(IdempotencyKeys.HEADER) == null;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
			try {
				chain.doFilter(new KeptBody(request), answer);
			}
			finally {
				IdempotencyKeys.unbindThread(); // never left to the next request on this thread
				answer.copyBodyToResponse();
			}
		}
	}
}
