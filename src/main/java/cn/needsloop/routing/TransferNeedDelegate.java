package cn.needsloop.routing;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.needsloop.community.Places;
import cn.needsloop.intake.Need;
import cn.needsloop.intake.NeedLog;
import cn.needsloop.intake.Needs;
import cn.needsloop.intake.SimilarNeedIndex;
import cn.needsloop.notification.Notifier;
import cn.needsloop.notification.Recipient;
import cn.needsloop.process.ProcessGateway;
import cn.needsloop.process.Subject;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.CommunityGroup;
import cn.needsloop.shared.Line;
import cn.needsloop.shared.ProblemException;
import cn.needsloop.shared.Wording;

/**
 * 转到其他社区: the need, with its history, moves to another community of the register (its grid and household are
 * the old community's, so they are cleared); the stewards of both communities are told, the transfer is counted in
 * the community it left, and the need is verified anew where it arrives. Whichever way the steward asked (the need's
 * page, the API, Tasklist's re-routing form), the community is checked here.
 */
@Component("transferNeedDelegate")
class TransferNeedDelegate implements JavaDelegate {

	private final Needs needs;

	private final Places places;

	private final SimilarNeedIndex similar;

	private final StepChanges changes;

	private final NeedLog log;

	private final Notifier notifier;

	private final ProcessGateway process;

	TransferNeedDelegate(Needs needs, Places places, SimilarNeedIndex similar, StepChanges changes, NeedLog log,
			Notifier notifier, ProcessGateway process) {
		this.needs = needs;
		this.places = places;
		this.similar = similar;
		this.changes = changes;
		this.log = log;
		this.notifier = notifier;
		this.process = process;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Need need = needs.require(Variables.longValue(execution, Var.NEED_ID));
		String target = Variables.requiredString(execution, Var.TRANSFER_TO);
		String reason = Variables.requiredString(execution, Var.TRANSFER_REASON);
		if (reason.length() > StepChangeService.MAX_TEXT) {
			throw ProblemException.badField(Var.TRANSFER_REASON, "problem.field.maxLength", StepChangeService.MAX_TEXT);
		}
		if (!places.communityNames().containsKey(target)) {
			throw ProblemException.badField(Var.TRANSFER_TO, "problem.transfer.unknownCommunity", target);
		}
		String from = need.getCommunityCode();
		if (target.equals(from)) {
			throw ProblemException.badField(Var.TRANSFER_TO, "problem.transfer.sameCommunity");
		}
		String actor = process.actingUser();
		changes.save(StepChange.transferred(need.getId(), from, target, need.getPhase().name(), need.getCategory(), reason,
				actor, TimeLimits.nowInstant()));
		similar.forget(need);
		need.transferredTo(target);
		similar.index(need);
		execution.setVariable(Var.COMMUNITY_CODE, target);
		execution.setVariable(Var.REROUTED_LINE, null);
		Wording what = Wording.of("history.transferred", places.community(from), places.community(target), reason);
		log.record(need, need.getPhase(), what, Line.STEWARD, actor);
		notifier.notify(
				List.of(Recipient.group(CommunityGroup.STEWARD.of(from)), Recipient.group(CommunityGroup.STEWARD.of(target))),
				Wording.of("notification.need.transferred", need.getId(), places.community(from), places.community(target)),
				Wording.of("text", reason), new Subject(need.getId(), null), null);
	}
}
