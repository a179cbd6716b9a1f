package cn.needsloop.routing;

import java.time.Instant;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import cn.needsloop.shared.Category;
import cn.needsloop.shared.Line;
import cn.needsloop.shared.ProblemException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One extension request, return or transfer of a step (延期、退单、转办), recorded in the community the case was in when
 * it happened: the rules read it (one extension per step), the dashboard counts it. A need's steps may be extended,
 * returned and transferred; a service project's and a community consultation's steps extended.
 */
@Entity
@Table(name = "step_change")
public class StepChange {

	/** What happened to the step. */
	public enum Kind {
		EXTENSION, RETURN, TRANSFER
	}

	/** The kind of case whose step it is. */
	public enum CaseKind {
		NEED, PROJECT, CONSULTATION
	}

	/** An extension is asked, then granted or refused; a return or a transfer is done when recorded. */
	public enum Status {
		REQUESTED, GRANTED, REFUSED, DONE
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Kind kind;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Status status;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private CaseKind caseKind;

	private Long caseId;

	/** The need, for a need's own step (null for a project's or a consultation's). */
	private Long needId;

	private String communityCode;

	private String step;

	private String taskId;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Line line;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Category category;

	private String reason;

	private String requestedBy;

	private Instant requestedAt;

	private Instant dueBefore;

	private Instant dueAsked;

	private String targetCommunity;

	private String decidedBy;

	private Instant decidedAt;

	private String decisionNote;

	protected StepChange() {
	}

	private StepChange(Kind kind, Status status, CaseKind caseKind, Long caseId, String communityCode, String step,
			String taskId, Line line, Category category, String reason, String by, Instant at) {
		this.kind = kind;
		this.status = status;
		this.caseKind = caseKind;
		this.caseId = caseId;
		this.needId = caseKind == CaseKind.NEED ? caseId : null;
		this.communityCode = communityCode;
		this.step = step;
		this.taskId = taskId;
		this.line = line;
		this.category = category;
		this.reason = reason;
		this.requestedBy = by;
		this.requestedAt = at;
	}

	static StepChange extensionAsked(ExtensionCase of, String step, String taskId, Line line, String reason, String by,
			Instant at, Instant dueBefore, Instant dueAsked) {
		StepChange change = new StepChange(Kind.EXTENSION, Status.REQUESTED, of.kind(), of.id(), of.communityCode(), step,
				taskId, line, of.category(), reason, by, at);
		change.dueBefore = dueBefore;
		change.dueAsked = dueAsked;
		return change;
	}

	static StepChange returned(Long needId, String communityCode, String step, String taskId, Line line, Category category,
			String reason, String by, Instant at) {
		return new StepChange(Kind.RETURN, Status.DONE, CaseKind.NEED, needId, communityCode, step, taskId, line, category,
				reason, by, at);
	}

	static StepChange transferred(Long needId, String fromCommunity, String toCommunity, String step, Category category,
			String reason, String by, Instant at) {
		StepChange change = new StepChange(Kind.TRANSFER, Status.DONE, CaseKind.NEED, needId, fromCommunity, step, null,
				null, category, reason, by, at);
		change.targetCommunity = toCommunity;
		return change;
	}

	/** The extension is decided once: a second decision of the same request is refused (409). */
	void decided(boolean granted, String by, String note, Instant at) {
		if (kind != Kind.EXTENSION || status != Status.REQUESTED) {
			throw ProblemException.conflict("problem.extension.decided", id);
		}
		this.status = granted ? Status.GRANTED : Status.REFUSED;
		this.decidedBy = by;
		this.decisionNote = note;
		this.decidedAt = at;
	}

	public Long getId() {
		return id;
	}

	public Kind getKind() {
		return kind;
	}

	public Status getStatus() {
		return status;
	}

	public CaseKind getCaseKind() {
		return caseKind;
	}

	public Long getCaseId() {
		return caseId;
	}

	public Long getNeedId() {
		return needId;
	}

	public String getCommunityCode() {
		return communityCode;
	}

	public String getStep() {
		return step;
	}

	public String getTaskId() {
		return taskId;
	}

	public Line getLine() {
		return line;
	}

	public Category getCategory() {
		return category;
	}

	public String getReason() {
		return reason;
	}

	public String getRequestedBy() {
		return requestedBy;
	}

	public Instant getRequestedAt() {
		return requestedAt;
	}

	public Instant getDueBefore() {
		return dueBefore;
	}

	public Instant getDueAsked() {
		return dueAsked;
	}

	public String getTargetCommunity() {
		return targetCommunity;
	}

	public String getDecidedBy() {
		return decidedBy;
	}

	public Instant getDecidedAt() {
		return decidedAt;
	}

	public String getDecisionNote() {
		return decisionNote;
	}
}
