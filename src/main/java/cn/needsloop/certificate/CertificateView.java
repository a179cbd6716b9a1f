package cn.needsloop.certificate;

import java.time.Instant;

import cn.needsloop.system.Disclosure;

/**
 * A certificate request as the API shows it, with the catalog's rule and where to go instead. The applicant's
 * phone is masked for everyone but the applicant (a steward of the community reveals it, recorded); their
 * name is masked for a reader who does not serve the request ({@link Disclosure}).
 */
public record CertificateView(Long id, String processInstanceId, String communityCode, String kind, String kindName,
		String applicantName, String applicantPhone, String purpose, CertificateStatus status, boolean listed,
		String ruleText, String referTo, String decisionDefinitionId, Integer decisionVersion, String declineReason,
		String decidedBy, Instant requestedAt, Instant decidedAt) {

	static CertificateView of(Certificate c, Disclosure disclosure) {
		return new CertificateView(c.getId(), c.getProcessInstanceId(), c.getCommunityCode(), c.getKind(),
				c.getKindName(), disclosure.name(c.getApplicantName(), c.getApplicantUser()),
				disclosure.phone(c.getApplicantPhone(), c.getApplicantUser()), c.getPurpose(), c.getStatus(),
				c.isListed(), c.getRuleText(), c.getReferTo(), c.getDecisionDefinitionId(), c.getDecisionVersion(),
				c.getDeclineReason(), disclosure.person(c.getDecidedBy()), c.getRequestedAt(), c.getDecidedAt());
	}
}
