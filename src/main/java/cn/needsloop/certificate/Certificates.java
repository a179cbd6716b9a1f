package cn.needsloop.certificate;

import org.springframework.data.jpa.repository.JpaRepository;

import cn.needsloop.system.ProblemException;

public interface Certificates extends JpaRepository<Certificate, Long> {

	default Certificate require(Long id) {
		return findById(id).orElseThrow(() -> ProblemException.notFound("certificate", id));
	}
}
