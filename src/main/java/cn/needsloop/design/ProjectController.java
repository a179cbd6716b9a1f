package cn.needsloop.design;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.needsloop.design.ProjectRequests.Approval;
import cn.needsloop.design.ProjectRequests.DesignProject;
import cn.needsloop.design.ProjectRequests.Redesign;
import cn.needsloop.system.CurrentActor;
import cn.needsloop.system.PageView;
import cn.needsloop.system.Idempotent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@RequestMapping("/api/projects")
@Tag(name = "projects", description = "民需服务项目：设计、审批、项目大厅 (design, approval, project hall)")
@Validated
class ProjectController {

	private final ProjectService service;

	ProjectController(ProjectService service) {
		this.service = service;
	}

	@PostMapping
	@Idempotent
	@Operation(summary = "由需求池中的共性需求设计项目 Design a project from pooled needs")
	ResponseEntity<ProjectView> design(@Valid @RequestBody DesignProject request) {
		var actor = CurrentActor.get();
		ServiceProject project = service.design(request, actor);
		return ResponseEntity.created(URI.create("/api/projects/" + project.getId()))
			.body(service.view(project.getId(), actor));
	}

	@PutMapping("/{id}")
	@Operation(summary = "退回后修改设计并重新报审 Revise a returned design")
	ProjectView redesign(@PathVariable Long id, @Valid @RequestBody Redesign request) {
		var actor = CurrentActor.get();
		service.redesign(id, request, actor);
		return service.view(id, actor);
	}

	@PostMapping("/{id}/approval")
	@Operation(summary = "社区党组织审批 Approve or return to design")
	ProjectView approve(@PathVariable Long id, @Valid @RequestBody Approval request) {
		var actor = CurrentActor.get();
		service.approve(id, request, actor);
		return service.view(id, actor);
	}

	@GetMapping
	@Operation(summary = "项目列表（分页，新的在前）A page of projects, newest first")
	PageView<ProjectView> list(@RequestParam(required = false) ProjectStatus status,
			@RequestParam(defaultValue = "0") @Min(0) @Max(PageView.MAX_PAGE) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(PageView.MAX_SIZE) int size) {
		return PageView.of(service.list(status, page, size, CurrentActor.get()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "项目详情 A project")
	ProjectView get(@PathVariable Long id) {
		return service.view(id, CurrentActor.get());
	}
}
