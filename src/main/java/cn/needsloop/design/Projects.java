package cn.needsloop.design;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import cn.needsloop.shared.ProblemException;

public interface Projects extends JpaRepository<ServiceProject, Long> {

	List<ServiceProject> findByStatusInOrderByIdDesc(List<ProjectStatus> statuses);

	List<ServiceProject> findAllByOrderByIdDesc();

	List<ServiceProject> findByClaimantCodeOrderByIdDesc(String claimantCode);

	default ServiceProject require(Long id) {
		return findById(id).orElseThrow(() -> ProblemException.notFound("project", id));
	}

	/**
	 * Takes a published project for one organisation. The row lock makes concurrent claims queue up
	 * behind each other: exactly one finds the project still unclaimed.
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update ServiceProject p set p.claimantCode = :organization, p.version = p.version + 1 "
			+ "where p.id = :id and p.claimantCode is null and p.status = cn.needsloop.design.ProjectStatus.PUBLISHED "
			+ "and p.claimDeadline > :now")
	int takeForClaim(Long id, String organization, Instant now);
}
