package cn.needsloop.certificate;

import cn.needsloop.shared.Wording;
import java.time.Instant;

import cn.needsloop.shared.ProblemException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A resident's request for a certificate (证明). The catalog decides whether the community still
 * issues that kind (15 kinds after the reform, from 118); every request is recorded, including those
 * answered at once with the rule, so that nothing is lost.
 */
@Entity
@Table(name = "certificate_request")
public class Certificate {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String processInstanceId;

	private String communityCode;

	private String kind;

	private String kindName;

	private String applicantName;

	private String applicantPhone;

	private String applicantUser;

	private String purpose;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private CertificateStatus status;

	private boolean listed;

	private String ruleText;

	private String referTo;

	private String decisionDefinitionId;

	private Integer decisionVersion;

	private String declineReason;

	private String decidedBy;

	private Instant requestedAt;

	private Instant decidedAt;

	@Version
	private int version;

	protected Certificate() {
	}

	public Certificate(String communityCode, String kind, String applicantName, String applicantPhone,
			String applicantUser, String purpose, CatalogAnswer answer, Instant requestedAt) {
		this.communityCode = communityCode;
		this.kind = kind;
		this.applicantName = applicantName;
		this.applicantPhone = applicantPhone;
		this.applicantUser = applicantUser;
		this.purpose = purpose;
		this.kindName = answer.kindName();
		this.listed = answer.listed();
		this.ruleText = answer.ruleText();
		this.referTo = answer.referTo();
		this.decisionDefinitionId = answer.decisionDefinitionId();
		this.decisionVersion = answer.decisionVersion();
		this.requestedAt = requestedAt;
		this.status = answer.listed() ? CertificateStatus.PENDING : CertificateStatus.NOT_ISSUED_BY_COMMUNITY;
		if (!answer.listed()) {
			this.decidedAt = requestedAt;
			this.decidedBy = "system";
		}
	}

	/** What the certificate catalog said about a kind, and which version of the catalog said it. */
	public record CatalogAnswer(boolean listed, String kindName, String ruleText, String referTo,
			String decisionDefinitionId, Integer decisionVersion) {
	}

	public void startedAs(String processInstanceId) {
		this.processInstanceId = processInstanceId;
	}

	public void issued(String steward, Instant at) {
		requirePending();
		this.status = CertificateStatus.ISSUED;
		this.decidedBy = steward;
		this.decidedAt = at;
	}

	public void declined(String reason, String steward, Instant at) {
		requirePending();
		this.status = CertificateStatus.DECLINED;
		this.declineReason = reason;
		this.decidedBy = steward;
		this.decidedAt = at;
	}

	private void requirePending() {
		if (status != CertificateStatus.PENDING) {
			throw ProblemException.conflict("problem.certificate.notAtStep.issue", id);
		}
	}

	/**
	 * What the request's task and notifications are named after: its number and kind, never the applicant
	 * (personal data stays in this table, out of the engine's variables and history).
	 */
	public Wording subjectTitle() {
		return Wording.of("certificate.subjectTitle", id, kindName == null ? kind : kindName);
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

	public String getKind() {
		return kind;
	}

	public String getKindName() {
		return kindName;
	}

	public String getApplicantName() {
		return applicantName;
	}

	public String getApplicantPhone() {
		return applicantPhone;
	}

	public String getApplicantUser() {
		return applicantUser;
	}

	public String getPurpose() {
		return purpose;
	}

	public CertificateStatus getStatus() {
		return status;
	}

	public boolean isListed() {
		return listed;
	}

	public String getRuleText() {
		return ruleText;
	}

	public String getReferTo() {
		return referTo;
	}

	public String getDecisionDefinitionId() {
		return decisionDefinitionId;
	}

	public Integer getDecisionVersion() {
		return decisionVersion;
	}

	public String getDeclineReason() {
		return declineReason;
	}

	public String getDecidedBy() {
		return decidedBy;
	}

	public Instant getRequestedAt() {
		return requestedAt;
	}

	public Instant getDecidedAt() {
		return decidedAt;
	}
}
