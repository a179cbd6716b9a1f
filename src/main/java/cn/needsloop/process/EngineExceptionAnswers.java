package cn.needsloop.process;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import cn.needsloop.shared.ProblemException;

/**
 * The API's answer when an engine call fails ({@link ProblemAnswers}, that is {@code system.ApiExceptionHandler}):
 * engine calls wrap exceptions thrown by our listeners, so the problem inside is answered; the engine's
 * optimistic lock is a concurrent change (409); anything else is left to the next handler.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class EngineExceptionAnswers {

	private final ProblemAnswers answers;

	EngineExceptionAnswers(ProblemAnswers answers) {
		this.answers = answers;
	}

	@ExceptionHandler(ProcessEngineException.class)
	ResponseEntity<ProblemDetail> onEngine(ProcessEngineException ex) {
		ProblemException problem = ProblemException.find(ex);
		if (problem != null) {
			return answers.answer(problem);
		}
		if (ex instanceof OptimisticLockingException) {
			return answers.answer(ProblemException.conflict("problem.concurrentChange"));
		}
		throw ex;
	}
}
