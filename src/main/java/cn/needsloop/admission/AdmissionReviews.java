package cn.needsloop.admission;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import cn.needsloop.shared.ProblemException;

public interface AdmissionReviews extends JpaRepository<AdmissionReview, Long> {

	default AdmissionReview require(Long id) {
		return findById(id).orElseThrow(() -> ProblemException.notFound("admissionReview", id));
	}

	Optional<AdmissionReview> findByProcessInstanceId(String processInstanceId);
}
