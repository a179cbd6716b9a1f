package cn.needsloop.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Counts the optimistic-lock conflicts of jobs in {@value #METER} with {@code step="job"} and
 * {@code outcome="retried"}: a job that lost a race with another transaction on the same process
 * instance (parallel branches joining, two nodes) rolls back and the job executor runs it again. Only
 * commands of the job executor's threads, and each once (the outermost command): conflicts of the API's
 * steps are counted, under the same name and tag keys, where they are retried or refused, so nothing is
 * counted twice. (Prometheus needs every meter of a name to have the same tag keys.)
 */
@Component
class OptimisticLockConflicts extends AbstractProcessEnginePlugin implements MeterBinder {

	static final String METER = "needsloop.engine.optimistic_lock_conflicts";

	private volatile Counter conflicts;

	@Override
	public void bindTo(MeterRegistry registry) {
		conflicts = Counter.builder(METER)
			.description("Optimistic-locking conflicts between steps that ran at the same moment")
			.tag("step", "job")
			.tag("outcome", "retried")
			.register(registry);
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<CommandInterceptor> interceptors = new ArrayList<>();
		if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
			interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
		}
		interceptors.add(new Counting());
		configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
	}

	private void count() {
		Counter counter = conflicts;
		if (counter != null) {
			counter.increment();
		}
	}

	private final class Counting extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			boolean outermost = Context.getCommandContext() == null;
			try {
				return next.execute(command);
			}
			catch (OptimisticLockingException ex) {
				if (outermost && Context.getJobExecutorContext() != null) {
					count();
				}
				throw ex;
			}
		}
	}
}
