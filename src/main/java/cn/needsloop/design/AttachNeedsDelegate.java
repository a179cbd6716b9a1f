package cn.needsloop.design;

import cn.needsloop.shared.Wording;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.needsloop.intake.Need;
import cn.needsloop.intake.NeedLog;
import cn.needsloop.intake.Needs;
import cn.needsloop.shared.Phase;
import cn.needsloop.process.ProcessGateway;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.Line;

/** The pooled needs join the project: each need's process moves on from the pool by message. */
@Component("attachNeedsDelegate")
class AttachNeedsDelegate implements JavaDelegate {

	private final Projects projects;

	private final Needs needs;

	private final NeedLog log;

	private final ProcessGateway process;

	AttachNeedsDelegate(Projects projects, Needs needs, NeedLog log, ProcessGateway process) {
		this.projects = projects;
		this.needs = needs;
		this.log = log;
		this.process = process;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ServiceProject project = projects.require(Variables.longValue(execution, Var.PROJECT_ID));
		for (Object id : (Iterable<?>) execution.getVariable(Var.NEED_IDS)) {
			Need need = needs.require(((Number) id).longValue());
			need.joinedProject(project.getId());
			log.record(need, Phase.DESIGN, Wording.of("history.need.inProject", project.getId(), project.getTitle()), Line.STEWARD,
					project.getCreatedBy());
			process.correlate(Workflow.MESSAGE_NEED_JOINED_PROJECT, String.valueOf(need.getId()),
					Map.of(Var.PROJECT_ID, project.getId()));
		}
	}
}
