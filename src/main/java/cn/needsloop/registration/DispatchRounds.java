package cn.needsloop.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.notification.Notifier;
import cn.needsloop.notification.Recipient;
import cn.needsloop.process.Subject;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.shared.CommunityGroup;
import cn.needsloop.shared.ProblemException;
import cn.needsloop.shared.Wording;

/**
 * The steps of the process {@code volunteerDispatch} on the dispatch's records: rounds of invitations, the
 * answers counted, a round closed, the dispatch filled, escalated or resolved. Called by the process's delegates
 * and task steps; people's requests go through {@link DispatchService}.
 */
@Component
@Transactional
class DispatchRounds {

	private final Dispatches dispatches;

	private final DispatchOffers offers;

	private final Registrations registrations;

	private final DispatchPolicy policy;

	private final TimeLimits timeLimits;

	private final Notifier notifier;

	DispatchRounds(Dispatches dispatches, DispatchOffers offers, Registrations registrations, DispatchPolicy policy,
			TimeLimits timeLimits, Notifier notifier) {
		this.dispatches = dispatches;
		this.offers = offers;
		this.registrations = registrations;
		this.policy = policy;
		this.timeLimits = timeLimits;
		this.notifier = notifier;
	}

	/**
	 * Opens the next round: invites the next matching registrants (same community, offering the
	 * skill, not invited yet), at least as many as are still needed, and tells each of them (or the
	 * party line for those without an account).
	 * @return the registrations invited in this round
	 */
	List<Long> inviteNextBatch(Long dispatchId) {
		Dispatch dispatch = dispatches.require(dispatchId);
		int round = dispatch.getRound() + 1;
		dispatch.roundStarted(round);
		Instant now = TimeLimits.nowInstant();
		Instant due = timeLimits.due("dispatchAnswer").toInstant();
		List<PartyRegistration> batch = registrations.findUninvitedMatches(dispatch.getCommunityCode(),
				dispatch.getSkill(), dispatchId, Limit.of(policy.invitations(dispatch.stillNeeded())));
		List<Long> invited = new ArrayList<>();
		for (PartyRegistration registrant : batch) {
			offers.save(new DispatchOffer(dispatchId, registrant.getId(), round, now, due));
			invited.add(registrant.getId());
			Recipient recipient = registrant.getUsername() != null ? Recipient.user(registrant.getUsername())
					: Recipient.group(CommunityGroup.PARTY.of(dispatch.getCommunityCode()));
			notifier.notify(List.of(recipient), Wording.of("notification.dispatch.invited", dispatch.getSkill()),
					Wording.of("notification.dispatch.invited.body", registrant.getName(), dispatch.title(), dispatch.getAt(),
							due),
					subjectOf(dispatch), null);
		}
		return invited;
	}

	/** A registrant answered: record it; an acceptance counts towards the people needed. */
	int answered(Long dispatchId, Long registrationId, boolean accepted, String note, String actor) {
		Dispatch dispatch = dispatches.require(dispatchId);
		DispatchOffer offer = offers.findByDispatchIdAndRegistrationId(dispatchId, registrationId)
			.orElseThrow(() -> ProblemException.conflict("problem.dispatch.notInvited", registrationId, dispatchId));
		offer.answer(accepted, note, actor, TimeLimits.nowInstant());
		if (accepted) {
			dispatch.accepted();
		}
		return dispatch.getAcceptedCount();
	}

	/** The round is over: invitations still open expire. Whether there is anyone left to invite. */
	boolean closeRound(Long dispatchId) {
		Dispatch dispatch = dispatches.require(dispatchId);
		offers.findByDispatchIdAndStatus(dispatchId, DispatchOffer.Status.INVITED).forEach(DispatchOffer::expire);
		return !registrations.findUninvitedMatches(dispatch.getCommunityCode(), dispatch.getSkill(), dispatchId,
				Limit.of(1)).isEmpty();
	}

	/** Enough people accepted: the dispatch is filled, and those who accepted are told. */
	void filled(Long dispatchId) {
		Dispatch dispatch = dispatches.require(dispatchId);
		dispatch.filled(TimeLimits.nowInstant());
		List<Recipient> recipients = new ArrayList<>();
		recipients.add(Recipient.group(CommunityGroup.PARTY.of(dispatch.getCommunityCode())));
		offers.findByDispatchIdAndStatus(dispatchId, DispatchOffer.Status.ACCEPTED).stream()
			.map(o -> registrations.require(o.getRegistrationId()).getUsername())
			.filter(java.util.Objects::nonNull)
			.forEach(user -> recipients.add(Recipient.user(user)));
		notifier.notify(recipients, Wording.of("notification.dispatch.filled", dispatch.getSkill()),
				Wording.of("notification.dispatch.filled.body", dispatch.title(), dispatch.getAt()), subjectOf(dispatch), null);
	}

	void escalated(Long dispatchId) {
		dispatches.require(dispatchId).escalated();
	}

	void resolved(Long dispatchId, Dispatch.Resolution resolution, String note) {
		dispatches.require(dispatchId).resolved(resolution, note, TimeLimits.nowInstant());
	}

	PartyRegistration registration(Long id) {
		return registrations.require(id);
	}

	private static Subject subjectOf(Dispatch dispatch) {
		return new Subject(dispatch.getNeedId(), dispatch.getProjectId());
	}
}
