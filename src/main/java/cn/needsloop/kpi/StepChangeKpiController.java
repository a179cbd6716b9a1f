package cn.needsloop.kpi;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.needsloop.system.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** 延期、退单、转办 counts through the API, as the dashboard shows them. */
@RestController
@Tag(name = "kpis", description = "过程指标 (process KPIs)")
class StepChangeKpiController {

	private final StepChangeKpis kpis;

	StepChangeKpiController(StepChangeKpis kpis) {
		this.kpis = kpis;
	}

	@GetMapping("/api/kpis/step-changes")
	@Operation(summary = "延期、退单、转办：已延期步骤、按责任线和类别的退单 Extended steps, returns per line and category, transfers")
	StepChangeKpis.Summary stepChanges(@RequestParam(required = false) String communityCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return kpis.of(communityCode, from, to, CurrentActor.get());
	}
}
