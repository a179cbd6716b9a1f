package cn.needsloop.classification;

import cn.needsloop.shared.Wording;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.needsloop.intake.Need;
import cn.needsloop.intake.NeedLog;
import cn.needsloop.intake.Needs;
import cn.needsloop.shared.Phase;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.Line;

/** A common need waits in the needs pool until a steward designs a project for it. */
@Component("poolNeedDelegate")
class PoolNeedDelegate implements JavaDelegate {

	private final Needs needs;

	private final NeedLog log;

	PoolNeedDelegate(Needs needs, NeedLog log) {
		this.needs = needs;
		this.log = log;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Need need = needs.require(Variables.longValue(execution, Var.NEED_ID));
		need.pooled();
		log.record(need, Phase.CATEGORIZE, Wording.of("history.need.pooled"), Line.STEWARD, "system");
	}
}
