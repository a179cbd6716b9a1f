package cn.needsloop.consultation;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import cn.needsloop.shared.ProblemException;

public interface Consultations extends JpaRepository<Consultation, Long>, JpaSpecificationExecutor<Consultation> {

	default Consultation require(Long id) {
		return findById(id).orElseThrow(() -> ProblemException.notFound("consultation", id));
	}
}
