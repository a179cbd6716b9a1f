package cn.needsloop.intake;

import cn.needsloop.shared.Urgency;
import cn.needsloop.shared.Channel;
import cn.needsloop.shared.Category;
import cn.needsloop.shared.Phase;
import java.time.Instant;
import java.util.List;

import cn.needsloop.shared.Line;
import cn.needsloop.shared.ProblemException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One resident's (or one building's) need (民需). The engine owns the flow; this record owns the
 * facts: what was asked, how it was verified and classified, and the outcome it ended with. A
 * need that is not met re-enters verification as a new round of the same record.
 */
@Entity
public class Need {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String processInstanceId;

	private String communityCode;

	private String gridCode;

	/** The household of the register the need is about (its address and grid), if any. */
	private Long householdId;

	/** Where, in words, when the need is not about one household (3号楼东侧路灯). */
	private String place;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Channel channel;

	private String title;

	private String description;

	private String reporterName;

	private String reporterPhone;

	/** The signed-in user who reported it (a resident, or staff reporting on a resident's behalf). */
	private String reporterUser;

	private Integer householdCount;

	/** People of the households that joined with 我也有此需求 (the reporter's are not asked). */
	private Integer peopleCount;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private NeedStatus status;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Phase phase;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Line line;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Category category;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Urgency urgency;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Scope scope;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Category proposedCategory;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Urgency proposedUrgency;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Scope proposedScope;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Line proposedLine;

	/** Waiting in the needs pool for a service project. */
	/** The resident (or whoever reported) marked the need urgent; nobody lowers that. */
	private boolean reportedUrgent;

	/** The text model found danger to life and limb in the text. */
	private boolean textUrgent;

	private Double proposalConfidence;

	/** The words that decided the proposed category, joined by 、. */
	private String decisiveWords;

	/** The words that showed danger, joined by 、. */
	private String urgencyWords;

	/** The text model version that read the need. */
	private String understandingModel;

	/** The decision table asks a steward to look closely at the proposed category. */
	private Boolean stewardLook;

	private boolean pooled;

	private Long projectId;

	private Long duplicateOfId;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Outcome outcome;

	private int round;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private VerificationVerdict verificationVerdict;

	private String verificationNote;

	private String resolutionNote;

	private Integer needScore;

	private String confirmationComment;

	private Instant reportedAt;

	private Instant verificationDueAt;

	private Instant verifiedAt;

	private Instant categorizedAt;

	private Instant evaluatedAt;

	private Instant closedAt;

	@Version
	private int version;

	protected Need() {
	}

	public Need(String communityCode, String gridCode, Channel channel, String title, String description,
			String reporterName, String reporterPhone, String reporterUser, Integer householdCount, Instant reportedAt) {
		this.communityCode = communityCode;
		this.gridCode = gridCode;
		this.channel = channel;
		this.title = title;
		this.description = description;
		this.reporterName = reporterName;
		this.reporterPhone = reporterPhone;
		this.reporterUser = reporterUser;
		this.householdCount = householdCount;
		this.reportedAt = reportedAt;
		this.status = NeedStatus.OPEN;
		this.phase = Phase.DISCOVER;
		this.round = 1;
	}

	/** The need's address: a household of the register (whose grid it then has) and/or a place in words. */
	public void locatedAt(Long householdId, String place) {
		this.householdId = householdId;
		this.place = place;
	}

	/** A steward gives a need reported without a grid its grid (before classification). */
	public void assignedToGrid(String gridCode) {
		requireOpen();
		this.gridCode = gridCode;
	}

	public Long getHouseholdId() {
		return householdId;
	}

	public String getPlace() {
		return place;
	}

	public void startedAs(String processInstanceId) {
		this.processInstanceId = processInstanceId;
	}

	/** A task of the loop was routed to a line: the need is in that task's phase now. */
	public void enteredStep(Phase phase, Line line, Instant dueAt) {
		this.phase = phase;
		this.line = line;
		if (phase == Phase.DISCOVER && verificationDueAt == null) {
			this.verificationDueAt = dueAt;
		}
	}

	public void verified(VerificationVerdict verdict, Long duplicateOfId, String note, Instant at) {
		requireOpen();
		this.verificationVerdict = verdict;
		this.duplicateOfId = verdict == VerificationVerdict.DUPLICATE ? duplicateOfId : null;
		this.verificationNote = note;
		if (this.verifiedAt == null) {
			this.verifiedAt = at;
		}
	}

	public void reportedAsUrgent() {
		this.reportedUrgent = true;
		this.proposedUrgency = Urgency.URGENT;
	}

	/** What the text model read in the title and description when the need was reported. */
	public void read(Category category, double confidence, List<String> decisive, boolean urgent,
			List<String> dangerWords, String modelVersion) {
		this.proposedCategory = category;
		this.proposalConfidence = confidence;
		this.decisiveWords = joined(decisive);
		this.textUrgent = urgent;
		this.urgencyWords = joined(dangerWords);
		this.understandingModel = modelVersion;
		if (urgent) {
			this.proposedUrgency = Urgency.URGENT;
		}
	}

	private static String joined(List<String> words) {
		StringBuilder joined = new StringBuilder();
		for (String word : words) {
			if (joined.length() + word.length() + 1 > 200) {
				break;
			}
			joined.append(joined.isEmpty() ? "" : "、").append(word.replace("、", "，"));
		}
		return joined.isEmpty() ? null : joined.toString();
	}

	/** Urgent by the reporter's word or by what the text says. */
	public boolean isUrgent() {
		return reportedUrgent || textUrgent;
	}

