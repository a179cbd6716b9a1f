package cn.needsloop.intake;

import java.util.Locale;
import org.springframework.context.MessageSource;
import cn.needsloop.shared.Wording;
import cn.needsloop.shared.Phase;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.needsloop.process.Subject;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.notification.Notifier;

/** Records the outcome a need ends with and tells the reporter. */
@Component("closeNeedDelegate")
class CloseNeedDelegate implements JavaDelegate {

	private final Needs needs;

	private final NeedLog log;

	private final Notifier notifier;

	private final MessageSource messages;

	private final SimilarNeedIndex similar;

	CloseNeedDelegate(Needs needs, NeedLog log, Notifier notifier, MessageSource messages, SimilarNeedIndex similar) {
		this.messages = messages;
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
		Wording label = Wording.of("history.closed." + outcome.name());
		boolean withReason = need.getVerificationNote() != null && outcome != Outcome.RESOLVED;
		log.record(need, phase, withReason ? Wording.of("history.need.closedBecause", label, need.getVerificationNote())
				: Wording.of("history.need.closed", label), null, "system");
		notifier.notifyUser(need.getReporterUser(), Wording.of("notification.needClosed.title", label),
				withReason ? Wording.of("notification.needClosed.bodyBecause", need.getId(), need.getTitle(), need.getVerificationNote())
						: Wording.of("notification.needClosed.body", need.getId(), need.getTitle()),
				new Subject(need.getId(), null));
	}
}
