package cn.needsloop.intake;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface NeedSupporters extends JpaRepository<NeedSupporter, Long> {

	boolean existsByNeedIdAndUserId(Long needId, String userId);

	List<NeedSupporter> findByUserIdOrderByJoinedAtDesc(String userId);

	long countByNeedId(Long needId);
}
