package cn.needsloop.design;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

import cn.needsloop.design.ProjectRequests.DesignProject;
import cn.needsloop.shared.Category;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The page form for designing a project from pooled needs; milestones one per line. */
public class ProjectForm {

	@NotBlank
	@Size(max = 32)
	private String communityCode;

	@NotBlank
	@Size(max = 200)
	private String title;

	@NotBlank
	@Size(max = 1000)
	private String goal;

	@NotBlank
	@Size(max = 4000)
	private String plan;

	@NotNull
	private Category category;

	@NotEmpty
	private List<Long> needIds = new ArrayList<>();

	@NotNull
	@DecimalMin("0")
	private BigDecimal budgetYuan;

	@NotNull
	@Min(1)
	@Max(100000)
	private Integer householdCount;

	private boolean publicAffairs;

	@NotNull
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate plannedEnd;

	@NotBlank
	private String milestones;

	DesignProject toRequest() {
		List<String> lines = Arrays.stream(milestones.split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
		return new DesignProject(communityCode, title, goal, plan, category, needIds, budgetYuan, householdCount,
				publicAffairs, plannedEnd, lines);
	}

	public String getCommunityCode() { return communityCode; }
	public void setCommunityCode(String communityCode) { this.communityCode = communityCode; }
	public String getTitle() { return title; }
	public void setTitle(String title) { this.title = title; }
	public String getGoal() { return goal; }
	public void setGoal(String goal) { this.goal = goal; }
	public String getPlan() { return plan; }
	public void setPlan(String plan) { this.plan = plan; }
	public Category getCategory() { return category; }
	public void setCategory(Category category) { this.category = category; }
	public List<Long> getNeedIds() { return needIds; }
	public void setNeedIds(List<Long> needIds) { this.needIds = needIds; }
	public BigDecimal getBudgetYuan() { return budgetYuan; }
	public void setBudgetYuan(BigDecimal budgetYuan) { this.budgetYuan = budgetYuan; }
	public Integer getHouseholdCount() { return householdCount; }
	public void setHouseholdCount(Integer householdCount) { this.householdCount = householdCount; }
	public boolean isPublicAffairs() { return publicAffairs; }
	public void setPublicAffairs(boolean publicAffairs) { this.publicAffairs = publicAffairs; }
	public LocalDate getPlannedEnd() { return plannedEnd; }
	public void setPlannedEnd(LocalDate plannedEnd) { this.plannedEnd = plannedEnd; }
	public String getMilestones() { return milestones; }
	public void setMilestones(String milestones) { this.milestones = milestones; }
}
