package cn.needsloop.admission;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import cn.needsloop.admission.WorkItemRequests.SubmitWorkItem;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * The page form a department fills in to submit a work item: the fields of {@link SubmitWorkItem}, with
 * a checkbox for the purchased service and an empty list entry meaning "let the list match keywords".
 */
public class WorkItemForm implements java.io.Serializable {

	/** Kept in the session (in the database) as a flash attribute after a refused form. */
	private static final long serialVersionUID = 1L;

	@NotBlank
	@Size(max = 100)
	private String department;

	@NotBlank
	@Size(max = 200)
	private String title;

	@NotBlank
	@Size(max = 1000)
	private String legalBasis;

	private String itemType;

	@NotEmpty
	private List<String> communityCodes = new ArrayList<>();

	private boolean purchasedService;

	@DecimalMin("0")
	@Digits(integer = 12, fraction = 2)
	private BigDecimal fundingYuan;

	SubmitWorkItem toRequest() {
		return new SubmitWorkItem(department, title, legalBasis,
				itemType == null || itemType.isBlank() ? null : itemType.trim(), communityCodes, purchasedService,
				fundingYuan);
	}

	public String getDepartment() {
		return department;
	}

	public void setDepartment(String department) {
		this.department = department;
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getLegalBasis() {
		return legalBasis;
	}

	public void setLegalBasis(String legalBasis) {
		this.legalBasis = legalBasis;
	}

	public String getItemType() {
		return itemType;
	}

	public void setItemType(String itemType) {
		this.itemType = itemType;
	}

	public List<String> getCommunityCodes() {
		return communityCodes;
	}

	public void setCommunityCodes(List<String> communityCodes) {
		this.communityCodes = communityCodes == null ? new ArrayList<>() : communityCodes;
	}

	public boolean isPurchasedService() {
		return purchasedService;
	}

	public void setPurchasedService(boolean purchasedService) {
		this.purchasedService = purchasedService;
	}

	public BigDecimal getFundingYuan() {
		return fundingYuan;
	}

	public void setFundingYuan(BigDecimal fundingYuan) {
		this.fundingYuan = fundingYuan;
	}
}
