package cn.needsloop.implementation;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.needsloop.design.ProjectService;
import cn.needsloop.design.ProjectView;
import cn.needsloop.system.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/projects/{id}")
@Tag(name = "implementation", description = "联动实施：认领、指派、里程碑、完成 (claim, assign, milestones, completion)")
class ImplementationController {

	record Assignment(@NotBlank @Size(max = 32) String organizationCode, @Size(max = 1000) String note) {
	}

	record MilestoneReport(@NotBlank @Size(max = 2000) String note, @NotNull @Min(0) @Max(10000) Integer socialWorkers,
			@NotNull @Min(0) @Max(100000) Integer volunteers) {
	}

	record Completion(@NotBlank @Size(max = 4000) String report) {
	}

	private final ImplementationService service;

	private final ProjectService projects;

	ImplementationController(ImplementationService service, ProjectService projects) {
		this.service = service;
		this.projects = projects;
	}

	@PostMapping("/claim")
	@Operation(summary = "认领项目（先到先得）Claim a published project")
	ProjectView claim(@PathVariable Long id) {
		var actor = CurrentActor.get();
		service.claim(id, actor);
		return projects.view(id, actor);
	}

	@PostMapping("/assignment")
	@Operation(summary = "无人认领时由街道指派 Assign an unclaimed project")
	ProjectView assign(@PathVariable Long id, @Valid @RequestBody Assignment request) {
		var actor = CurrentActor.get();
		service.assign(id, request.organizationCode(), request.note(), actor);
		return projects.view(id, actor);
	}

	@PostMapping("/milestones/{index}/report")
	@Operation(summary = "报告里程碑 Report a milestone")
	ProjectView reportMilestone(@PathVariable Long id, @PathVariable int index,
			@Valid @RequestBody MilestoneReport request) {
		var actor = CurrentActor.get();
		service.reportMilestone(id, index, request.note(), request.socialWorkers(), request.volunteers(), actor);
		return projects.view(id, actor);
	}

	@PostMapping("/completion")
	@Operation(summary = "完成实施或整改 Finish the implementation or a rectification")
	ProjectView complete(@PathVariable Long id, @Valid @RequestBody Completion request) {
		var actor = CurrentActor.get();
		service.complete(id, request.report(), actor);
		return projects.view(id, actor);
	}
}
