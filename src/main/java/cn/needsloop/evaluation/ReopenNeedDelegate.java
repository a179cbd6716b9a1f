package cn.needsloop.evaluation;

import cn.needsloop.shared.Wording;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.needsloop.intake.Need;
import cn.needsloop.intake.NeedLog;
import cn.needsloop.intake.Needs;
import cn.needsloop.shared.Phase;
import cn.needsloop.intake.SimilarNeedIndex;
import cn.needsloop.process.Subject;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.notification.Notifier;

/** An unmet need goes back to verification as a new round of the same record, never a new one. */
@Component("reopenNeedDelegate")
class ReopenNeedDelegate implements JavaDelegate {

	private final Needs needs;

	private final NeedLog log;

	private final Notifier notifier;

	private final SimilarNeedIndex similar;

	ReopenNeedDelegate(Needs needs, NeedLog log, Notifier notifier, SimilarNeedIndex similar) {
		this.similar = similar;
		this.needs = needs;
		this.log = log;
		this.notifier = notifier;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Need need = needs.require(Variables.longValue(execution, Var.NEED_ID));
		Phase phase = need.getPhase();
		need.reopened();
		// open again: suggested again
		similar.index(need);
		execution.setVariable(Var.ROUND, need.getRound());
		execution.setVariable(Var.NEED_SCORE, null);
		execution.removeVariable(Var.PROJECT_ID);
		log.record(need, phase, Wording.of("history.need.reopened", need.getRound()), null, "system");
		notifier.notifyUser(need.getReporterUser(), Wording.of("notification.needReopened"),
				Wording.of("notification.needReopened.body", need.getId(), need.getTitle(), need.getRound()),
				new Subject(need.getId(), null));
	}
}
