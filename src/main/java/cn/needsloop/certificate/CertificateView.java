package cn.needsloop.certificate;

import java.time.Instant;

/** A certificate request as the API shows it, with the catalog's rule and where to go instead. */
public record CertificateView(Long id, String processInstanceId, String communityCode, String kind, String kindName,
		String applicantName, String applicantPhone, String purpose, CertificateStatus status, boolean listed,
		String ruleText, String referTo, String decisionDefinitionId, Integer decisionVersion, String declineReason,
		String decidedBy, Instant requestedAt, Instant decidedAt) {

	static CertificateView of(Certificate c) {
		return new CertificateView(c.getId(), c.getProcessInstanceId(), c.getCommunityCode(), c.getKind(),
				c.getKindName(), c.getApplicantName(), c.getApplicantPhone(), c.getPurpose(), c.getStatus(),
				c.isListed(), c.getRuleText(), c.getReferTo(), c.getDecisionDefinitionId(), c.getDecisionVersion(),
				c.getDeclineReason(), c.getDecidedBy(), c.getRequestedAt(), c.getDecidedAt());
	}
}
