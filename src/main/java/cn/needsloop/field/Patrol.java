package cn.needsloop.field;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * One grid worker's patrol (巡查) of one working day: the grid's households due a visit that day. Open until the
 * worker finishes it; past its due time (the end of the next working day) it goes to the steward, a working day
 * later to the manager ({@code grid-patrol.bpmn}).
 */
@Entity
public class Patrol {

	public enum Status {
		OPEN, DONE
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String gridCode;

	private String communityCode;

	private String workerUser;

	private LocalDate patrolDay;

	@jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
	@org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.VARCHAR)
	private Status status;

	private String processInstanceId;

	private Instant dueAt;

	/** STEWARD when it fell overdue, MANAGER when it was escalated further; null while on time. */
	private String escalatedTo;

	private Instant doneAt;

	private String note;

	/** How many of the grid's households were due a visit when the patrol was planned (visit coverage). */
	private Integer dueCount;

	protected Patrol() {
	}

	Patrol(String gridCode, String communityCode, String workerUser, LocalDate patrolDay, Instant dueAt) {
		this.gridCode = gridCode;
		this.communityCode = communityCode;
		this.workerUser = workerUser;
		this.patrolDay = patrolDay;
		this.dueAt = dueAt;
		this.status = Status.OPEN;
	}

	void dueAtPlanning(long households) {
		this.dueCount = (int) households;
	}

	public Integer getDueCount() {
		return dueCount;
	}

	void startedAs(String processInstanceId) {
		this.processInstanceId = processInstanceId;
	}

	void escalatedTo(String who) {
		this.escalatedTo = who;
	}

	void done(String note, Instant at) {
		this.status = Status.DONE;
		this.note = note;
		this.doneAt = at;
	}

	public Long getId() {
		return id;
	}

	public String getGridCode() {
		return gridCode;
	}

	public String getCommunityCode() {
		return communityCode;
	}

	public String getWorkerUser() {
		return workerUser;
	}

	public LocalDate getPatrolDay() {
		return patrolDay;
	}

	public Status getStatus() {
		return status;
	}

	public String getProcessInstanceId() {
		return processInstanceId;
	}

	public Instant getDueAt() {
		return dueAt;
	}

	public String getEscalatedTo() {
		return escalatedTo;
	}

	public Instant getDoneAt() {
		return doneAt;
	}

	public String getNote() {
		return note;
	}
}
