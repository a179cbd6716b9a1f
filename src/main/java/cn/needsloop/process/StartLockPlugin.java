package cn.needsloop.process;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

import cn.needsloop.cluster.StartLock;

/**
 * Takes the database's start lock ({@link StartLock}) just before the engine is built, so that
 * everything a start writes once (Camunda's tables, deployments, administrators, authorizations,
 * filters, demo data) runs under it.
 */
@Component
class StartLockPlugin extends AbstractProcessEnginePlugin {

	private final StartLock lock;

	StartLockPlugin(StartLock lock) {
		this.lock = lock;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		lock.acquire();
	}
}
