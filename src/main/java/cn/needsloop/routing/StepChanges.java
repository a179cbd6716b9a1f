package cn.needsloop.routing;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Extension requests, returns and transfers of the steps of needs, projects and consultations. */
public interface StepChanges extends JpaRepository<StepChange, Long> {

	long countByTaskIdAndKind(String taskId, StepChange.Kind kind);

	boolean existsByCaseKindAndCaseIdAndKindAndStatus(StepChange.CaseKind caseKind, Long caseId, StepChange.Kind kind,
			StepChange.Status status);

	List<StepChange> findByNeedIdOrderByIdAsc(Long needId);

	/** One row per kind, status, line and category: counts of a period, in some communities (all when the list is null). */
	@Query("""
			select c.kind as kind, c.status as status, c.line as line, c.category as category, count(c) as count
			from StepChange c
			where c.requestedAt >= :from and c.requestedAt < :before
			and (:allCommunities = true or c.communityCode in :communities)
			group by c.kind, c.status, c.line, c.category
			""")
	List<Count> counts(@Param("from") Instant from, @Param("before") Instant before,
			@Param("allCommunities") boolean allCommunities, @Param("communities") List<String> communities);

	/** A count of step changes of one kind, status, line and category. */
	interface Count {

		StepChange.Kind getKind();

		StepChange.Status getStatus();

		cn.needsloop.shared.Line getLine();

		cn.needsloop.shared.Category getCategory();

		long getCount();
	}
}
