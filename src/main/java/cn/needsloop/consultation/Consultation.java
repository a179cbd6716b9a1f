package cn.needsloop.consultation;

import cn.needsloop.shared.Wording;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import cn.needsloop.shared.ProblemException;
import org.springframework.context.MessageSource;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A community consultation (社区协商) on one topic: checked against the consultation catalog, held
 * in up to three rounds by the self-governance line, its agreed result publicised, applied and
 * reported back to the participants.
 */
@Entity
public class Consultation {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String processInstanceId;

	private String communityCode;

	private String topic;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private TopicType topicType;

	private String description;

	/**
	 * The description as a {@link Wording} (JSON) when the application wrote it (a service project as topic), read
	 * in the reader's language; {@code description} keeps its Chinese text. Null when a person typed it.
	 */
	private String descriptionWording;

	/** The service project that asked for this consultation, if any. */
	private Long projectId;

	private String proposedBy;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private ConsultationStatus status;

	private Boolean inCatalog;

	private String catalogReason;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(name = "consultation_level")
	private ConsultationLevel level;

	/** Kinds of participant the catalog requires, comma-separated codes. */
	private String requiredKinds;

	private Integer noticeDays;

	private Integer publicityDays;

	private int round;

	/** The final result: AGREED (after the public notice) or REJECTED. */
	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private RoundResult result;

	private String resultReason;

	private Instant publicityEndsAt;

	private String applicationReport;

	private String appliedBy;

	private Instant appliedAt;

	private Instant reportedBackAt;

	/** When the final result was reached. */
	private Instant concludedAt;

	private Instant closedAt;

	private Instant createdAt;

