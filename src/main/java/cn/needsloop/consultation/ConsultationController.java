package cn.needsloop.consultation;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.needsloop.consultation.ConsultationRequests.ApplyResult;
import cn.needsloop.consultation.ConsultationRequests.FixParticipants;
import cn.needsloop.consultation.ConsultationRequests.ProposeTopic;
import cn.needsloop.consultation.ConsultationRequests.PublishAgenda;
import cn.needsloop.consultation.ConsultationRequests.RaiseObjection;
import cn.needsloop.consultation.ConsultationRequests.RecordMeeting;
import cn.needsloop.system.CurrentActor;
import cn.needsloop.system.Idempotent;
import cn.needsloop.system.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@RequestMapping("/api/consultations")
@Tag(name = "consultations", description = "社区协商：议题、协商主体、议程、会议表决、公示异议、成果运用 (community consultation)")
@Validated
class ConsultationController {

	private final ConsultationService service;

	ConsultationController(ConsultationService service) {
		this.service = service;
	}

	@PostMapping
	@Idempotent
	@Operation(summary = "提出协商议题 Propose a topic")
	ResponseEntity<ConsultationView> propose(@Valid @RequestBody ProposeTopic request) {
		var actor = CurrentActor.get();
		Consultation consultation = service.propose(request, actor);
		return ResponseEntity.created(URI.create("/api/consultations/" + consultation.getId()))
			.body(service.view(consultation.getId(), actor));
	}

	@GetMapping
	@Operation(summary = "协商列表 A page of consultations")
	PageView<ConsultationView> list(@RequestParam(required = false) String communityCode,
			@RequestParam(required = false) ConsultationStatus status, @RequestParam(required = false) Long projectId,
			@RequestParam(defaultValue = "0") @Min(0) @Max(PageView.MAX_PAGE) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(PageView.MAX_SIZE) int size) {
		return PageView.of(service.list(communityCode, status, projectId, page, size, CurrentActor.get()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "协商详情（轮次、表决、结果、成果运用、历程）A consultation")
	ConsultationView get(@PathVariable Long id) {
		return service.view(id, CurrentActor.get());
	}

	@PostMapping("/{id}/participants")
	@Operation(summary = "确定协商主体 Fix the participants")
	ConsultationView participants(@PathVariable Long id, @Valid @RequestBody FixParticipants request) {
		var actor = CurrentActor.get();
		service.fixParticipants(id, request, actor);
		return service.view(id, actor);
	}

	@PostMapping("/{id}/agenda")
	@Operation(summary = "发布议程与会议时间 Publish the agenda and the meeting time")
	ConsultationView agenda(@PathVariable Long id, @Valid @RequestBody PublishAgenda request) {
		var actor = CurrentActor.get();
		service.publishAgenda(id, request, actor);
		return service.view(id, actor);
	}

	@PostMapping("/{id}/meeting")
	@Operation(summary = "记录协商会议（到会、意见、表决）Record the meeting")
	ConsultationView meeting(@PathVariable Long id, @Valid @RequestBody RecordMeeting request) {
		var actor = CurrentActor.get();
		service.recordMeeting(id, request, actor);
		return service.view(id, actor);
	}

	@PostMapping("/{id}/objections")
	@Idempotent
	@Operation(summary = "对公示结果提出异议 Object to the publicised result")
	ConsultationView objection(@PathVariable Long id, @Valid @RequestBody RaiseObjection request) {
		var actor = CurrentActor.get();
		service.raiseObjection(id, request, actor);
		return service.view(id, actor);
	}

	@PostMapping("/{id}/application")
	@Operation(summary = "提交成果运用报告 Report how the result was applied")
	ConsultationView application(@PathVariable Long id, @Valid @RequestBody ApplyResult request) {
		var actor = CurrentActor.get();
		service.applyResult(id, request, actor);
		return service.view(id, actor);
	}
}
