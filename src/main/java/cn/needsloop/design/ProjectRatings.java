package cn.needsloop.design;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The ratings of a project, given in the evaluation phase. Design shows them on the project but
 * never reaches into that later phase: evaluation answers this interface.
 */
public interface ProjectRatings {

	/** The project's ratings, oldest first; empty before its evaluation. */
	List<Rating> of(Long projectId);

	/** The ratings of many projects at once (a page of them), by project, oldest first. */
	Map<Long, List<Rating>> of(Collection<Long> projectIds);

	/** The newest ratings an implementer gave on its projects, at most {@code max}. */
	List<Rating> givenOnProjectsOf(String claimantCode, int max);

	/** The newest ratings an implementer's projects received (residents', the community's), at most {@code max}. */
	List<Rating> receivedOnProjectsOf(String claimantCode, int max);

	/** One rating as given: of which project, whose perspective, for which need and round, by whom (an account id). */
	record Rating(Long projectId, String perspective, Long needId, int round, int score, String comment, String rater,
			Instant ratedAt) {
	}
}
