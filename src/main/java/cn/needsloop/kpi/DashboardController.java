package cn.needsloop.kpi;

import cn.needsloop.community.Places;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.needsloop.community.Communities;
import cn.needsloop.intake.NeedFilter;
import cn.needsloop.intake.NeedService;
import cn.needsloop.intake.NeedView;
import cn.needsloop.shared.Phase;
import cn.needsloop.kpi.DrillDown.NeedQuery;
import cn.needsloop.kpi.ImplementerRanking.ImplementerRank;
import cn.needsloop.kpi.NeedTrends.NeedsOverTime;
import cn.needsloop.kpi.KpiScopes.Scope;
import cn.needsloop.shared.Actor;
import cn.needsloop.system.CurrentActor;
import cn.needsloop.system.Masks;
import cn.needsloop.system.PageDates;
import cn.needsloop.system.PageView;
import cn.needsloop.shared.ProblemException;
import jakarta.validation.constraints.Max;

/**
 * 数据看板 for managers: the KPI cards of DESIGN.md for a community and period, charts (needs by
 * channel and category over time, the loop as a funnel by phase, overdue tasks by line, implementer
 * ranking, needs by grid), drill-down from a figure to the list behind it, and Excel export of the
 * KPI table and of any list (in the background, with progress). Every figure honours the community
 * and the period; every chart has a table of its figures under it, each figure a link to its list.
 * Figures come from {@link KpiService}; the lists other than needs are in {@link DrillDownController}.
 */
@Controller
class DashboardController {

	private static final int EXPORT_PAGE = 200;

	/** The figures of the charts, with the list behind each (a path under the context). */
	record Charts(List<Bucket> buckets, List<Series> byChannel, List<Series> byCategory, List<FunnelStep> funnel,
			List<Bar> overdueByLine, List<Rank> ranking, List<Bar> byGrid) {
	}

	record Bucket(String label, LocalDate from, LocalDate to) {
	}

	/** One channel or category: its count per bucket, each with its list, and over the whole period. */
	record Series(String code, String name, List<Long> values, List<String> urls, long total, String url) {
	}

	/** A phase of the loop: needs that reached it (this phase or a later one) and needs in it now. */
	record FunnelStep(String code, String name, long reached, String url, long current, String currentUrl) {
	}

	record Bar(String code, String name, long value, String url) {
	}

	record Rank(String code, String name, long completed, long delivered, Double rating, long ratings, String url) {
	}

	private final KpiService kpis;

	private final NeedService needs;

	private final Communities communities;

	private final ExportJobs exports;

	private final MessageSource messages;

	private final ObjectMapper json;

	private final Places places;

	DashboardController(KpiService kpis, NeedService needs, Communities communities, ExportJobs exports,
			MessageSource messages, ObjectMapper json, Places places) {
		this.places = places;
		this.kpis = kpis;
		this.needs = needs;
		this.communities = communities;
		this.exports = exports;
		this.messages = messages;
		this.json = json;
		exports.recipe("needs", NeedQuery.class, this::needsExport);
	}

	@GetMapping("/manager")
	String dashboard(@RequestParam(required = false) String communityCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model)
			throws JsonProcessingException {
		Actor me = CurrentActor.get();
		String community = DrillDown.blankToNull(communityCode);
		Kpis k = kpis.compute(community, from, to, me);
		Charts charts = charts(k, me);
		model.addAttribute("kpis", k);
		model.addAttribute("communityCode", community);
		model.addAttribute("communities", communities.findAll());
		model.addAttribute("chartData", charts);
		model.addAttribute("charts", json.writeValueAsString(charts));
		return "manager/dashboard";
	}

	@GetMapping("/manager/needs")
	String drillDown(NeedQuery filter, @RequestParam(defaultValue = "0") @Max(PageView.MAX_PAGE) int page, Model model) {
		NeedQuery f = filter.clean();
		Page<NeedView> result = needs.list(f.toFilter(), Math.max(page, 0), 50, CurrentActor.get());
		model.addAttribute("filter", f);
		model.addAttribute("page", result);
		model.addAttribute("communityNames", places.communityNames());
		model.addAttribute("gridNames", gridNames());
		return "manager/needs";
	}

