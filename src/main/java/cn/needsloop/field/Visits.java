package cn.needsloop.field;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Visits extends JpaRepository<Visit, Long> {

	List<Visit> findByPatrolIdOrderByVisitedAtAscIdAsc(Long patrolId);

	List<Visit> findByHouseholdIdOrderByVisitedAtDescIdDesc(Long householdId);

	List<Visit> findByNeedIdOrderByIdAsc(Long needId);

	long countByPatrolId(Long patrolId);
}
