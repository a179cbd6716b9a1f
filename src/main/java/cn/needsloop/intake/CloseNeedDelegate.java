package cn.needsloop.intake;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.needsloop.process.Subject;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.routing.Notifier;

/** Records the outcome a need ends with and tells the reporter. */
@Component("closeNeedDelegate")
class CloseNeedDelegate implements JavaDelegate {

	static final Map<Outcome, String> LABELS = Map.of(Outcome.RESOLVED, "已解决", Outcome.NOT_GENUINE, "经核实不属实",
			Outcome.DUPLICATE, "与已有民需重复，已合并办理", Outcome.REFERRED, "不属于社区职责，已转办", Outcome.UNRESOLVED, "未能解决");

	private final Needs needs;

	private final NeedLog log;

	private final Notifier notifier;

	private final SimilarNeedIndex similar;

	CloseNeedDelegate(Needs needs, NeedLog log, Notifier notifier, SimilarNeedIndex similar) {
		this.similar = similar;
		this.needs = needs;
		this.log = log;
		this.notifier = notifier;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Need need = needs.require(Variables.longValue(execution, Var.NEED_ID));
		Outcome outcome = Variables.requiredEnum(execution, Var.OUTCOME, Outcome.class);
		Phase phase = need.getPhase();
		need.closed(outcome, TimeLimits.nowInstant());
		// a closed need is suggested no more
		similar.forget(need);
		String label = LABELS.get(outcome);
		String reason = need.getVerificationNote() == null || outcome == Outcome.RESOLVED ? ""
				: "（" + need.getVerificationNote() + "）";
		log.record(need, phase, "办结：" + label + reason, null, "system");
		notifier.notifyUser(need.getReporterUser(), "您的民需已办结：" + label,
				"民需 #" + need.getId() + " " + need.getTitle() + reason, new Subject(need.getId(), null));
	}
}
