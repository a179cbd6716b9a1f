package cn.needsloop.intake;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface NeedHistory extends JpaRepository<NeedHistoryEntry, Long> {

	List<NeedHistoryEntry> findByNeedIdOrderByAtAscIdAsc(Long needId);
}
