package cn.needsloop.routing;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.needsloop.routing.StepChangeController.AskExtension;
import cn.needsloop.routing.StepChangeController.DecideExtension;
import cn.needsloop.routing.StepChangeController.ExtensionAsked;
import cn.needsloop.system.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * 延期 of a service project's or a community consultation's step through the API: the same requests and the same
 * service as a need's ({@link StepChangeController}), the same steps as Tasklist.
 */
@RestController
@Validated
class CaseExtensionController {

	private final StepChangeService service;

	CaseExtensionController(StepChangeService service) {
		this.service = service;
	}

	@PostMapping("/api/projects/{id}/extension")
	@Tag(name = "projects")
	@Operation(summary = "申请延期 Ask for more time for a step of the project one holds")
	ExtensionAsked askForProject(@PathVariable Long id, @Valid @RequestBody AskExtension request) {
		return asked(service.requestExtension(StepChange.CaseKind.PROJECT, id, request.taskId(), request.due(),
				request.reason(), CurrentActor.get()));
	}

	@PostMapping("/api/projects/{id}/extension/decision")
	@Tag(name = "projects")
	@Operation(summary = "审批延期 Grant or refuse the project's pending extension (the community's stewards' lead, else the manager)")
	ResponseEntity<Void> decideForProject(@PathVariable Long id, @Valid @RequestBody DecideExtension request) {
		service.decideExtension(StepChange.CaseKind.PROJECT, id, request.granted(), request.note(), CurrentActor.get());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/consultations/{id}/extension")
	@Tag(name = "consultations")
	@Operation(summary = "申请延期 Ask for more time for a step of the consultation one holds")
	ExtensionAsked askForConsultation(@PathVariable Long id, @Valid @RequestBody AskExtension request) {
		return asked(service.requestExtension(StepChange.CaseKind.CONSULTATION, id, request.taskId(), request.due(),
				request.reason(), CurrentActor.get()));
	}

	@PostMapping("/api/consultations/{id}/extension/decision")
	@Tag(name = "consultations")
	@Operation(summary = "审批延期 Grant or refuse the consultation's pending extension (the community's stewards' lead, else the manager)")
	ResponseEntity<Void> decideForConsultation(@PathVariable Long id, @Valid @RequestBody DecideExtension request) {
		service.decideExtension(StepChange.CaseKind.CONSULTATION, id, request.granted(), request.note(),
				CurrentActor.get());
		return ResponseEntity.noContent().build();
	}

	private static ExtensionAsked asked(StepChange asked) {
		return new ExtensionAsked(asked.getId(), asked.getTaskId(), asked.getDueBefore(), asked.getDueAsked());
	}
}
