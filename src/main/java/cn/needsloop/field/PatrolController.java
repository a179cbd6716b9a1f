package cn.needsloop.field;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.needsloop.intake.Need;
import cn.needsloop.system.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@org.springframework.validation.annotation.Validated
@RequestMapping("/api/patrols")
@Tag(name = "patrols", description = "网格巡查：今日走访名单、记录走访、上报发现、完成巡查 (grid patrols)")
class PatrolController {

	private final PatrolService service;

	PatrolController(PatrolService service) {
		this.service = service;
	}

	/** A patrol as the API shows it. */
	record PatrolSummary(Long id, String gridCode, String communityCode, String workerUser, String patrolDay,
			String status, String dueAt, String escalatedTo) {

		static PatrolSummary of(Patrol p) {
			return new PatrolSummary(p.getId(), p.getGridCode(), p.getCommunityCode(), p.getWorkerUser(),
					p.getPatrolDay().toString(), p.getStatus().name(), p.getDueAt().toString(), p.getEscalatedTo());
		}
	}

	record VisitView(Long id, Long householdId, VisitKind kind, Visit.Result result, String note, Long needId,
			String visitedAt) {

		static VisitView of(Visit v) {
			return v == null ? null : new VisitView(v.getId(), v.getHouseholdId(), v.getKind(), v.getResult(), v.getNote(),
					v.getNeedId(), v.getVisitedAt().toString());
		}
	}

	record DueView(HouseholdView household, VisitView visit) {
	}

	record DayView(PatrolSummary patrol, String gridName, int due, int visited, int page, int pages,
			List<DueView> households) {
	}

	record Finish(String note) {
	}

	@GetMapping
	@Operation(summary = "我的未完成巡查 My open patrols")
	List<PatrolSummary> mine() {
		return service.open(CurrentActor.get()).stream().map(PatrolSummary::of).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "巡查的走访名单（到期的户，已走访的在前；分页，每页默认 100 户）A page of a patrol's list")
	DayView day(@PathVariable Long id, @RequestParam(defaultValue = "0") @jakarta.validation.constraints.Min(0) int page,
			@RequestParam(defaultValue = "" + PatrolService.PAGE_SIZE) @jakarta.validation.constraints.Min(1)
			@jakarta.validation.constraints.Max(1000) int size) {
		PatrolService.PatrolDay day = service.day(id, CurrentActor.get(), page, size);
		return new DayView(PatrolSummary.of(day.patrol()), day.gridName(), day.due(), day.visited(), day.page(), day.pages(),
				day.households().stream().map(d -> new DueView(d.household(), VisitView.of(d.visit()))).toList());
	}

	@PostMapping("/{id}/visits")
	@Operation(summary = "记录一次走访 Record a visit")
	ResponseEntity<VisitView> visit(@PathVariable Long id, @RequestBody PatrolService.RecordVisit request) {
		Visit visit = service.recordVisit(id, request, CurrentActor.get());
		return ResponseEntity.created(URI.create("/api/patrols/" + id + "/visits/" + visit.getId())).body(VisitView.of(visit));
	}

	@PostMapping("/{id}/findings")
	@Operation(summary = "上报巡查发现的问题（已核实的民需，渠道 GRID_PATROL）Report a finding as a verified need")
	ResponseEntity<Map<String, Object>> finding(@PathVariable Long id, @RequestBody PatrolService.Finding finding) {
		PatrolService.Reported reported = service.report(id, finding, CurrentActor.get());
		Need need = reported.need();
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("needId", need.getId());
		body.put("channel", need.getChannel().name());
		// asked to settle on the spot: ON_SPOT (upload the after-photo, then POST /api/needs/{id}/settle-on-spot) or why not
		body.put("spotSettlement", reported.spotSettlement());
		return ResponseEntity.created(URI.create("/api/needs/" + need.getId())).body(body);
	}

	@PostMapping("/{id}/finish")
	@Operation(summary = "完成巡查 Finish the patrol")
	ResponseEntity<Void> finish(@PathVariable Long id, @RequestBody(required = false) Finish request) {
		service.finish(id, request == null ? null : request.note(), CurrentActor.get());
		return ResponseEntity.noContent().build();
	}
}

/** 就地办结 through the API: the grid worker settles a need found on patrol, after uploading its after-photo. */
@RestController
@Tag(name = "patrols")
class SpotSettlementController {

	private final PatrolService service;

	SpotSettlementController(PatrolService service) {
		this.service = service;
	}

	record Settle(String resolutionNote) {
	}

	@PostMapping("/api/needs/{id}/settle-on-spot")
	@Operation(summary = "就地办结（须先上传步骤 SPOT_SETTLEMENT 的现场照片）Settle a need found on patrol on the spot")
	ResponseEntity<Void> settle(@PathVariable Long id, @RequestBody Settle request) {
		service.settleOnSpot(id, request == null ? null : request.resolutionNote(), CurrentActor.get());
		return ResponseEntity.noContent().build();
	}
}
