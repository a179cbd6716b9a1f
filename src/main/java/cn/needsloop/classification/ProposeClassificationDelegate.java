package cn.needsloop.classification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.needsloop.classification.NeedClassifier.Proposal;
import cn.needsloop.intake.Need;
import cn.needsloop.intake.NeedReading;
import cn.needsloop.intake.Needs;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Var;

/** Fills in the proposal the steward confirms or corrects in the classification step, with the words that decided it. */
@Component("proposeClassificationDelegate")
class ProposeClassificationDelegate implements JavaDelegate {

	private final Needs needs;

	private final NeedClassifier classifier;

	private final NeedReading reading;

	ProposeClassificationDelegate(Needs needs, NeedClassifier classifier, NeedReading reading) {
		this.needs = needs;
		this.classifier = classifier;
		this.reading = reading;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Need need = needs.require(Variables.longValue(execution, Var.NEED_ID));
		Proposal proposal = classifier.propose(need);
		need.proposed(proposal.category(), proposal.urgency(), proposal.scope(), proposal.line(), proposal.stewardLook());
		execution.setVariable(Var.CATEGORY, proposal.category().name());
		execution.setVariable(Var.URGENCY, proposal.urgency().name());
		execution.setVariable(Var.SCOPE, proposal.scope().name());
		execution.setVariable(Var.PROPOSED_LINE, proposal.line().name());
		execution.setVariable(Var.STEWARD_LOOK, proposal.stewardLook());
		execution.setVariables(reading.variables(need));
	}
}
