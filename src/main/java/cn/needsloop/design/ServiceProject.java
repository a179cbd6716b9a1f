package cn.needsloop.design;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.needsloop.shared.Category;
import cn.needsloop.shared.ProblemException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A service project (民需服务项目) that answers many pooled needs at once: designed by a steward,
 * approved by the party organisation, claimed and delivered by a social organisation, evaluated
 * both ways.
 */
@Entity
public class ServiceProject {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String processInstanceId;

	private String communityCode;

	private String title;

	private String goal;

	private String plan;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Category category;

	private BigDecimal budgetYuan;

	private int householdCount;

	private boolean publicAffairs;

	private LocalDate plannedEnd;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private ProjectStatus status;

	private String approvalNote;

	/** The community consultation the project went through last, if any. */
	private Long consultationId;

	/** Why the last consultation did not agree. */
	private String consultationNote;

	private String claimantCode;

	private String implementerUser;

	private Instant claimDeadline;

	private Instant publishedAt;

	private Instant claimedAt;

	/** Claimed by an organisation before the deadline (not assigned by the manager afterwards). */
	private Boolean claimedInTime;

	private Instant completedAt;

	private String completionReport;

	private String rectificationReport;

	private int evaluationRound;

	private String verdict;

	private String createdBy;

	private Instant createdAt;

