package cn.needsloop.registration;

import java.time.Instant;

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

/** One registrant invited to a dispatch, and their answer. */
@Entity
public class DispatchOffer {

	public enum Status {
		INVITED, ACCEPTED, DECLINED, EXPIRED
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long dispatchId;

	private Long registrationId;

	private int round;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Status status;

	private Instant invitedAt;

	/** The answer limit of the round. */
	private Instant dueAt;

	private Instant answeredAt;

	private String answeredBy;

	private String note;

	@Version
	private int version;

	protected DispatchOffer() {
	}

	DispatchOffer(Long dispatchId, Long registrationId, int round, Instant invitedAt, Instant dueAt) {
		this.dispatchId = dispatchId;
		this.registrationId = registrationId;
		this.round = round;
		this.status = Status.INVITED;
		this.invitedAt = invitedAt;
		this.dueAt = dueAt;
	}

	void answer(boolean accepted, String note, String actor, Instant at) {
		if (status != Status.INVITED) {
			throw ProblemException.conflict("problem.dispatch.alreadyAnswered", registrationId, dispatchId);
		}
		this.status = accepted ? Status.ACCEPTED : Status.DECLINED;
		this.note = note;
		this.answeredBy = actor;
		this.answeredAt = at;
	}

	/** The round closed (answer limit passed, or enough people accepted) before this invitee answered. */
	void expire() {
		if (status == Status.INVITED) {
			status = Status.EXPIRED;
		}
	}

	public Long getId() {
		return id;
	}

	public Long getDispatchId() {
		return dispatchId;
	}

	public Long getRegistrationId() {
		return registrationId;
	}

	public int getRound() {
		return round;
	}

	public Status getStatus() {
		return status;
	}

	public Instant getInvitedAt() {
		return invitedAt;
	}

	public Instant getDueAt() {
		return dueAt;
	}

	public Instant getAnsweredAt() {
		return answeredAt;
	}

	public String getAnsweredBy() {
		return answeredBy;
	}

	public String getNote() {
		return note;
	}
}
