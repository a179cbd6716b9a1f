package cn.needsloop.field;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Patrols extends JpaRepository<Patrol, Long> {

	Optional<Patrol> findByWorkerUserAndPatrolDay(String workerUser, LocalDate day);

	List<Patrol> findByWorkerUserAndStatusOrderByPatrolDayDesc(String workerUser, Patrol.Status status);

	List<Patrol> findByCommunityCodeAndStatusOrderByPatrolDayAsc(String communityCode, Patrol.Status status);
}