	private Instant closedAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "project_milestone", joinColumns = @JoinColumn(name = "project_id"))
	@OrderColumn(name = "idx")
	private List<Milestone> milestones = new ArrayList<>();

	@Version
	private int version;

	protected ServiceProject() {
	}

	public ServiceProject(String communityCode, String title, String goal, String plan, Category category,
			BigDecimal budgetYuan, int householdCount, boolean publicAffairs, LocalDate plannedEnd,
			List<String> milestoneTitles, String createdBy, Instant createdAt) {
		this.communityCode = communityCode;
		this.title = title;
		this.goal = goal;
		this.plan = plan;
		this.category = category;
		this.budgetYuan = budgetYuan;
		this.householdCount = householdCount;
		this.publicAffairs = publicAffairs;
		this.plannedEnd = plannedEnd;
		milestoneTitles.forEach(t -> this.milestones.add(new Milestone(t)));
		this.createdBy = createdBy;
		this.createdAt = createdAt;
		this.status = ProjectStatus.DESIGN;
	}

	public void startedAs(String processInstanceId) {
		this.processInstanceId = processInstanceId;
	}

	/** The project goes to a community consultation before approval. */
	public void inConsultation(Long consultationId) {
		this.consultationId = consultationId;
		this.consultationNote = null;
		move(ProjectStatus.CONSULTATION, ProjectStatus.DESIGN);
	}

	/** The consultation did not agree: the project goes back to design with the reasons. */
	public void consultationRejected(String reasons) {
		this.consultationNote = reasons;
		move(ProjectStatus.DESIGN, ProjectStatus.CONSULTATION);
	}

	public void submittedForApproval() {
		move(ProjectStatus.APPROVAL, ProjectStatus.DESIGN, ProjectStatus.CONSULTATION);
	}

	public void approved(String note) {
		this.approvalNote = note;
	}

	public void returnedToDesign(String note) {
		move(ProjectStatus.DESIGN, ProjectStatus.APPROVAL);
		this.approvalNote = note;
	}

	public void redesigned(String plan, BigDecimal budgetYuan) {
		if (plan != null && !plan.isBlank()) {
			this.plan = plan;
		}
		if (budgetYuan != null) {
			this.budgetYuan = budgetYuan;
		}
	}

	public void redesigned(String title, String goal, String plan, BigDecimal budgetYuan, int householdCount,
			boolean publicAffairs, LocalDate plannedEnd) {
		this.title = title;
		this.goal = goal;
		this.plan = plan;
		this.budgetYuan = budgetYuan;
		this.householdCount = householdCount;
		this.publicAffairs = publicAffairs;
		this.plannedEnd = plannedEnd;
	}

	public void published(Instant at, Instant claimDeadline) {
		move(ProjectStatus.PUBLISHED, ProjectStatus.APPROVAL);
		this.publishedAt = at;
		this.claimDeadline = claimDeadline;
	}

	/** The implementer took the project: by its own claim in time, or by the manager's assignment. */
	public void implementedBy(String organizationCode, String user, boolean claimedInTime, Instant at) {
		this.claimantCode = organizationCode;
		this.implementerUser = user;
		this.claimedInTime = claimedInTime;
		this.claimedAt = at;
		move(ProjectStatus.IN_PROGRESS, ProjectStatus.PUBLISHED);
	}

	public Milestone milestone(int index) {
		if (index < 0 || index >= milestones.size()) {
			throw ProblemException.notFound("milestone", index);
		}
		return milestones.get(index);
	}

	public void milestoneReported(int index, String note, int socialWorkers, int volunteers, String by, Instant at) {
		milestone(index).reported(note, socialWorkers, volunteers, by, at);
	}

	public void completed(String report, Instant at) {
		this.completionReport = report;
		this.completedAt = at;
	}

	public void rectified(String report) {
		this.rectificationReport = report;
	}

	public int evaluationOpened() {
		this.evaluationRound++;
		move(ProjectStatus.EVALUATION, ProjectStatus.IN_PROGRESS, ProjectStatus.RECTIFICATION);
		return evaluationRound;
	}

	public void sentToRectification(Verdict verdict) {
		move(ProjectStatus.RECTIFICATION, ProjectStatus.EVALUATION);
		this.verdict = verdict.name();
	}

	/** The evaluation's verdict closes the project: FAILED ends it as failed, any other as closed. */
	public void concluded(Verdict verdict, Instant at) {
		move(verdict == Verdict.FAILED ? ProjectStatus.FAILED : ProjectStatus.CLOSED, ProjectStatus.EVALUATION);
		this.verdict = verdict.name();
		this.closedAt = at;
	}

	/**
	 * The project moves only along its process: a status change from anywhere else is a defect (a step run
	 * twice, a message to the wrong project) and changes nothing.
	 */
	private void move(ProjectStatus to, ProjectStatus... from) {
		if (!java.util.List.of(from).contains(status)) {
			throw new IllegalStateException("project #" + id + " is " + status + ": it cannot become " + to);
		}
		this.status = to;
	}

	public Long getId() {
		return id;
	}

	public String getProcessInstanceId() {
		return processInstanceId;
	}

	public String getCommunityCode() {
		return communityCode;
	}

	public String getTitle() {
		return title;
	}

	public String getGoal() {
		return goal;
	}

	public String getPlan() {
		return plan;
	}

	public Category getCategory() {
		return category;
	}

	public BigDecimal getBudgetYuan() {
		return budgetYuan;
	}

	public int getHouseholdCount() {
		return householdCount;
	}

	public boolean isPublicAffairs() {
		return publicAffairs;
	}

	public LocalDate getPlannedEnd() {
		return plannedEnd;
	}

	public ProjectStatus getStatus() {
		return status;
	}

	public String getApprovalNote() {
		return approvalNote;
	}

	public Long getConsultationId() {
		return consultationId;
	}

	public String getConsultationNote() {
		return consultationNote;
	}

	public String getClaimantCode() {
		return claimantCode;
	}

	public String getImplementerUser() {
		return implementerUser;
	}

	public Instant getClaimDeadline() {
		return claimDeadline;
	}

	public Instant getPublishedAt() {
		return publishedAt;
	}

	public Instant getClaimedAt() {
		return claimedAt;
	}

	public Boolean getClaimedInTime() {
		return claimedInTime;
	}

	public Instant getCompletedAt() {
		return completedAt;
	}

	public String getCompletionReport() {
		return completionReport;
	}

	public String getRectificationReport() {
		return rectificationReport;
	}

	public int getEvaluationRound() {
		return evaluationRound;
	}

	public String getVerdict() {
		return verdict;
	}

	public String getCreatedBy() {
		return createdBy;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getClosedAt() {
		return closedAt;
	}

	public List<Milestone> getMilestones() {
		return List.copyOf(milestones);
	}
}
