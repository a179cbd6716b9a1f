package cn.needsloop.registration;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.needsloop.registration.RegistrationRequests.Register;
import cn.needsloop.system.CurrentActor;
import cn.needsloop.system.Idempotent;
import cn.needsloop.system.PersonalData.Revealed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/registrations")
@Tag(name = "registrations", description = "双报到：党组织和党员到社区报到 (dual registration)")
class RegistrationController {

	private final RegistrationService service;

	RegistrationController(RegistrationService service) {
		this.service = service;
	}

	@PostMapping
	@Idempotent
	@Operation(summary = "报到 Register a party organisation or member with a community")
	ResponseEntity<RegistrationView> register(@Valid @RequestBody Register request) {
		var actor = CurrentActor.get();
		PartyRegistration registration = service.register(request, actor);
		return ResponseEntity.created(URI.create("/api/registrations/" + registration.getId()))
			.body(service.view(registration.getId(), actor));
	}

	@PostMapping("/{id}/phone/reveal")
	@Operation(summary = "查看报到者完整电话（本社区民需管家，留痕）Reveal a registrant's phone number (the community's steward; recorded)")
	Revealed revealPhone(@PathVariable Long id) {
		return service.revealPhone(id, CurrentActor.get());
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看报到信息 A registration")
	RegistrationView get(@PathVariable Long id) {
		return service.view(id, CurrentActor.get());
	}

	@GetMapping
	@Operation(summary = "社区报到名册（可按技能筛选）Registrations of a community, optionally by skill")
	List<RegistrationView> list(@RequestParam(required = false) String communityCode,
			@RequestParam(required = false) String skill) {
		return service.list(communityCode, skill, CurrentActor.get());
	}

	@GetMapping("/kpis")
	@Operation(summary = "双报到指标：报到单位和党员、按时答复率、服务时长 Dual-registration KPIs over a period")
	RegistrationKpis kpis(@RequestParam(required = false) String communityCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return service.kpis(communityCode, from, to, CurrentActor.get());
	}
}
