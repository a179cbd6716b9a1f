package cn.needsloop.field;

import cn.needsloop.shared.CommunityGroup;
import cn.needsloop.shared.Wording;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.needsloop.notification.Notifier;
import cn.needsloop.notification.Recipient;
import cn.needsloop.process.Subject;
import cn.needsloop.process.TaskStep;
import cn.needsloop.process.Variables;

/** The service tasks and the task step of {@code grid-patrol.bpmn}. */
final class PatrolDelegates {

	private PatrolDelegates() {
	}

	/** Each working day at 07:00: a patrol for every grid worker. */
	@Component("planPatrolsDelegate")
	static class Plan implements JavaDelegate {

		private final PatrolService patrols;

		Plan(PatrolService patrols) {
			this.patrols = patrols;
		}

		@Override
		public void execute(DelegateExecution execution) {
			List<Patrol> planned = patrols.plan(HouseholdService.today());
			execution.setVariable("plannedPatrols", planned.size());
		}
	}

	/** Not finished by the end of the next working day: the community's stewards are told and the patrol marked. */
	@Component("patrolToStewardDelegate")
	static class ToSteward implements JavaDelegate {

		private final PatrolService patrols;

		private final Notifier notifier;

		ToSteward(PatrolService patrols, Notifier notifier) {
			this.patrols = patrols;
			this.notifier = notifier;
		}

		@Override
		public void execute(DelegateExecution execution) {
			Long id = Variables.longValue(execution, PatrolService.PATROL_ID);
			patrols.escalated(id, "STEWARD");
			String community = Variables.string(execution, "communityCode");
			notifier.notify(List.of(Recipient.group(CommunityGroup.STEWARD.of(community))),
					Wording.of("notification.patrol.overdue", patrols.subjectTitle(patrols.require(id))),
					Wording.of("notification.patrol.overdue.body"), new Subject(null, null), null);
		}
	}

	/** A working day later still not finished: marked as escalated to the manager (who gets a supervision task). */
	@Component("patrolToManagerDelegate")
	static class ToManager implements JavaDelegate {

		private final PatrolService patrols;

		ToManager(PatrolService patrols) {
			this.patrols = patrols;
		}

		@Override
		public void execute(DelegateExecution execution) {
			patrols.escalated(Variables.longValue(execution, PatrolService.PATROL_ID), "MANAGER");
		}
	}

	/** The patrol's task completed: the patrol is done. */
	@Component
	static class WalkPatrolStep implements TaskStep {

		private final PatrolService patrols;

		WalkPatrolStep(PatrolService patrols) {
			this.patrols = patrols;
		}

		@Override
		public String taskKey() {
			return PatrolService.WALK_PATROL;
		}

		@Override
		public void completed(DelegateTask task, String actor) {
			patrols.finished(Variables.longValue(task, PatrolService.PATROL_ID), Variables.string(task, PatrolService.PATROL_NOTE));
		}
	}
}
