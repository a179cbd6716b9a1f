package cn.needsloop.registration;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

import cn.needsloop.shared.ProblemException;

public interface Dispatches extends JpaRepository<Dispatch, Long> {

	List<Dispatch> findByCommunityCodeOrderByIdDesc(String communityCode);

	List<Dispatch> findAllByOrderByIdDesc();

	default Dispatch require(Long id) {
		return findById(id).orElseThrow(() -> ProblemException.notFound("dispatch", id));
	}
}
