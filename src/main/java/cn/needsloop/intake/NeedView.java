package cn.needsloop.intake;

import java.util.function.Function;

import cn.needsloop.shared.Urgency;
import cn.needsloop.shared.Channel;
import cn.needsloop.shared.Category;
import cn.needsloop.shared.Phase;
import java.time.Instant;
import java.util.List;

import cn.needsloop.shared.Line;
import cn.needsloop.system.Disclosure;

/**
 * A need as the API shows it, with its history. The reporter's phone is masked for everyone but the
 * reporter (a steward of the community reveals it with {@code POST /api/needs/{id}/reporter-phone/reveal});
 * who acted in the history reads as a role to a reader who does not serve the need ({@link Disclosure}).
 */
public record NeedView(Long id, String processInstanceId, String communityCode, String gridCode, Channel channel,
		String title, String description, NeedStatus status, Phase phase, Line line, Category category,
		Urgency urgency, Scope scope, Category proposedCategory, Urgency proposedUrgency, Scope proposedScope,
		Line proposedLine, boolean pooled, Long projectId, Long duplicateOfId, Outcome outcome, int round,
		VerificationVerdict verificationVerdict, Integer householdCount, String reporterName, String reporterPhone,
		Integer score, Instant reportedAt, Instant verificationDueAt, Instant closedAt, List<HistoryView> history,
		Reading reading, Integer peopleCount, Long householdId, String place) {

	/**
	 * What the text model read when the need was reported: the proposed category with its confidence (0–1) and the
	 * words that decided it, whether the text is urgent and the words that showed it, whether the reporter marked it
	 * urgent, whether the decision table asks a steward to look closely, and the model version.
	 */
	public record Reading(Category proposedCategory, Double confidence, List<String> decisiveWords, boolean textUrgent,
			List<String> urgencyWords, boolean reportedUrgent, Boolean stewardLook, String modelVersion) {
	}

	/** {@code by} is who acted as a person reads it: 王芳（民需管家）, 居民, 系统 ({@link Disclosure#by}). */
	public record HistoryView(int round, Phase phase, String activity, Line line, String actor, String by, Instant at) {
	}

	static NeedView of(Need n, List<NeedHistoryEntry> history, Disclosure disclosure,
			Function<NeedHistoryEntry, String> activity) {
		return new NeedView(n.getId(), n.getProcessInstanceId(), n.getCommunityCode(), n.getGridCode(), n.getChannel(),
				n.getTitle(), n.getDescription(), n.getStatus(), n.getPhase(), n.getLine(), n.getCategory(),
				n.getUrgency(), n.getScope(), n.getProposedCategory(), n.getProposedUrgency(), n.getProposedScope(),
				n.getProposedLine(), n.isPooled(), n.getProjectId(), n.getDuplicateOfId(), n.getOutcome(),
				n.getRound(), n.getVerificationVerdict(), n.getHouseholdCount(),
				disclosure.name(n.getReporterName(), n.getReporterUser()),
				disclosure.phone(n.getReporterPhone(), n.getReporterUser()), n.getNeedScore(), n.getReportedAt(),
				n.getVerificationDueAt(), n.getClosedAt(),
				history == null ? null
						: history.stream()
							.map(h -> new HistoryView(h.getRound(), h.getPhase(), activity.apply(h), h.getLine(),
									disclosure.person(h.getActor()), disclosure.by(h.getActor()), h.getAt()))
							.toList(),
				new Reading(n.getProposedCategory(), n.getProposalConfidence(), n.getDecisiveWords(), n.isTextUrgent(),
						n.getUrgencyWords(), n.isReportedUrgent(), n.getStewardLook(), n.getUnderstandingModel()),
				n.getPeopleCount(), n.getHouseholdId(), n.getPlace());
	}
}