	@ElementCollection
	@CollectionTable(name = "consultation_participant", joinColumns = @JoinColumn(name = "consultation_id"))
	@OrderColumn(name = "idx")
	private List<ConsultationParticipant> participants = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "consultation_round", joinColumns = @JoinColumn(name = "consultation_id"))
	@OrderColumn(name = "idx")
	private List<ConsultationRound> rounds = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "consultation_objection", joinColumns = @JoinColumn(name = "consultation_id"))
	@OrderColumn(name = "idx")
	private List<ConsultationObjection> objections = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "consultation_history", joinColumns = @JoinColumn(name = "consultation_id"))
	@OrderColumn(name = "idx")
	private List<ConsultationEvent> history = new ArrayList<>();

	@Version
	private int version;

	protected Consultation() {
	}

	public Consultation(String communityCode, String topic, TopicType topicType, String description, Long projectId,
			String proposedBy, Instant at) {
		this.communityCode = communityCode;
		this.topic = topic;
		this.topicType = topicType;
		this.description = description;
		this.projectId = projectId;
		this.proposedBy = proposedBy;
		this.createdAt = at;
		this.status = ConsultationStatus.PROPOSED;
		this.round = 1;
		record(Wording.of("consultation.history.proposed", topic), proposedBy, at);
	}

	/**
	 * A consultation the application words (a service project as topic): its description is kept as a wording,
	 * read in the reader's language, and as its Chinese text ({@code chinese}, for the API's older readers).
	 */
	public Consultation(String communityCode, String topic, TopicType topicType, Wording description, String chinese,
			Long projectId, String proposedBy, Instant at) {
		this(communityCode, topic, topicType, chinese.length() > 2000 ? chinese.substring(0, 2000) : chinese, projectId,
				proposedBy, at);
		String json = description.toJson();
		this.descriptionWording = json.length() > 4000 ? null : json;
	}

	/** Adds a line to the history, worded by a key of the messages ({@code consultation.history.*}). */
	public void record(Wording activity, String actor, Instant at) {
		history.add(new ConsultationEvent(activity, actor, at));
	}

	void startedAs(String processInstanceId) {
		this.processInstanceId = processInstanceId;
	}

	void catalogChecked(boolean inCatalog, ConsultationLevel level, Set<ParticipantKind> required, Integer noticeDays,
			Integer publicityDays, String reason) {
		this.inCatalog = inCatalog;
		this.level = level;
		this.requiredKinds = required.isEmpty() ? null
				: required.stream().map(Enum::name).collect(Collectors.joining(","));
		this.noticeDays = noticeDays;
		this.publicityDays = publicityDays;
		this.catalogReason = reason;
	}

	void closedOutsideCatalog(Instant at) {
		this.status = ConsultationStatus.OUTSIDE_CATALOG;
		this.closedAt = at;
	}

	void waitingFor(ConsultationStatus status) {
		this.status = status;
	}

	/** Fixes the participants; every kind the catalog requires must be among them. */
	void participantsFixed(List<ConsultationParticipant> fixed) {
		Set<ParticipantKind> missing = getRequiredKinds();
		fixed.forEach(p -> missing.remove(p.getKind()));
		if (!missing.isEmpty()) {
			throw ProblemException.badField("participants", "problem.consultation.participantsMissing",
					missing.stream().map(ParticipantKind::label).collect(Collectors.joining("、")));
		}
		this.participants.clear();
		this.participants.addAll(fixed);
	}

	void agendaPublished(String agenda, Instant meetingAt, String by, Instant at) {
		rounds.add(new ConsultationRound(round, agenda, meetingAt, by, at));
		this.status = ConsultationStatus.NOTICE;
	}

	void meetingRecorded(int attendees, String opinions, int votesFor, int votesAgainst, int votesAbstain, String by,
			Instant at) {
		currentRound().recorded(attendees, opinions, votesFor, votesAgainst, votesAbstain, by, at);
	}

	void roundDecided(RoundResult roundResult, String reason, Instant at) {
		currentRound().decided(roundResult, reason);
		if (roundResult == RoundResult.REJECTED) {
			this.result = RoundResult.REJECTED;
			this.resultReason = reason;
			this.status = ConsultationStatus.REJECTED;
			this.concludedAt = at;
			this.closedAt = at;
		}
	}

	void nextRound() {
		this.round++;
		this.status = ConsultationStatus.AGENDA;
	}

	void publicised(Instant endsAt) {
		this.status = ConsultationStatus.PUBLICITY;
		this.publicityEndsAt = endsAt;
	}

	/** An objection against the publicised result; only while the result is publicised. */
	void objectionRaised(String text, String by, Instant at) {
		if (status != ConsultationStatus.PUBLICITY) {
			throw ProblemException.conflict("problem.consultation.notInPublicity", id);
		}
		objections.add(new ConsultationObjection(round, text, by, at));
		record(Wording.of("consultation.history.objected"), by, at);
	}

	/** The public notice passed without objection: the result is agreed and is to be applied. */
	void agreed(String reason, Instant at) {
		this.result = RoundResult.AGREED;
		this.resultReason = reason;
		this.concludedAt = at;
		this.status = ConsultationStatus.APPLICATION;
	}

	void applied(String report, String by, Instant at) {
		this.applicationReport = report;
		this.appliedBy = by;
		this.appliedAt = at;
	}

	void reportedBack(Instant at) {
		this.reportedBackAt = at;
		this.status = ConsultationStatus.APPLIED;
		this.closedAt = at;
	}

	ConsultationRound currentRound() {
		return rounds.stream().filter(r -> r.getRoundNo() == round).reduce((a, b) -> b)
			.orElseThrow(() -> new IllegalStateException("Round " + round + " of consultation " + id + " has no agenda"));
	}

	public Set<ParticipantKind> getRequiredKinds() {
		Set<ParticipantKind> kinds = EnumSet.noneOf(ParticipantKind.class);
		if (requiredKinds != null) {
			Arrays.stream(requiredKinds.split(",")).map(String::strip).filter(s -> !s.isEmpty())
				.map(ParticipantKind::valueOf).forEach(kinds::add);
		}
		return kinds;
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

	public String getTopic() {
		return topic;
	}

	public TopicType getTopicType() {
		return topicType;
	}

	public String getDescription() {
		return description;
	}

	/** The description in a reader's language (as typed, if a person typed it). */
	public String descriptionIn(MessageSource messages, Locale locale) {
		Wording w = Wording.fromJson(descriptionWording);
		return w == null ? description : w.render(messages, locale);
	}

	public Long getProjectId() {
		return projectId;
	}

	public String getProposedBy() {
		return proposedBy;
	}

	public ConsultationStatus getStatus() {
		return status;
	}

	public Boolean getInCatalog() {
		return inCatalog;
	}

	public String getCatalogReason() {
		return catalogReason;
	}

	/** Why the topic is in the catalog or not, as the catalog says it, or the catalog's default outside it. */
	public Wording catalogReason() {
		if (catalogReason != null) {
			return Wording.of("text", catalogReason);
		}
		return Boolean.FALSE.equals(inCatalog) ? Wording.of("consultation.catalog.notListed") : null;
	}

	/** {@link #catalogReason()} in a reader's language; null before the catalog was asked. */
	public String catalogReasonIn(MessageSource messages, Locale locale) {
		Wording reason = catalogReason();
		return reason == null ? null : reason.render(messages, locale);
	}

	public ConsultationLevel getLevel() {
		return level;
	}

	public Integer getNoticeDays() {
		return noticeDays;
	}

	public Integer getPublicityDays() {
		return publicityDays;
	}

	public int getRound() {
		return round;
	}

	public RoundResult getResult() {
		return result;
	}

	public String getResultReason() {
		return resultReason;
	}

	public Instant getPublicityEndsAt() {
		return publicityEndsAt;
	}

	public String getApplicationReport() {
		return applicationReport;
	}

	public String getAppliedBy() {
		return appliedBy;
	}

	public Instant getAppliedAt() {
		return appliedAt;
	}

	public Instant getReportedBackAt() {
		return reportedBackAt;
	}

	public Instant getConcludedAt() {
		return concludedAt;
	}

	public Instant getClosedAt() {
		return closedAt;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public List<ConsultationParticipant> getParticipants() {
		return List.copyOf(participants);
	}

	public List<ConsultationRound> getRounds() {
		return List.copyOf(rounds);
	}

	public List<ConsultationObjection> getObjections() {
		return List.copyOf(objections);
	}

	public List<ConsultationEvent> getHistory() {
		return List.copyOf(history);
	}
}
