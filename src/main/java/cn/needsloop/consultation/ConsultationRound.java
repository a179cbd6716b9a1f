package cn.needsloop.consultation;

import java.time.Instant;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One round of a consultation: its agenda and meeting time, then the meeting's record and the round's result. */
@Embeddable
public class ConsultationRound {

	private int roundNo;

	/** Agenda items, one a line. */
	private String agenda;

	private Instant meetingAt;

	private String publishedBy;

	private Instant publishedAt;

	private Integer attendees;

	private String opinions;

	private Integer votesFor;

	private Integer votesAgainst;

	private Integer votesAbstain;

	private String recordedBy;

	private Instant recordedAt;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private RoundResult result;

	private String reason;

	protected ConsultationRound() {
	}

	ConsultationRound(int roundNo, String agenda, Instant meetingAt, String publishedBy, Instant publishedAt) {
		this.roundNo = roundNo;
		this.agenda = agenda;
		this.meetingAt = meetingAt;
		this.publishedBy = publishedBy;
		this.publishedAt = publishedAt;
	}

	void recorded(int attendees, String opinions, int votesFor, int votesAgainst, int votesAbstain, String by,
			Instant at) {
		this.attendees = attendees;
		this.opinions = opinions;
		this.votesFor = votesFor;
		this.votesAgainst = votesAgainst;
		this.votesAbstain = votesAbstain;
		this.recordedBy = by;
		this.recordedAt = at;
	}

	void decided(RoundResult result, String reason) {
		this.result = result;
		this.reason = reason;
	}

	public int getRoundNo() {
		return roundNo;
	}

	public String getAgenda() {
		return agenda;
	}

	public Instant getMeetingAt() {
		return meetingAt;
	}

	public String getPublishedBy() {
		return publishedBy;
	}

	public Instant getPublishedAt() {
		return publishedAt;
	}

	public Integer getAttendees() {
		return attendees;
	}

	public String getOpinions() {
		return opinions;
	}

	public Integer getVotesFor() {
		return votesFor;
	}

	public Integer getVotesAgainst() {
		return votesAgainst;
	}

	public Integer getVotesAbstain() {
		return votesAbstain;
	}

	public String getRecordedBy() {
		return recordedBy;
	}

	public Instant getRecordedAt() {
		return recordedAt;
	}

	public RoundResult getResult() {
		return result;
	}

	public String getReason() {
		return reason;
	}
}
