package cn.needsloop.certificate;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import cn.needsloop.shared.ProblemException;

public interface Certificates extends JpaRepository<Certificate, Long> {

	List<Certificate> findByApplicantUserOrderByIdDesc(String applicantUser, Pageable pageable);

	List<Certificate> findByCommunityCodeInOrderByIdDesc(Collection<String> communityCodes, Pageable pageable);

	List<Certificate> findByCommunityCodeInAndStatusOrderByIdDesc(Collection<String> communityCodes,
			CertificateStatus status, Pageable pageable);

	List<Certificate> findByStatusOrderByIdDesc(CertificateStatus status, Pageable pageable);

	List<Certificate> findAllByOrderByIdDesc(Pageable pageable);

	default Certificate require(Long id) {
		return findById(id).orElseThrow(() -> ProblemException.notFound("certificate", id));
	}
}
