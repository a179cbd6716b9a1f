package cn.needsloop.admission;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.needsloop.admission.WorkItemRequests.ContractReview;
import cn.needsloop.admission.WorkItemRequests.ListRevision;
import cn.needsloop.admission.WorkItemRequests.SubmitWorkItem;
import cn.needsloop.admission.WorkItemView.ListVersion;
import cn.needsloop.system.CurrentActor;
import cn.needsloop.system.Idempotent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/work-items")
@Tag(name = "work-items", description = "社区工作事项准入：部门提交、准入清单判定、购买服务合同审核、清单修订 (work-item admission)")
class WorkItemController {

	private final WorkItemService service;

	WorkItemController(WorkItemService service) {
		this.service = service;
	}

	@PostMapping
	@Idempotent
	@Operation(summary = "部门提交拟交由社区落实的工作事项 A department submits a work item for communities")
	ResponseEntity<WorkItemView> submit(@Valid @RequestBody SubmitWorkItem request) {
		var actor = CurrentActor.get();
		WorkItem item = service.submit(request, actor);
		return ResponseEntity.created(URI.create("/api/work-items/" + item.getId())).body(service.view(item.getId(), actor));
	}

	@GetMapping("/{id}")
	@Operation(summary = "工作事项及其准入结论和依据 A work item with its decision and the rule that made it")
	WorkItemView get(@PathVariable Long id) {
		return service.view(id, CurrentActor.get());
	}

	@PostMapping("/{id}/contract-review")
	@Operation(summary = "审核购买服务合同（街道/区民政局）The manager reviews a purchased-service contract")
	WorkItemView reviewContract(@PathVariable Long id, @Valid @RequestBody ContractReview request) {
		var actor = CurrentActor.get();
		service.reviewContract(id, request, actor);
		return service.view(id, actor);
	}

	@GetMapping("/admission-list")
	@Operation(summary = "现行准入清单版本 The admission list in force")
	ListVersion currentList() {
		CurrentActor.get();
		return service.currentList();
	}

	@PostMapping("/admission-list")
	@Idempotent
	@Operation(summary = "发布修订后的准入清单（DMN），作为新版本部署 Publish a revised admission list as a new DMN version")
	ResponseEntity<ListVersion> reviseList(@Valid @RequestBody ListRevision request) {
		ListVersion version = service.reviseList(request, CurrentActor.get());
		return ResponseEntity.created(URI.create("/api/work-items/admission-list")).body(version);
	}
}
