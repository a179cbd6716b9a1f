package cn.needsloop.admission;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import cn.needsloop.system.Disclosure;

/**
 * A work item as the API shows it: what was asked, the decision, and the rule of the admission list
 * (with the version of the list) that made it. Who submitted and who reviewed the contract read as roles to a
 * reader who does not serve the item ({@link Disclosure}).
 */
public record WorkItemView(Long id, String processInstanceId, String department, String title, String legalBasis,
		String itemType, List<String> communityCodes, boolean purchasedService, BigDecimal fundingYuan,
		WorkItemStatus status, Boolean admitted, String ruleId, String ruleText, String decisionDefinitionId,
		String decisionDefinitionKey, Integer decisionVersion, String contractNote, String contractReviewedBy,
		String submittedBy, Instant submittedAt, Instant decidedAt, Instant concludedAt) {

	static WorkItemView of(WorkItem w, Disclosure disclosure) {
		return new WorkItemView(w.getId(), w.getProcessInstanceId(), w.getDepartment(), w.getTitle(),
				w.getLegalBasis(), w.getItemType(), w.getCommunityCodes(), w.isPurchasedService(), w.getFundingYuan(),
				w.getStatus(), w.getAdmitted(), w.getRuleId(), w.getRuleText(), w.getDecisionDefinitionId(),
				w.getDecisionDefinitionKey(), w.getDecisionVersion(), w.getContractNote(),
				disclosure.person(w.getContractReviewedBy()), disclosure.person(w.getSubmittedBy()), w.getSubmittedAt(),
				w.getDecidedAt(), w.getConcludedAt());
	}

	/** A version of the admission list. */
	public record ListVersion(String decisionDefinitionId, String decisionDefinitionKey, int version,
			String deploymentId) {
	}
}
