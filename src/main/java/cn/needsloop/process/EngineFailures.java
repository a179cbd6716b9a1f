package cn.needsloop.process;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;

/**
 * What an exception the engine threw means, for the doors that answer it ({@code system.ApiExceptionHandler},
 * {@code system.EngineRestGuard}) without naming the engine's exception types.
 */
public final class EngineFailures {

	private EngineFailures() {
	}

	/** Whether the engine threw it (or wrapped an exception of one of our listeners in it). */
	public static boolean isEngineFailure(Throwable failure) {
		return failure instanceof ProcessEngineException;
	}

	/** Whether it is the engine's optimistic lock: someone changed the same thing at the same time. */
	public static boolean isOptimisticLock(Throwable failure) {
		return failure instanceof OptimisticLockingException;
	}

	/** Whether, in its chain of causes, the task was claimed by someone else. */
	public static boolean claimedByOther(Throwable failure) {
		return has(failure, TaskAlreadyClaimedException.class);
	}

	/** Whether, in its chain of causes, the engine's authorizations refused. */
	public static boolean refusedByAuthorization(Throwable failure) {
		return has(failure, AuthorizationException.class);
	}

	private static boolean has(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (type.isInstance(t)) {
				return true;
			}
		}
		return false;
	}
}
