package cn.needsloop.process;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What a feature does when one of its user tasks is completed, whether through the API or in
 * Camunda Tasklist: it reads the task's variables and writes the domain, in the engine's
 * transaction. One bean per task definition key; {@code taskCompletionListener} dispatches.
 */
public interface TaskStep {

	/** The user task definition key this step handles. */
	String taskKey();

	/** The task was created and routed; by default nothing more happens. */
	default void entered(DelegateTask task) {
	}

	void completed(DelegateTask task, String actor);
}
