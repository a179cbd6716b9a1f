package cn.needsloop.design;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import cn.needsloop.shared.Category;
import cn.needsloop.shared.ProblemException;

public interface Projects extends JpaRepository<ServiceProject, Long> {

	List<ServiceProject> findByStatusInOrderByIdDesc(List<ProjectStatus> statuses);

	List<ServiceProject> findAllByOrderByIdDesc();

	List<ServiceProject> findByClaimantCodeOrderByIdDesc(String claimantCode);

	/** A page of the projects of one status (every status when null), in the pageable's order. */
	@Query("select p from ServiceProject p where :status is null or p.status = :status")
	Page<ServiceProject> findPage(ProjectStatus status, Pageable pageable);

	/** A page of what an organisation may see: the published projects and its own, of one status when given. */
	@Query("select p from ServiceProject p where (p.status = cn.needsloop.design.ProjectStatus.PUBLISHED"
			+ " or p.claimantCode = :own) and (:status is null or p.status = :status)")
	Page<ServiceProject> findPageVisibleTo(String own, ProjectStatus status, Pageable pageable);

	Page<ServiceProject> findByClaimantCode(String claimantCode, Pageable pageable);

	/** A page of the projects in any of these statuses (read through {@code ix_project_status}). */
	Page<ServiceProject> findByStatusIn(Collection<ProjectStatus> statuses, Pageable pageable);

	Page<ServiceProject> findByStatusAndCategoryIn(ProjectStatus status, Collection<Category> categories,
			Pageable pageable);

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
