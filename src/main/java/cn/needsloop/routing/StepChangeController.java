package cn.needsloop.routing;

import java.time.Instant;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.needsloop.shared.Line;
import cn.needsloop.system.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** 延期、退单、转办 of a need's step through the API; the same service as the pages, the same steps as Tasklist. */
@RestController
@RequestMapping("/api/needs/{id}")
@Tag(name = "needs", description = "民需：上报、核实、分类、办理、确认 (report, verify, classify, resolve, confirm)")
@Validated
class StepChangeController {

	/** 申请延期: the step (its task id; the first the caller holds when left out), until when, why. */
	record AskExtension(@Size(max = 64) String taskId, @NotNull Instant due, @NotBlank @Size(max = 1000) String reason) {
	}

	/** 审批延期. */
	record DecideExtension(@NotNull Boolean granted, @Size(max = 1000) String note) {
	}

	/** 退单. */
	record ReturnStep(@NotBlank @Size(max = 1000) String reason) {
	}

	/** 重新派单: {@code line} for ANOTHER_LINE, {@code communityCode} for TRANSFER. */
	record Reroute(@NotNull RerouteDecision decision, Line line, @Size(max = 32) String communityCode,
			@NotBlank @Size(max = 1000) String note) {
	}

	/** 转办. */
	record Transfer(@NotBlank @Size(max = 32) String communityCode, @NotBlank @Size(max = 1000) String reason) {
	}

	/** The request as recorded. */
	record ExtensionAsked(Long requestId, String taskId, Instant dueBefore, Instant dueAsked) {
	}

	private final StepChangeService service;

	StepChangeController(StepChangeService service) {
		this.service = service;
	}

	@PostMapping("/extension")
	@Operation(summary = "申请延期 Ask for more time for a step one holds")
	ExtensionAsked askExtension(@PathVariable Long id, @Valid @RequestBody AskExtension request) {
		StepChange asked = service.requestExtension(id, request.taskId(), request.due(), request.reason(), CurrentActor.get());
		return new ExtensionAsked(asked.getId(), asked.getTaskId(), asked.getDueBefore(), asked.getDueAsked());
	}

	@PostMapping("/extension/decision")
	@Operation(summary = "审批延期 Grant or refuse the pending extension (the manager)")
	ResponseEntity<Void> decideExtension(@PathVariable Long id, @Valid @RequestBody DecideExtension request) {
		service.decideExtension(id, request.granted(), request.note(), CurrentActor.get());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/return")
	@Operation(summary = "退单 Return a need's resolution that is not one's line's, with a reason")
	ResponseEntity<Void> returnStep(@PathVariable Long id, @Valid @RequestBody ReturnStep request) {
		service.returnTask(id, request.reason(), CurrentActor.get());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/reroute")
	@Operation(summary = "重新派单 Re-route a returned need: another line, reclassify, or transfer")
	ResponseEntity<Void> reroute(@PathVariable Long id, @Valid @RequestBody Reroute request) {
		service.reroute(id, request.decision(), request.line(), request.communityCode(), request.note(), CurrentActor.get());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/transfer")
	@Operation(summary = "转办 Transfer a need to another community (the steward)")
	ResponseEntity<Void> transfer(@PathVariable Long id, @Valid @RequestBody Transfer request) {
		service.transfer(id, request.communityCode(), request.reason(), CurrentActor.get());
		return ResponseEntity.noContent().build();
	}
}
