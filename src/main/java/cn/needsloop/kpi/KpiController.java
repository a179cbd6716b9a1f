package cn.needsloop.kpi;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.needsloop.system.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/kpis")
@Tag(name = "kpis", description = "过程指标 (process KPIs)")
class KpiController {

	private final KpiService service;

	KpiController(KpiService service) {
		this.service = service;
	}

	@GetMapping
	@Operation(summary = "过程指标：响应率、解决率、满意率、闭环率等 Process KPIs over a period (default: the last 30 days)")
	Kpis kpis(@RequestParam(required = false) String communityCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return service.compute(communityCode, from, to, CurrentActor.get());
	}
}
