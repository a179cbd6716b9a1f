package cn.needsloop.process;

import org.camunda.bpm.engine.delegate.DelegateTask;

import cn.needsloop.shared.Actor;

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

	/**
	 * The user takes the open task onto their own list (claims it), through the app, Tasklist or {@code /engine-rest}
	 * alike ({@link EngineRules} asks on the engine's claim command): refuse, with a
	 * {@link cn.needsloop.shared.ProblemException}, one whom the rules of the step would not let do it, so that
	 * claiming the task is no way round them. By default whoever the task is offered to may.
	 */
	default void claiming(String taskId, Actor actor) {
	}

	void completed(DelegateTask task, String actor);
}
