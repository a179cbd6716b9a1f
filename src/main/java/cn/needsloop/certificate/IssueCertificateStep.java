package cn.needsloop.certificate;

import cn.needsloop.shared.Wording;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.needsloop.process.Subject;
import cn.needsloop.process.TaskStep;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.notification.Notifier;
import cn.needsloop.shared.ProblemException;

/** The steward issues the certificate or declines it with a reason; the applicant is told either way. */
@Component
class IssueCertificateStep implements TaskStep {

	private final Certificates certificates;

	private final Notifier notifier;

	IssueCertificateStep(Certificates certificates, Notifier notifier) {
		this.certificates = certificates;
		this.notifier = notifier;
	}

	@Override
	public String taskKey() {
		return Step.ISSUE_CERTIFICATE;
	}

	@Override
	public void completed(DelegateTask task, String actor) {
		Certificate certificate = certificates.require(Variables.longValue(task, Var.CERTIFICATE_ID));
		CertificateDecision decision = Variables.requiredEnum(task, Var.CERTIFICATE_DECISION, CertificateDecision.class);
		switch (decision) {
			case ISSUED -> {
				certificate.issued(actor, TimeLimits.nowInstant());
				notifier.notifyUser(certificate.getApplicantUser(),
						Wording.of("notification.certificate.issued", certificate.getKindName()),
						Wording.of("notification.certificate.issued.body", certificate.subjectTitle()), new Subject(null, null));
			}
			case DECLINED -> {
				String reason = Variables.string(task, Var.DECLINE_REASON);
				if (reason == null || reason.isBlank()) {
					throw ProblemException.badField(Var.DECLINE_REASON, "problem.certificate.reasonRequired");
				}
				certificate.declined(reason.trim(), actor, TimeLimits.nowInstant());
				notifier.notifyUser(certificate.getApplicantUser(),
						Wording.of("notification.certificate.declined", certificate.getKindName()),
						Wording.of("notification.certificate.declined.body", certificate.subjectTitle(), reason.trim()),
						new Subject(null, null));
			}
		}
	}
}
