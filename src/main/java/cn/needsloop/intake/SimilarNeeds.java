package cn.needsloop.intake;

import java.time.Instant;
import java.util.List;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.community.Communities;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.shared.Actor;
import cn.needsloop.shared.Category;
import cn.needsloop.shared.Wording;
import cn.needsloop.shared.ProblemException;
import cn.needsloop.understanding.NeedSimilarity;
import cn.needsloop.understanding.NeedUnderstanding;

/**
 * Similar open needs of a community (issue 13): offered while a need is being reported ("这些诉求可能和您的一样",
 * with 我也有此需求) and to the steward who verifies a need (ranked with a score, one click to mark it a duplicate).
 * The same rules for the API and the pages. A suggestion never blocks a report: reporting does not ask for one.
 */
@Service
@Transactional
public class SimilarNeeds {

	/** Suggestions offered to someone reporting. */
	static final int OFFERED = 3;

	/** Suggestions shown to the steward verifying a need. */
	static final int FOR_STEWARD = 5;

	private final SimilarNeedIndex index;

	private final Needs needs;

	private final NeedSupporters supporters;

	private final NeedLog log;

	private final Communities communities;

	private final NeedUnderstanding understanding;

	SimilarNeeds(SimilarNeedIndex index, Needs needs, NeedSupporters supporters, NeedLog log, Communities communities,
			NeedUnderstanding understanding) {
		this.index = index;
		this.needs = needs;
		this.supporters = supporters;
		this.log = log;
		this.communities = communities;
		this.understanding = understanding;
	}

	/** A need as a suggestion shows it: no reporter, no description; the score from 0 to 100. */
	public record SimilarNeed(long id, String title, Category category, String gridCode, Instant reportedAt,
			int households, Integer people, int score, boolean samePlace) implements java.io.Serializable {

		static SimilarNeed of(SimilarNeedIndex.Found found) {
			return new SimilarNeed(found.needId(), found.title(),
					found.category() == null ? null : Category.valueOf(found.category()), found.gridCode(),
					found.reportedAt(), found.householdCount() == null ? 1 : found.householdCount(), found.peopleCount(),
					(int) Math.round(found.score().value() * 100),
					found.score().place() == NeedSimilarity.Place.SAME);
		}
	}

	/** What is being written in the report form. */
	public record Draft(String communityCode, String gridCode, String title, String description)
			implements java.io.Serializable {

		boolean isEmpty() {
			return (title == null || title.isBlank()) && (description == null || description.isBlank());
		}
	}

	/** The household that has the need too, and how many people it is. */
	public record MeToo(String name, String phone, int people) {
	}

	/** The need as joined: its households and people now. */
	public record Joined(long needId, String title, int households, Integer people) implements java.io.Serializable {
	}

	/** Open needs of the draft's community like it, for anyone reporting there. */
	@Transactional(readOnly = true)
	public List<SimilarNeed> whileReporting(Draft draft) {
		if (draft.communityCode() == null || !communities.existsById(draft.communityCode())) {
			throw ProblemException.badField("communityCode", "problem.community.unknown", draft.communityCode());
		}
		if (draft.isEmpty()) {
			return List.of();
		}
		String grid = draft.gridCode() == null || draft.gridCode().isBlank() ? null : draft.gridCode().trim();
		String category = understanding.read(draft.title(), draft.description()).category();
		return index
			.similar(new SimilarNeedIndex.Query(draft.communityCode(), grid, draft.title(), draft.description(),
					category, TimeLimits.nowInstant(), null), NeedSimilarity.SUGGEST_FROM, OFFERED)
			.stream()
			.map(SimilarNeed::of)
			.toList();
	}

	/** Open needs of the community like this one, for its steward (at verification). */
	@Transactional(readOnly = true)
	public List<SimilarNeed> forSteward(Long id, Actor actor) {
		Need need = needs.require(id);
		if (!actor.isStewardOf(need.getCommunityCode())) {
			throw ProblemException.forbidden("problem.need.stewardOnly", id);
		}
		String category = need.getCategory() != null ? need.getCategory().name()
				: need.getProposedCategory() == null ? null : need.getProposedCategory().name();
		return index
			.similar(new SimilarNeedIndex.Query(need.getCommunityCode(), need.getGridCode(), need.getTitle(),
					need.getDescription(), category, need.getReportedAt(), need.getId()), NeedSimilarity.SUGGEST_FROM,
					FOR_STEWARD)
			.stream()
			.map(SimilarNeed::of)
			.toList();
	}

	/**
	 * 我也有此需求: the actor's household joins an open need instead of reporting it again. It counts one more household
	 * and its people (which the consultation threshold of a project reads); the reporter and a household that joined
	 * already cannot join.
	 */
	public Joined meToo(Long id, MeToo request, Actor actor) {
		List<Need> locked = needs.lockAll(List.of(id));
		if (locked.isEmpty()) {
			throw ProblemException.notFound("need", id);
		}
		Need need = locked.get(0);
		if (!need.isOpen()) {
			throw ProblemException.conflict("problem.need.closed", id);
		}
		if (actor.userId().equals(need.getReporterUser())) {
			throw ProblemException.conflict("problem.similar.ownNeed", id);
		}
		if (supporters.existsByNeedIdAndUserId(id, actor.userId())) {
			throw ProblemException.conflict("problem.similar.alreadyJoined", id);
		}
		try {
			supporters.saveAndFlush(new NeedSupporter(id, actor.userId(), request.name().trim(), request.phone().trim(),
					request.people(), TimeLimits.nowInstant()));
		}
		catch (DataIntegrityViolationException joinedAtOnce) {
			throw ProblemException.conflict("problem.similar.alreadyJoined", id);
		}
		need.joinedBy(request.people());
		log.record(need, need.getPhase(),
				Wording.of("history.need.joined", request.people(), need.getHouseholdCount()), null, actor.userId());
		return new Joined(need.getId(), need.getTitle(), need.getHouseholdCount(), need.getPeopleCount());
	}
}
