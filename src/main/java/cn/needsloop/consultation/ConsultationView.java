package cn.needsloop.consultation;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;

import cn.needsloop.system.Disclosure;

/**
 * A consultation as the API shows it; the list leaves out rounds, objections and history. Consultations are open
 * to everyone signed in, but who proposed, recorded, objected or acted, and the names of participating persons,
 * are shown only to those who serve it (managers, the community's stewards and its self-governance line, see
 * {@link ConsultationService#servedBy}); everyone else reads roles (居民) and masked names (王**).
 */
public record ConsultationView(Long id, String processInstanceId, String communityCode, String topic,
		TopicType topicType, String description, Long projectId, String proposedBy, ConsultationStatus status,
		Boolean inCatalog, String catalogReason, ConsultationLevel level, Set<ParticipantKind> requiredParticipants,
		Integer noticeDays, Integer publicityDays, int round, List<ParticipantView> participants, AgendaView agenda,
		VotesView votes, RoundResult result, String resultReason, Instant publicityEndsAt, String applicationReport,
		Instant appliedAt, Instant reportedBackAt, Instant concludedAt, Instant createdAt, List<RoundView> rounds,
		List<ObjectionView> objections, List<HistoryView> history) {

	public record ParticipantView(String name, ParticipantKind kind) {
	}

	/** The agenda of the current round. */
	public record AgendaView(int round, List<String> items, Instant meetingAt, Instant publishedAt) {
	}

	/** The votes of the last recorded meeting. */
	public record VotesView(int round, int attendees, int votesFor, int votesAgainst, int votesAbstain) {
	}

	public record RoundView(int round, List<String> agenda, Instant meetingAt, Instant publishedAt, Integer attendees,
			String opinions, Integer votesFor, Integer votesAgainst, Integer votesAbstain, RoundResult result,
			String reason, String recordedBy, Instant recordedAt) {
	}

	public record ObjectionView(int round, String text, String raisedBy, Instant raisedAt) {
	}

	public record HistoryView(String activity, String actor, Instant at) {
	}

	/** The consultation for a reader: what the application wrote in it (description, history) in their language. */
	static ConsultationView of(Consultation c, boolean details, Disclosure disclosure, MessageSource messages,
			Locale reader) {
		List<ConsultationRound> rounds = c.getRounds();
		ConsultationRound current = rounds.isEmpty() ? null : rounds.get(rounds.size() - 1);
		ConsultationRound voted = rounds.stream().filter(r -> r.getRecordedAt() != null).reduce((a, b) -> b).orElse(null);
		return new ConsultationView(c.getId(), c.getProcessInstanceId(), c.getCommunityCode(), c.getTopic(),
				c.getTopicType(), c.descriptionIn(messages, reader), c.getProjectId(), disclosure.person(c.getProposedBy()),
				c.getStatus(),
				c.getInCatalog(), c.catalogReasonIn(messages, reader), c.getLevel(), c.getRequiredKinds(), c.getNoticeDays(),
				c.getPublicityDays(), c.getRound(),
				c.getParticipants().stream()
					.map(p -> new ParticipantView(
							p.getKind().isBody() ? p.getName() : disclosure.name(p.getName(), null), p.getKind()))
					.toList(),
				current == null ? null
						: new AgendaView(current.getRoundNo(), current.getAgenda().lines().toList(), current.getMeetingAt(),
								current.getPublishedAt()),
				voted == null ? null
						: new VotesView(voted.getRoundNo(), voted.getAttendees(), voted.getVotesFor(),
								voted.getVotesAgainst(), voted.getVotesAbstain()),
				c.getResult(), c.getResultReason(), c.getPublicityEndsAt(), c.getApplicationReport(), c.getAppliedAt(),
				c.getReportedBackAt(), c.getConcludedAt(), c.getCreatedAt(),
				details ? rounds.stream()
					.map(r -> new RoundView(r.getRoundNo(), r.getAgenda().lines().toList(), r.getMeetingAt(),
							r.getPublishedAt(), r.getAttendees(), r.getOpinions(), r.getVotesFor(), r.getVotesAgainst(),
							r.getVotesAbstain(), r.getResult(), r.getReason(), disclosure.person(r.getRecordedBy()),
							r.getRecordedAt()))
					.toList() : null,
				details ? c.getObjections().stream()
					.map(o -> new ObjectionView(o.getRoundNo(), o.getText(), disclosure.person(o.getRaisedBy()),
							o.getRaisedAt()))
					.toList() : null,
				details ? c.getHistory().stream()
					.map(h -> new HistoryView(h.activityIn(messages, reader), disclosure.person(h.getActor()), h.getAt()))
					.toList() : null);
	}
}
