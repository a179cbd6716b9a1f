package cn.needsloop.registration;

import cn.needsloop.shared.Wording;
import java.time.Instant;

import cn.needsloop.shared.ProblemException;
import jakarta.persistence.Column;
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
 * A call of the party line for registered party members (街道社区随叫、组织党员随到): so many people
 * with a skill, at a time, for a need or a project. Invitations go out in rounds until enough
 * registrants accepted; an unfilled dispatch is escalated.
 */
@Entity
public class Dispatch {

	public enum Status {
		/** Inviting registrants and waiting for answers. */
		OPEN,
		/** Enough registrants accepted. */
		FILLED,
		/** Not enough accepted after every round: the party line decides. */
		ESCALATED,
		/** Escalated, then carried out with the people who accepted. */
		PARTIAL,
		/** Escalated, then called off. */
		CANCELLED
	}

	/** What the party line decided for an unfilled dispatch. */
	public enum Resolution {
		PROCEED, CANCEL
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String processInstanceId;

	private String communityCode;

	private Long needId;

	private Long projectId;

	private String skill;

	private int people;

	@Column(name = "service_at")
	private Instant at;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Status status;

	private int round;

	private int acceptedCount;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Resolution resolution;

	private String resolutionNote;

	private String requestedBy;

	private Instant requestedAt;

	private Instant closedAt;

	@Version
	private int version;

	protected Dispatch() {
	}

	public Dispatch(String communityCode, Long needId, Long projectId, String skill, int people, Instant at,
			String requestedBy, Instant requestedAt) {
		this.communityCode = communityCode;
		this.needId = needId;
		this.projectId = projectId;
		this.skill = skill;
		this.people = people;
		this.at = at;
		this.requestedBy = requestedBy;
		this.requestedAt = requestedAt;
		this.status = Status.OPEN;
	}

	void started(String processInstanceId) {
		this.processInstanceId = processInstanceId;
	}

	void roundStarted(int round) {
		this.round = round;
	}

	/** How many more people are needed. */
	public int stillNeeded() {
		return Math.max(0, people - acceptedCount);
	}

	void accepted() {
		if (status != Status.OPEN) {
			throw ProblemException.conflict("problem.dispatch.closed", id);
		}
		acceptedCount++;
	}

	void filled(Instant at) {
		status = Status.FILLED;
		closedAt = at;
	}

	void escalated() {
		status = Status.ESCALATED;
	}

	void resolved(Resolution resolution, String note, Instant at) {
		if (status != Status.ESCALATED) {
			throw ProblemException.conflict("problem.dispatch.notEscalated", id);
		}
		this.resolution = resolution;
		this.resolutionNote = note;
		this.status = resolution == Resolution.PROCEED ? Status.PARTIAL : Status.CANCELLED;
		this.closedAt = at;
	}

	/** Whether the service takes place, so that hours can be recorded for it. */
	public boolean isServed() {
		return status == Status.FILLED || status == Status.PARTIAL;
	}

	/** What the dispatch is called in task lists and notifications: its number, the skill and how many people. */
	public Wording title() {
		return Wording.of("dispatch.subjectTitle", id, skill, people);
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

	public Long getNeedId() {
		return needId;
	}

	public Long getProjectId() {
		return projectId;
	}

	public String getSkill() {
		return skill;
	}

	public int getPeople() {
		return people;
	}

	public Instant getAt() {
		return at;
	}

	public Status getStatus() {
		return status;
	}

	public int getRound() {
		return round;
	}

	public int getAcceptedCount() {
		return acceptedCount;
	}

	public Resolution getResolution() {
		return resolution;
	}

	public String getResolutionNote() {
		return resolutionNote;
	}

	public String getRequestedBy() {
		return requestedBy;
	}

	public Instant getRequestedAt() {
		return requestedAt;
	}

	public Instant getClosedAt() {
		return closedAt;
	}
}
