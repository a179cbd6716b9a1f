package cn.needsloop.evaluation;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import cn.needsloop.design.ProjectRatings;

/** The ratings projects were given, as the design phase shows them on the projects. */
@Component
class StoredProjectRatings implements ProjectRatings {

	private final Evaluations evaluations;

	StoredProjectRatings(Evaluations evaluations) {
		this.evaluations = evaluations;
	}

	@Override
	public List<Rating> of(Long projectId) {
		return evaluations.findByProjectIdOrderByIdAsc(projectId).stream().map(StoredProjectRatings::rating).toList();
	}

	@Override
	public Map<Long, List<Rating>> of(Collection<Long> projectIds) {
		return evaluations.findByProjectIdInOrderByIdAsc(projectIds).stream()
			.map(StoredProjectRatings::rating)
			.collect(Collectors.groupingBy(Rating::projectId, LinkedHashMap::new, Collectors.toList()));
	}

	@Override
	public List<Rating> givenOnProjectsOf(String claimantCode, int max) {
		return evaluations.givenOnProjectsOf(claimantCode, PageRequest.of(0, max)).stream()
			.map(StoredProjectRatings::rating)
			.toList();
	}

	@Override
	public List<Rating> receivedOnProjectsOf(String claimantCode, int max) {
		return evaluations.receivedOnProjectsOf(claimantCode, PageRequest.of(0, max)).stream()
			.map(StoredProjectRatings::rating)
			.toList();
	}

	private static Rating rating(Evaluation e) {
		return new Rating(e.getProjectId(), e.getPerspective().name(), e.getNeedId(), e.getRound(), e.getScore(),
				e.getComment(), e.getRater(), e.getCreatedAt());
	}
}