	public void proposed(Category category, Urgency urgency, Scope scope, Line line, boolean stewardLook) {
		proposed(category, urgency, scope, line);
		this.stewardLook = stewardLook;
	}

	public void proposed(Category category, Urgency urgency, Scope scope, Line line) {
		this.proposedCategory = category;
		this.proposedUrgency = urgency;
		this.proposedScope = scope;
		this.proposedLine = line;
	}

	public void categorized(Category category, Urgency urgency, Scope scope, Instant at) {
		requireOpen();
		this.category = category;
		// never lower the reporter's own "urgent"
		this.urgency = reportedUrgent ? Urgency.URGENT : urgency;
		this.scope = scope;
		if (this.categorizedAt == null) {
			this.categorizedAt = at;
		}
	}

	public void pooled() {
		this.pooled = true;
		this.phase = Phase.CATEGORIZE;
	}

	public void joinedProject(Long projectId) {
		if (!pooled || this.projectId != null) {
			throw ProblemException.conflict("problem.need.notInPool", id);
		}
		this.projectId = projectId;
		this.pooled = false;
		this.phase = Phase.DESIGN;
	}

	public void resolvedBy(String note) {
		this.resolutionNote = note;
	}

	public void rated(Integer score, String comment, Instant at) {
		this.needScore = score;
		this.confirmationComment = comment;
		this.evaluatedAt = at;
	}

	public void closed(Outcome outcome, Instant at) {
		this.outcome = outcome;
		this.status = NeedStatus.CLOSED;
		this.closedAt = at;
		this.pooled = false;
		this.line = null;
	}

	/**
	 * 转办: the need moves to another community with its history; its grid and household were the old community's,
	 * and the new community verifies it within its own response limit.
	 */
	public void transferredTo(String communityCode) {
		this.communityCode = communityCode;
		this.gridCode = null;
		this.householdId = null;
		this.line = null;
		this.verificationDueAt = null;
	}

	/** Unmet: the same need starts a new round at verification. */
	public void reopened() {
		this.round++;
		this.status = NeedStatus.OPEN;
		this.phase = Phase.DISCOVER;
		this.outcome = null;
		this.closedAt = null;
		this.projectId = null;
		this.pooled = false;
		this.needScore = null;
		this.confirmationComment = null;
	}

	/**
	 * Another household has this need too (我也有此需求): it counts as one more household, and its people. A need
	 * reported without a household count is one household.
	 */
	public void joinedBy(int people) {
		requireOpen();
		this.householdCount = (householdCount == null ? 1 : householdCount) + 1;
		this.peopleCount = (peopleCount == null ? 0 : peopleCount) + people;
	}

	private void requireOpen() {
		if (status != NeedStatus.OPEN) {
			throw ProblemException.conflict("problem.need.closed", id);
		}
	}

	public boolean isOpen() {
		return status == NeedStatus.OPEN;
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

	public String getGridCode() {
		return gridCode;
	}

	public Channel getChannel() {
		return channel;
	}

	public String getTitle() {
		return title;
	}

	public String getDescription() {
		return description;
	}

	public String getReporterName() {
		return reporterName;
	}

	public String getReporterPhone() {
		return reporterPhone;
	}

	public String getReporterUser() {
		return reporterUser;
	}

	public Integer getPeopleCount() {
		return peopleCount;
	}

	public Integer getHouseholdCount() {
		return householdCount;
	}

	public NeedStatus getStatus() {
		return status;
	}

	public Phase getPhase() {
		return phase;
	}

	public Line getLine() {
		return line;
	}

	public Category getCategory() {
		return category;
	}

	public boolean isReportedUrgent() {
		return reportedUrgent;
	}

	public boolean isTextUrgent() {
		return textUrgent;
	}

	public Double getProposalConfidence() {
		return proposalConfidence;
	}

	public List<String> getDecisiveWords() {
		return decisiveWords == null ? List.of() : List.of(decisiveWords.split("、"));
	}

	public List<String> getUrgencyWords() {
		return urgencyWords == null ? List.of() : List.of(urgencyWords.split("、"));
	}

	public String getUnderstandingModel() {
		return understandingModel;
	}

	public Boolean getStewardLook() {
		return stewardLook;
	}

	public Urgency getUrgency() {
		return urgency;
	}

	public Scope getScope() {
		return scope;
	}

	public Category getProposedCategory() {
		return proposedCategory;
	}

	public Urgency getProposedUrgency() {
		return proposedUrgency;
	}

	public Scope getProposedScope() {
		return proposedScope;
	}

	public Line getProposedLine() {
		return proposedLine;
	}

	public boolean isPooled() {
		return pooled;
	}

	public Long getProjectId() {
		return projectId;
	}

	public Long getDuplicateOfId() {
		return duplicateOfId;
	}

	public Outcome getOutcome() {
		return outcome;
	}

	public int getRound() {
		return round;
	}

	public VerificationVerdict getVerificationVerdict() {
		return verificationVerdict;
	}

	public String getVerificationNote() {
		return verificationNote;
	}

	public String getResolutionNote() {
		return resolutionNote;
	}

	public Integer getNeedScore() {
		return needScore;
	}

	public String getConfirmationComment() {
		return confirmationComment;
	}

	public Instant getReportedAt() {
		return reportedAt;
	}

	public Instant getVerificationDueAt() {
		return verificationDueAt;
	}

	public Instant getVerifiedAt() {
		return verifiedAt;
	}

	public Instant getCategorizedAt() {
		return categorizedAt;
	}

	public Instant getEvaluatedAt() {
		return evaluatedAt;
	}

	public Instant getClosedAt() {
		return closedAt;
	}
}
