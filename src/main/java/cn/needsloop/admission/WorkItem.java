package cn.needsloop.admission;

import cn.needsloop.shared.Wording;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.needsloop.shared.ProblemException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A task a department (市直部门) wants communities to take on (社区工作事项). The admission list
 * decides; the record keeps the rule that decided and the version of the list it came from, so an
 * old decision stays explainable after the list is revised.
 */
@Entity
public class WorkItem {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String processInstanceId;

	private String department;

	private String title;

	private String legalBasis;

	/** The code of the admission list entry the department chose, if any. */
	private String itemType;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "work_item_community", joinColumns = @JoinColumn(name = "work_item_id"))
	@Column(name = "community_code")
	private List<String> communityCodes = new ArrayList<>();

	private boolean purchasedService;

	private BigDecimal fundingYuan;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private WorkItemStatus status;

	private Boolean admitted;

	private String ruleId;

	private String ruleText;

	private String decisionDefinitionId;

	private String decisionDefinitionKey;

	private Integer decisionVersion;

	private String contractNote;

	private String contractReviewedBy;

	private String submittedBy;

	private Instant submittedAt;

	private Instant decidedAt;

	private Instant concludedAt;

	@Version
	private int version;

	protected WorkItem() {
	}

	public WorkItem(String department, String title, String legalBasis, String itemType, List<String> communityCodes,
			boolean purchasedService, BigDecimal fundingYuan, String submittedBy, Instant submittedAt) {
		this.department = department;
		this.title = title;
		this.legalBasis = legalBasis;
		this.itemType = itemType;
		this.communityCodes = new ArrayList<>(communityCodes);
		this.purchasedService = purchasedService;
		this.fundingYuan = fundingYuan;
		this.submittedBy = submittedBy;
		this.submittedAt = submittedAt;
		this.status = WorkItemStatus.SUBMITTED;
	}

	public void startedAs(String processInstanceId) {
		this.processInstanceId = processInstanceId;
	}

	/** 费随事转: only a purchased service that comes with money can be taken without being on the list. */
	public boolean offersPurchasedService() {
		return purchasedService && fundingYuan != null && fundingYuan.signum() > 0;
	}

	/** The admission list has spoken. An item not on it waits for the contract review if it is offered as a purchased service. */
	public void decided(boolean admitted, String ruleId, String ruleText, String decisionDefinitionId,
			String decisionDefinitionKey, int decisionVersion, Instant at) {
		if (status != WorkItemStatus.SUBMITTED) {
			throw ProblemException.conflict("problem.workItem.alreadyDecided", id);
		}
		this.admitted = admitted;
		this.ruleId = ruleId;
		this.ruleText = ruleText;
		this.decisionDefinitionId = decisionDefinitionId;
		this.decisionDefinitionKey = decisionDefinitionKey;
		this.decisionVersion = decisionVersion;
		this.decidedAt = at;
		if (admitted) {
			this.status = WorkItemStatus.ADMITTED;
			this.concludedAt = at;
		}
		else if (offersPurchasedService()) {
			this.status = WorkItemStatus.CONTRACT_REVIEW;
		}
		else {
			this.status = WorkItemStatus.REFUSED;
			this.concludedAt = at;
		}
	}

	public void contractApproved(String note, String manager, Instant at) {
		requireContractReview();
		this.status = WorkItemStatus.PURCHASED_SERVICE;
		this.contractNote = note;
		this.contractReviewedBy = manager;
		this.concludedAt = at;
	}

	public void contractRejected(String note, String manager, Instant at) {
		requireContractReview();
		this.status = WorkItemStatus.REFUSED;
		this.contractNote = note;
		this.contractReviewedBy = manager;
		this.concludedAt = at;
	}

	private void requireContractReview() {
		if (status != WorkItemStatus.CONTRACT_REVIEW) {
			throw ProblemException.conflict("problem.workItem.notAtStep.contractReview", id);
		}
	}

	/** The communities take it on: on the list, or under a purchased-service contract. */
	public boolean isHandedToCommunities() {
		return status == WorkItemStatus.ADMITTED || status == WorkItemStatus.PURCHASED_SERVICE;
	}

	/** Shown in notifications and task lists. */
	public Wording subjectTitle() {
		return Wording.of("workItem.subjectTitle", id, title, department);
	}

	public Long getId() {
		return id;
	}

	public String getProcessInstanceId() {
		return processInstanceId;
	}

	public String getDepartment() {
		return department;
	}

	public String getTitle() {
		return title;
	}

	public String getLegalBasis() {
		return legalBasis;
	}

	public String getItemType() {
		return itemType;
	}

	public List<String> getCommunityCodes() {
		return List.copyOf(communityCodes);
	}

	public boolean isPurchasedService() {
		return purchasedService;
	}

	public BigDecimal getFundingYuan() {
		return fundingYuan;
	}

	public WorkItemStatus getStatus() {
		return status;
	}

	public Boolean getAdmitted() {
		return admitted;
	}

	public String getRuleId() {
		return ruleId;
	}

	public String getRuleText() {
		return ruleText;
	}

	public String getDecisionDefinitionId() {
		return decisionDefinitionId;
	}

	public String getDecisionDefinitionKey() {
		return decisionDefinitionKey;
	}

	public Integer getDecisionVersion() {
		return decisionVersion;
	}

	public String getContractNote() {
		return contractNote;
	}

	public String getContractReviewedBy() {
		return contractReviewedBy;
	}

	public String getSubmittedBy() {
		return submittedBy;
	}

	public Instant getSubmittedAt() {
		return submittedAt;
	}

	public Instant getDecidedAt() {
		return decidedAt;
	}

	public Instant getConcludedAt() {
		return concludedAt;
	}
}
