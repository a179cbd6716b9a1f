package cn.needsloop.evaluation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Evaluations extends JpaRepository<Evaluation, Long> {

	List<Evaluation> findByProjectIdOrderByIdAsc(Long projectId);

	List<Evaluation> findByProjectIdAndRound(Long projectId, int round);
}
