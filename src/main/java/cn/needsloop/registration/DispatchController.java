package cn.needsloop.registration;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.needsloop.registration.RegistrationRequests.Answer;
import cn.needsloop.registration.RegistrationRequests.RecordHours;
import cn.needsloop.registration.RegistrationRequests.RequestDispatch;
import cn.needsloop.system.CurrentActor;
import cn.needsloop.system.Idempotent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/dispatches")
@Tag(name = "dispatches", description = "党员志愿服务派单：派单、答复、服务时长 (volunteer dispatch)")
class DispatchController {

	private final DispatchService service;

	DispatchController(DispatchService service) {
		this.service = service;
	}

	@PostMapping
	@Idempotent
	@Operation(summary = "派单（街道社区随叫）Call registered party members for a need or a project")
	ResponseEntity<DispatchView> request(@Valid @RequestBody RequestDispatch request) {
		var actor = CurrentActor.get();
		Dispatch dispatch = service.request(request, actor);
		return ResponseEntity.created(URI.create("/api/dispatches/" + dispatch.getId()))
			.body(service.view(dispatch.getId(), actor));
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看派单及答复 A dispatch with its invitations and hours")
	DispatchView get(@PathVariable Long id) {
		return service.view(id, CurrentActor.get());
	}

	@GetMapping
	@Operation(summary = "社区的派单 Dispatches of a community")
	List<DispatchView> list(@RequestParam(required = false) String communityCode) {
		return service.list(communityCode, CurrentActor.get());
	}

	@PostMapping("/{id}/answers")
	@Operation(summary = "接受或谢绝派单（组织党员随到）Accept or decline an invitation")
	DispatchView answer(@PathVariable Long id, @Valid @RequestBody Answer request) {
		var actor = CurrentActor.get();
		service.answer(id, request, actor);
		return service.view(id, actor);
	}

	@PostMapping("/{id}/hours")
	@Idempotent
	@Operation(summary = "登记服务时长 Record the hours a registrant served")
	DispatchView recordHours(@PathVariable Long id, @Valid @RequestBody RecordHours request) {
		var actor = CurrentActor.get();
		service.recordHours(id, request, actor);
		return service.view(id, actor);
	}
}
