package cn.needsloop.field;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SpotSettlements extends JpaRepository<SpotSettlement, Long> {

	Optional<SpotSettlement> findByNeedId(Long needId);
}
