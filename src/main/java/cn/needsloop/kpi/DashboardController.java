package cn.needsloop.kpi;

import java.time.LocalDate;

import org.springframework.data.domain.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.needsloop.community.Communities;
import cn.needsloop.intake.NeedService;
import cn.needsloop.intake.NeedView;
import cn.needsloop.kpi.DrillDown.NeedQuery;
import cn.needsloop.shared.Actor;
import cn.needsloop.system.CurrentActor;
import cn.needsloop.system.PageView;
import jakarta.validation.constraints.Max;

/**
 * 数据看板 for managers: the KPI cards of DESIGN.md for a community and period, charts (needs by
 * channel and category over time, the loop as a funnel by phase, overdue tasks by line, implementer
 * ranking, needs by grid), drill-down from a figure to the list behind it, and Excel export of the
 * KPI table and of any list (in the background, with progress). Every figure honours the community
 * and the period; every chart has a table of its figures under it, each figure a link to its list.
 * Figures come from {@link KpiService}, the charts' from {@link DashboardCharts}; the exports are
 * {@link DashboardExportController}'s; the lists other than needs are in {@link DrillDownController}.
 */
@Controller
class DashboardController {

	private final KpiService kpis;

	private final NeedService needs;

	private final Communities communities;

	private final DashboardCharts charts;

	private final ObjectMapper json;

	private final KpiTexts texts;

	DashboardController(KpiService kpis, NeedService needs, Communities communities, DashboardCharts charts,
			ObjectMapper json, KpiTexts texts) {
		this.kpis = kpis;
		this.needs = needs;
		this.communities = communities;
		this.charts = charts;
		this.json = json;
		this.texts = texts;
	}

	@GetMapping("/manager")
	String dashboard(@RequestParam(required = false) String communityCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model)
			throws JsonProcessingException {
		Actor me = CurrentActor.get();
		String community = DrillDown.blankToNull(communityCode);
		Kpis k = kpis.compute(community, from, to, me);
		DashboardCharts.Charts chartData = charts.of(k, me);
		model.addAttribute("kpis", k);
		model.addAttribute("communityCode", community);
		model.addAttribute("communities", communities.findAll());
		model.addAttribute("chartData", chartData);
		model.addAttribute("charts", json.writeValueAsString(chartData));
		return "manager/dashboard";
	}

	@GetMapping("/manager/needs")
	String drillDown(NeedQuery filter, @RequestParam(defaultValue = "0") @Max(PageView.MAX_PAGE) int page, Model model) {
		NeedQuery f = filter.clean();
		Page<NeedView> result = needs.list(f.toFilter(), Math.max(page, 0), 50, CurrentActor.get());
		model.addAttribute("filter", f);
		model.addAttribute("page", result);
		model.addAttribute("communityNames", texts.communityNames());
		model.addAttribute("gridNames", texts.gridNames());
		return "manager/needs";
	}
}
