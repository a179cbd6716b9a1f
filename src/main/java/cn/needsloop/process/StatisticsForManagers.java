package cn.needsloop.process;

import cn.needsloop.shared.Actor;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.ActivityStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.DeploymentStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.ProcessDefinitionStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.metrics.MetricsQueryImpl;
import org.springframework.stereotype.Component;

/**
 * The engine's statistics and metrics (running instances, failed jobs and incidents by process and
 * activity; engine metrics) are Cockpit's data, for managers and administrators only, whichever way
 * they are asked: the engine checks no more than READ on the process definitions, which every
 * Tasklist user has, so {@code /engine-rest/process-definition/statistics} and
 * {@code /camunda/api/engine/.../statistics} answered residents the counts that Cockpit's statistics
 * plugin was closed for ({@link SecurityConfig}). Refused with the engine's own
 * {@link AuthorizationException} (403 over REST) for an authenticated user in neither group; code of
 * the application itself, with no engine authentication, is not affected.
 */
@Component
class StatisticsForManagers extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
		interceptors.add(new Guard(configuration));
		configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
	}

	static boolean isStatistics(Command<?> command) {
		return command instanceof ProcessDefinitionStatisticsQueryImpl || command instanceof ActivityStatisticsQueryImpl
				|| command instanceof DeploymentStatisticsQueryImpl || command instanceof MetricsQueryImpl
				|| command.getClass().getEnclosingClass() == MetricsQueryImpl.class;
	}

	private static final class Guard extends CommandInterceptor {

		private final ProcessEngineConfigurationImpl configuration;

		Guard(ProcessEngineConfigurationImpl configuration) {
			this.configuration = configuration;
		}

		@Override
		public <T> T execute(Command<T> command) {
			if (isStatistics(command)) {
				Authentication authentication = configuration.getIdentityService().getCurrentAuthentication();
				if (authentication != null && authentication.getUserId() != null
						&& (authentication.getGroupIds() == null || (!authentication.getGroupIds().contains(Actor.MANAGER)
								&& !authentication.getGroupIds().contains(Actor.ADMIN)))) {
					throw new AuthorizationException("The user with id '" + authentication.getUserId()
							+ "' may not read the engine's statistics and metrics: they are for managers and administrators.");
				}
			}
			return next.execute(command);
		}
	}
}
