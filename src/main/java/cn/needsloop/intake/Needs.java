package cn.needsloop.intake;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

public interface Needs extends JpaRepository<Need, Long>, JpaSpecificationExecutor<Need> {

	List<Need> findByProjectId(Long projectId);

	/** The needs of a page of projects at once. */
	List<Need> findByProjectIdInOrderByIdAsc(java.util.Collection<Long> projectIds);

	List<Need> findByIdIn(List<Long> ids);

	Page<Need> findByReporterUser(String reporterUser, Pageable pageable);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select n from Need n where n.id in :ids order by n.id")
	List<Need> lockAll(List<Long> ids);

	default Need require(Long id) {
		return findById(id).orElseThrow(() -> cn.needsloop.shared.ProblemException.notFound("need", id));
	}

	Optional<Need> findByProcessInstanceId(String processInstanceId);
}
