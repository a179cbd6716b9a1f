package cn.needsloop.field;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface HouseholdViewLog extends JpaRepository<HouseholdViewEntry, Long> {

	List<HouseholdViewEntry> findByHouseholdIdOrderByIdAsc(Long householdId);

	List<HouseholdViewEntry> findByViewedByOrderByIdAsc(String viewedBy);
}
