package cn.needsloop.evaluation;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Evaluations extends JpaRepository<Evaluation, Long> {

	List<Evaluation> findByProjectIdOrderByIdAsc(Long projectId);

	/** The ratings of a page of projects at once. */
	List<Evaluation> findByProjectIdInOrderByIdAsc(Collection<Long> projectIds);

	List<Evaluation> findByProjectIdAndRound(Long projectId, int round);

	/** The newest ratings an implementer gave on its projects, as many as the pageable's size. */
	@Query("select e from Evaluation e where e.projectId in (select p.id from ServiceProject p where p.claimantCode = :claimant)"
			+ " and e.perspective = cn.needsloop.evaluation.Perspective.IMPLEMENTER order by e.id desc")
	List<Evaluation> givenOnProjectsOf(String claimant, Pageable pageable);

	/** The newest ratings an implementer's projects received (residents', the community's), as many as the pageable's size. */
	@Query("select e from Evaluation e where e.projectId in (select p.id from ServiceProject p where p.claimantCode = :claimant)"
			+ " and e.perspective <> cn.needsloop.evaluation.Perspective.IMPLEMENTER order by e.id desc")
	List<Evaluation> receivedOnProjectsOf(String claimant, Pageable pageable);
}
