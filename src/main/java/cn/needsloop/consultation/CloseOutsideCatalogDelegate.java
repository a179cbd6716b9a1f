package cn.needsloop.consultation;

import cn.needsloop.shared.Wording;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Var;

/** A topic outside the catalog is not consulted on: the reason is recorded and the proposer told. */
@Component("closeOutsideCatalogDelegate")
class CloseOutsideCatalogDelegate implements JavaDelegate {

	private final Consultations consultations;

	private final ConsultationNotices notices;

	private final MessageSource messages;

	CloseOutsideCatalogDelegate(Consultations consultations, ConsultationNotices notices, MessageSource messages) {
		this.messages = messages;
		this.consultations = consultations;
		this.notices = notices;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Consultation consultation = consultations.require(Variables.longValue(execution, Var.CONSULTATION_ID));
		consultation.closedOutsideCatalog(TimeLimits.nowInstant());
		execution.setVariable(Var.CONSULTATION_RESULT, ConsultationStatus.OUTSIDE_CATALOG.name());
		// the reason goes on to the project's Tasklist form, which shows it as it is: in the deployment's language
		execution.setVariable(Var.CONSULTATION_REASON,
				consultation.catalogReason().render(messages, Locale.SIMPLIFIED_CHINESE));
		notices.toProposer(consultation, Wording.of("notification.consultation.notInCatalog"),
				consultation.catalogReason());
	}
}
