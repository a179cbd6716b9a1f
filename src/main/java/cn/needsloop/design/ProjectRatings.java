package cn.needsloop.design;

import java.time.Instant;
import java.util.List;

/**
 * The ratings of a project, given in the evaluation phase. Design shows them on the project but
 * never reaches into that later phase: evaluation answers this interface.
 */
public interface ProjectRatings {

	/** The project's ratings, oldest first; empty before its evaluation. */
	List<Rating> of(Long projectId);

	/** One rating as given: whose perspective, for which need and round, by whom (an account id). */
	record Rating(String perspective, Long needId, int round, int score, String comment, String rater,
			Instant ratedAt) {
	}
}
