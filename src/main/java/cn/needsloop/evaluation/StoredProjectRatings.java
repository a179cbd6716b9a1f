package cn.needsloop.evaluation;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.needsloop.design.ProjectRatings;

/** The ratings a project was given, as the design phase shows them on the project. */
@Component
class StoredProjectRatings implements ProjectRatings {

	private final Evaluations evaluations;

	StoredProjectRatings(Evaluations evaluations) {
		this.evaluations = evaluations;
	}

	@Override
	public List<Rating> of(Long projectId) {
		return evaluations.findByProjectIdOrderByIdAsc(projectId).stream()
			.map(e -> new Rating(e.getPerspective().name(), e.getNeedId(), e.getRound(), e.getScore(), e.getComment(),
					e.getRater(), e.getCreatedAt()))
			.toList();
	}
}
