package cn.needsloop.process;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import cn.needsloop.shared.ProblemException;

/**
 * How the API answers a problem (RFC 9457, in the caller's language): declared here for
 * {@link EngineExceptionAnswers}, answered by {@code system.ApiExceptionHandler}.
 */
public interface ProblemAnswers {

	ResponseEntity<ProblemDetail> answer(ProblemException problem);
}
