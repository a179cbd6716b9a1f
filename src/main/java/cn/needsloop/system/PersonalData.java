package cn.needsloop.system;

import cn.needsloop.shared.ProblemException;
import cn.needsloop.shared.Actor;
import java.time.Instant;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.process.TimeLimits;
import cn.needsloop.system.PersonalDataReveal.Record;

/**
 * Revealing a masked phone number and the log of reveals. Only a steward of the record's community may
 * reveal one, and every reveal is written down (who, when, which record, which field) in the same
 * transaction as it is answered; managers read the log. The features call {@link #reveal} with the
 * record they own.
 */
@Service
@Transactional
public class PersonalData {

	/** A revealed value, as the API answers it. */
	public record Revealed(Record record, Long recordId, String field, String value, Instant revealedAt)
			implements java.io.Serializable {
	}

	/** One line of the reveal log. */
	public record RevealView(Long id, String revealedBy, Record record, Long recordId, String field,
			String communityCode, Instant revealedAt) {

		static RevealView of(PersonalDataReveal r) {
			return new RevealView(r.getId(), r.getRevealedBy(), r.getRecordType(), r.getRecordId(), r.getField(),
					r.getCommunityCode(), r.getRevealedAt());
		}
	}

	private final PersonalDataReveals reveals;

	PersonalData(PersonalDataReveals reveals) {
		this.reveals = reveals;
	}

	/** The steward of the community reveals a field of a record; recorded, refused (403) to anyone else. */
	public Revealed reveal(Actor actor, String communityCode, Record record, Long recordId, String field,
			String value) {
		if (communityCode == null || !actor.isStewardOf(communityCode)) {
			throw ProblemException.forbidden("problem.reveal.stewardOnly", recordId);
		}
		PersonalDataReveal saved = reveals.save(new PersonalDataReveal(actor.userId(), record, recordId, field,
				communityCode, TimeLimits.nowInstant()));
		return new Revealed(record, recordId, field, value, saved.getRevealedAt());
	}

	/** The reveal log, newest first, for managers. */
	@Transactional(readOnly = true)
	public Page<RevealView> log(Actor actor, int page, int size) {
		if (!actor.isManager()) {
			throw ProblemException.forbidden("problem.reveal.logManagersOnly");
		}
		return reveals.findAllByOrderByRevealedAtDescIdDesc(PageRequest.of(page, size)).map(RevealView::of);
	}
}
