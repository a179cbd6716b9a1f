package cn.needsloop.certificate;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.needsloop.certificate.CertificateRequests.Decision;
import cn.needsloop.certificate.CertificateRequests.RequestCertificate;
import cn.needsloop.system.CurrentActor;
import cn.needsloop.system.Idempotent;
import cn.needsloop.system.PersonalData.Revealed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/certificates")
@Tag(name = "certificates", description = "证明开具：清单内由民需管家开具，清单外当即告知依据和办理去处 (certificate requests)")
class CertificateController {

	private final CertificateService service;

	CertificateController(CertificateService service) {
		this.service = service;
	}

	@PostMapping
	@Idempotent
	@Operation(summary = "申请开具证明；清单外的证明当即答复（状态 NOT_ISSUED_BY_COMMUNITY，附依据和去处） Request a certificate")
	ResponseEntity<CertificateView> request(@Valid @RequestBody RequestCertificate request) {
		var actor = CurrentActor.get();
		Certificate certificate = service.request(request, actor);
		return ResponseEntity.created(URI.create("/api/certificates/" + certificate.getId()))
			.body(service.view(certificate.getId(), actor));
	}

	@GetMapping("/{id}")
	@Operation(summary = "证明申请及其结果 A certificate request and its outcome")
	CertificateView get(@PathVariable Long id) {
		return service.view(id, CurrentActor.get());
	}

	@PostMapping("/{id}/applicant-phone/reveal")
	@Operation(summary = "查看申请人完整电话（本社区民需管家，留痕）Reveal the applicant's phone number (the community's steward; recorded)")
	Revealed revealApplicantPhone(@PathVariable Long id) {
		return service.revealApplicantPhone(id, CurrentActor.get());
	}

	@PostMapping("/{id}/decision")
	@Operation(summary = "开具或不予开具（本社区民需管家） The steward issues or declines")
	CertificateView decide(@PathVariable Long id, @Valid @RequestBody Decision request) {
		var actor = CurrentActor.get();
		service.decide(id, request, actor);
		return service.view(id, actor);
	}
}
