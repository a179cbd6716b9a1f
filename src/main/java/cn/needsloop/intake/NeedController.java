package cn.needsloop.intake;

import cn.needsloop.shared.Category;
import cn.needsloop.shared.Phase;
import java.net.URI;

import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.needsloop.intake.NeedRequests.Classify;
import cn.needsloop.intake.NeedRequests.Confirm;
import cn.needsloop.intake.NeedRequests.ReportNeed;
import cn.needsloop.intake.NeedRequests.Resolve;
import cn.needsloop.intake.NeedRequests.Verify;
import cn.needsloop.system.CurrentActor;
import cn.needsloop.system.Idempotent;
import cn.needsloop.system.PageView;
import cn.needsloop.system.PersonalData.Revealed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@RequestMapping("/api/needs")
@Tag(name = "needs", description = "民需：上报、核实、分类、办理、确认 (report, verify, classify, resolve, confirm)")
@Validated
class NeedController {

	private final NeedService service;

	NeedController(NeedService service) {
		this.service = service;
	}

	@PostMapping
	@Idempotent
	@Operation(summary = "上报民需 Report a need")
	ResponseEntity<NeedView> report(@Valid @RequestBody ReportNeed request) {
		var actor = CurrentActor.get();
		Need need = service.report(request, actor);
		NeedView view = service.view(need.getId(), actor);
		return ResponseEntity.created(URI.create("/api/needs/" + need.getId())).body(view);
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看民需及其历程 A need with its history")
	NeedView get(@PathVariable Long id) {
		return service.view(id, CurrentActor.get());
	}

	@PostMapping("/{id}/reporter-phone/reveal")
	@Operation(summary = "查看上报人完整电话（本社区民需管家，留痕）Reveal the reporter's phone number (the community's steward; recorded)")
	Revealed revealReporterPhone(@PathVariable Long id) {
		return service.revealReporterPhone(id, CurrentActor.get());
	}

	@GetMapping
	@Operation(summary = "民需列表 A page of needs")
	PageView<NeedView> list(@RequestParam(required = false) String communityCode,
			@RequestParam(required = false) NeedStatus status, @RequestParam(required = false) Phase phase,
			@RequestParam(required = false) Category category,
			@RequestParam(defaultValue = "0") @Min(0) @Max(PageView.MAX_PAGE) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(PageView.MAX_SIZE) int size) {
		Page<NeedView> result = service.list(new NeedFilter(communityCode, status, phase, category), page, size,
				CurrentActor.get());
		return PageView.of(result);
	}

	@GetMapping("/pool")
	@Operation(summary = "需求池：待立项的共性需求（分页）A page of the pooled common needs of a community")
	PageView<NeedView> pool(@RequestParam String communityCode,
			@RequestParam(defaultValue = "0") @Min(0) @Max(PageView.MAX_PAGE) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(PageView.MAX_SIZE) int size) {
		return PageView.of(service.pool(communityCode, page, size, CurrentActor.get()));
	}

	/** The grid a steward gives a need reported without one. */
	record AssignGrid(String gridCode) {
	}

	@PostMapping("/{id}/grid")
	@Operation(summary = "分类前补定网格 Give a need without a grid its grid (steward, before classification)")
	NeedView assignGrid(@PathVariable Long id, @RequestBody AssignGrid request) {
		var actor = CurrentActor.get();
		service.assignGrid(id, request == null ? null : request.gridCode(), actor);
		return service.view(id, actor);
	}

	@PostMapping("/{id}/verification")
	@Operation(summary = "核实 Verify")
	NeedView verify(@PathVariable Long id, @Valid @RequestBody Verify request) {
		var actor = CurrentActor.get();
		service.verify(id, request, actor);
		return service.view(id, actor);
	}

	@PostMapping("/{id}/classification")
	@Operation(summary = "确认分类 Confirm the category")
	NeedView classify(@PathVariable Long id, @Valid @RequestBody Classify request) {
		var actor = CurrentActor.get();
		service.classify(id, request, actor);
		return service.view(id, actor);
	}

	@PostMapping("/{id}/resolution")
	@Operation(summary = "办结个人需求 Settle an individual need")
	ResponseEntity<Void> resolve(@PathVariable Long id, @Valid @RequestBody Resolve request) {
		service.resolve(id, request, CurrentActor.get());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/confirmation")
	@Operation(summary = "居民确认评价 Reporter's rating")
	ResponseEntity<Void> confirm(@PathVariable Long id, @Valid @RequestBody Confirm request) {
		service.confirm(id, request, CurrentActor.get());
		return ResponseEntity.noContent().build();
	}
}