	@GetMapping("/manager/kpis.xlsx")
	ResponseEntity<byte[]> exportKpis(@RequestParam(required = false) String communityCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to)
			throws IOException {
		Kpis k = kpis.compute(DrillDown.blankToNull(communityCode), from, to, CurrentActor.get());
		Locale locale = LocaleContextHolder.getLocale();
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		Workbooks.write(text("kpi.sheet", locale), List.of(text("kpi.name", locale), text("kpi.value", locale)),
				sheet -> kpiRows(k, locale).forEach((name, value) -> sheet.row(java.util.Arrays.asList(name, value))),
				out);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("kpis.xlsx").build().toString())
			.contentType(MediaType.parseMediaType(Workbooks.XLSX))
			.body(out.toByteArray());
	}

	/** Starts exporting a list of needs (any length) in the background; the page polls its progress. */
	@PostMapping(path = "/manager/exports/needs", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> startNeedsExport(NeedQuery filter) {
		return exports.start("needs", CurrentActor.get(), LocaleContextHolder.getLocale(), "needs.xlsx", filter.clean())
			.status();
	}

	/** The needs export, as any node writes it (again, after the node that started it died). */
	private ExportJobs.Work needsExport(NeedQuery f, Actor me, Locale locale) {
		List<String> header = List.of("id", "community", "grid", "channel", "title", "status", "phase", "category",
				"outcome", "reportedAt", "closedAt", "score", "reporter", "reporterPhone").stream().map(h -> text("export.need." + h, locale)).toList();
		Map<String, String> communityNames = places.communityNames();
		Map<String, String> gridNames = gridNames();
		return (progress, out) -> Workbooks.write(
				text("export.needs.sheet", locale), header, sheet -> {
					Page<NeedView> page = needs.list(f.toFilter(), 0, EXPORT_PAGE, me);
					progress.total(page.getTotalElements());
					while (true) {
						for (NeedView n : page.getContent()) {
							sheet.row(java.util.Arrays.asList(n.id(),
									communityNames.getOrDefault(n.communityCode(), n.communityCode()),
									n.gridCode() == null ? null : gridNames.getOrDefault(n.gridCode(), n.gridCode()),
									label("enum.Channel.", n.channel(), locale), n.title(),
									label("enum.NeedStatus.", n.status(), locale), label("enum.Phase.", n.phase(), locale),
									label("enum.Category.", n.category(), locale), label("enum.Outcome.", n.outcome(), locale),
									PageDates.format(n.reportedAt()), PageDates.format(n.closedAt()), n.score(),
									// a file leaves the system: a resident's name and number are masked in it for everyone
									Masks.name(n.reporterName()), Masks.phone(n.reporterPhone())));
							progress.row();
						}
						if (!page.hasNext()) {
							break;
						}
						page = needs.list(f.toFilter(), page.getNumber() + 1, EXPORT_PAGE, me);
					}
				}, out);
	}

	@GetMapping(path = "/manager/exports/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> exportStatus(@PathVariable String id) {
		return job(id).status();
	}

	/** The finished file, from the database: whichever node wrote it. */
	@GetMapping("/manager/exports/{id}/file")
	ResponseEntity<byte[]> exportFile(@PathVariable String id) {
		ExportJobs.Job job = job(id);
		java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
		if (!job.ready() || !exports.copyFile(id, file)) {
			throw ProblemException.conflict("export.notReady");
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(job.fileName).build().toString())
			.contentType(MediaType.parseMediaType(Workbooks.XLSX))
			.body(file.toByteArray());
	}

	private ExportJobs.Job job(String id) {
		return exports.find(id, CurrentActor.get().userId()).orElseThrow(() -> ProblemException.notFound("export", id));
	}

	private Charts charts(Kpis k, Actor me) {
		Locale locale = LocaleContextHolder.getLocale();
		String c = k.communityCode();
		LocalDate from = k.from();
		LocalDate to = k.to();
		// needs by channel and by category over time, each bar a list of needs of that stretch
		NeedsOverTime overTime = kpis.needsOverTime(c, from, to, me);
		List<Bucket> buckets = overTime.buckets().stream()
			.map(b -> new Bucket(b.from().toString(), b.from(), b.to()))
			.toList();
		List<Series> byChannel = series(overTime.byChannel(), overTime.buckets(), "channel", "enum.Channel.", k, locale);
		List<Series> byCategory = series(overTime.byCategory(), overTime.buckets(), "category", "enum.Category.", k,
				locale);
		// the loop as a funnel: needs of the period that reached each phase (they are in it now or a later one)
		Map<Phase, Long> byPhase = kpis.needsByPhase(c, from, to, me);
		List<FunnelStep> funnel = new ArrayList<>();
		Phase[] phases = Phase.values();
		for (int i = 0; i < phases.length; i++) {
			long reached = 0;
			for (int j = i; j < phases.length; j++) {
				reached += byPhase.get(phases[j]);
			}
			funnel.add(new FunnelStep(phases[i].name(), label("enum.Phase.", phases[i], locale), reached,
					Links.needs(c, from, to, "reached", phases[i].name()), byPhase.get(phases[i]),
					Links.needs(c, from, to, "phase", phases[i].name())));
		}
		List<Bar> overdue = new ArrayList<>();
		k.overdueTasksByLine().forEach((line, n) -> overdue.add(new Bar(line,
				KpiService.UNROUTED.equals(line) ? text("kpi.unrouted", locale) : label("enum.Line.", line, locale), n,
				Links.tasks(c, from, to, line))));
		List<Rank> ranking = new ArrayList<>();
		for (ImplementerRank r : kpis.ranking(c, from, to, me)) {
			ranking.add(new Rank(r.code(), r.name(), r.completed(), r.delivered(), r.rating(), r.ratings(),
					Links.implementerProjects(c, from, to, r.code())));
		}
		Map<String, String> gridNames = gridNames();
		List<Bar> byGrid = new ArrayList<>();
		k.needsByGrid().forEach((grid, n) -> byGrid.add(new Bar(grid, gridNames.getOrDefault(grid, grid), n,
				Links.needs(c, from, to, "gridCode", grid))));
		return new Charts(buckets, byChannel, byCategory, funnel, overdue, ranking, byGrid);
	}

	private List<Series> series(Map<String, List<Long>> counts, List<Scope> buckets, String param, String labels, Kpis k,
			Locale locale) {
		List<Series> series = new ArrayList<>();
		counts.forEach((code, values) -> {
			List<String> urls = buckets.stream()
				.map(b -> Links.needs(k.communityCode(), b.from(), b.to(), param, code))
				.toList();
			series.add(new Series(code, label(labels, code, locale), values, urls,
					values.stream().mapToLong(Long::longValue).sum(),
					Links.needs(k.communityCode(), k.from(), k.to(), param, code)));
		});
		return series;
	}

	private Map<String, Object> kpiRows(Kpis k, Locale locale) {
		Map<String, Object> rows = new LinkedHashMap<>();
		rows.put(text("kpi.community", locale), k.communityCode() == null ? text("kpi.allCommunities", locale)
				: places.communityNames().getOrDefault(k.communityCode(), k.communityCode()));
		rows.put(text("kpi.from", locale), k.from().toString());
		rows.put(text("kpi.to", locale), k.to().toString());
		rows.put(text("kpi.needsDiscovered", locale), k.needsDiscovered());
		rows.put(text("kpi.responseRate", locale), k.responseRate());
		rows.put(text("kpi.resolutionRate", locale), k.resolutionRate());
		rows.put(text("kpi.satisfactionRate", locale), k.satisfactionRate());
		rows.put(text("kpi.loopClosureRate", locale), k.loopClosureRate());
		rows.put(text("kpi.medianHours", locale), k.medianHoursToCategorize());
		rows.put(text("kpi.p90Hours", locale), k.p90HoursToCategorize());
		rows.put(text("kpi.needsPerProject", locale), k.needsPerProject());
		rows.put(text("kpi.claimRate", locale), k.claimRate());
		rows.put(text("kpi.onTimeRate", locale), k.onTimeCompletionRate());
		rows.put(text("kpi.consultationApplicationRate", locale), k.consultationApplicationRate());
		rows.put(text("kpi.consultationsAgreed", locale), k.consultationsAgreed());
		rows.put(text("kpi.consultationsApplied", locale), k.consultationsApplied());
		rows.put(text("kpi.overdueTasks", locale), k.overdueTasks());
		k.overdueTasksByLine().forEach((line, n) -> rows.put(text("kpi.overdueByLine", locale) + " · "
				+ (KpiService.UNROUTED.equals(line) ? text("kpi.unrouted", locale) : label("enum.Line.", line, locale)), n));
		k.needsByChannel().forEach((c, n) -> rows.put(text("kpi.byChannel", locale) + " · " + label("enum.Channel.", c, locale), n));
		k.needsByCategory().forEach((c, n) -> rows.put(text("kpi.byCategory", locale) + " · " + label("enum.Category.", c, locale), n));
		Map<String, String> gridNames = gridNames();
		k.needsByGrid().forEach((g, n) -> rows.put(text("kpi.byGrid", locale) + " · " + gridNames.getOrDefault(g, g), n));
		return rows;
	}

	/** The grids' names, and the row of the needs without a grid (未分网格). */
	private Map<String, String> gridNames() {
		Map<String, String> names = places.gridNames();
		names.put(NeedFilter.NO_GRID, text("kpi.noGrid", LocaleContextHolder.getLocale()));
		return names;
	}

	private String label(String prefix, Object value, Locale locale) {
		return value == null ? "" : messages.getMessage(prefix + value, null, value.toString(), locale);
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
