package cn.needsloop.kpi;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
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
import cn.needsloop.design.ProjectService;
import cn.needsloop.design.ProjectStatus;
import cn.needsloop.design.ProjectView;
import cn.needsloop.design.ProjectView.EvaluationView;
import cn.needsloop.implementation.Organization;
import cn.needsloop.implementation.Organizations;
import cn.needsloop.intake.Category;
import cn.needsloop.intake.NeedFilter;
import cn.needsloop.intake.NeedService;
import cn.needsloop.intake.NeedView;
import cn.needsloop.intake.Phase;
import cn.needsloop.system.Actor;
import cn.needsloop.system.CurrentActor;
import cn.needsloop.system.PageDates;
import cn.needsloop.system.ProblemException;

/**
 * 数据看板 for managers: the KPI cards of DESIGN.md for a community and period, charts (needs by
 * channel and category over time, the loop as a funnel by phase, overdue tasks by line, implementer
 * ranking), drill-down from a figure to the needs behind it, and Excel export of the KPI table and
 * of any list (in the background, with progress). Figures come from {@link KpiService},
 * {@link NeedService} and {@link ProjectService}.
 */
@Controller
class DashboardController {

	private static final int EXPORT_PAGE = 200;

	private static final int MAX_BUCKETS = 8;

	private final KpiService kpis;

	private final NeedService needs;

	private final ProjectService projects;

	private final Organizations organizations;

	private final Communities communities;

	private final ExportJobs exports;

	private final MessageSource messages;

	private final ObjectMapper json;

	DashboardController(KpiService kpis, NeedService needs, ProjectService projects, Organizations organizations,
			Communities communities, ExportJobs exports, MessageSource messages, ObjectMapper json) {
		this.kpis = kpis;
		this.needs = needs;
		this.projects = projects;
		this.organizations = organizations;
		this.communities = communities;
		this.exports = exports;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/manager")
	String dashboard(@RequestParam(required = false) String communityCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model)
			throws JsonProcessingException {
		Actor me = CurrentActor.get();
		String community = blankToNull(communityCode);
		Kpis k = kpis.compute(community, from, to, me);
		model.addAttribute("kpis", k);
		model.addAttribute("communityCode", community);
		model.addAttribute("communities", communities.findAll());
		model.addAttribute("charts", json.writeValueAsString(charts(k, me)));
		return "manager/dashboard";
	}

	@GetMapping("/manager/needs")
	String drillDown(NeedFilter filter, @RequestParam(defaultValue = "0") int page, Model model) {
		Page<NeedView> result = needs.list(clean(filter), Math.max(page, 0), 50, CurrentActor.get());
		model.addAttribute("filter", clean(filter));
		model.addAttribute("page", result);
		return "manager/needs";
	}

	@GetMapping("/manager/kpis.xlsx")
	ResponseEntity<byte[]> exportKpis(@RequestParam(required = false) String communityCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to)
			throws IOException {
		Kpis k = kpis.compute(blankToNull(communityCode), from, to, CurrentActor.get());
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
	Map<String, Object> startNeedsExport(NeedFilter filter) {
		Actor me = CurrentActor.get();
		NeedFilter f = clean(filter);
		Locale locale = LocaleContextHolder.getLocale();
		List<String> header = List.of("id", "community", "grid", "channel", "title", "status", "phase", "category",
				"outcome", "reportedAt", "closedAt", "score").stream().map(h -> text("export.need." + h, locale)).toList();
		ExportJobs.Job job = exports.start(me.userId(), "needs.xlsx", (j, out) -> Workbooks.write(
				text("export.needs.sheet", locale), header, sheet -> {
					Page<NeedView> page = needs.list(f, 0, EXPORT_PAGE, me);
					j.total = page.getTotalElements();
					while (true) {
						for (NeedView n : page.getContent()) {
							sheet.row(java.util.Arrays.asList(n.id(), n.communityCode(), n.gridCode(),
									label("enum.Channel.", n.channel(), locale), n.title(),
									label("enum.NeedStatus.", n.status(), locale), label("enum.Phase.", n.phase(), locale),
									label("enum.Category.", n.category(), locale), label("enum.Outcome.", n.outcome(), locale),
									PageDates.format(n.reportedAt()), PageDates.format(n.closedAt()), n.score()));
							j.done.incrementAndGet();
						}
						if (!page.hasNext()) {
							break;
						}
						page = needs.list(f, page.getNumber() + 1, EXPORT_PAGE, me);
					}
				}, out));
		return job.status();
	}

	@GetMapping(path = "/manager/exports/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> exportStatus(@PathVariable String id) {
		return job(id).status();
	}

	@GetMapping("/manager/exports/{id}/file")
	ResponseEntity<Resource> exportFile(@PathVariable String id) throws IOException {
		ExportJobs.Job job = job(id);
		if (job.file == null || !Files.exists(job.file)) {
			throw ProblemException.conflict("export.notReady");
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(job.fileName).build().toString())
			.contentType(MediaType.parseMediaType(Workbooks.XLSX))
			.body(new FileSystemResource(job.file));
	}

	private ExportJobs.Job job(String id) {
		return exports.find(id, CurrentActor.get().userId()).orElseThrow(() -> ProblemException.notFound("export", id));
	}

	private Map<String, Object> charts(Kpis k, Actor me) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, Object> charts = new LinkedHashMap<>();
		// needs by channel and by category over time: the same KPIs, period by period
		long days = ChronoUnit.DAYS.between(k.from(), k.to()) + 1;
		long step = Math.max(7, (days + MAX_BUCKETS - 1) / MAX_BUCKETS);
		List<String> buckets = new ArrayList<>();
		Map<String, List<Long>> byChannel = new TreeMap<>();
		Map<String, List<Long>> byCategory = new TreeMap<>();
		int index = 0;
		for (LocalDate start = k.from(); !start.isAfter(k.to()); start = start.plusDays(step), index++) {
			LocalDate end = start.plusDays(step - 1).isAfter(k.to()) ? k.to() : start.plusDays(step - 1);
			Kpis slice = kpis.compute(k.communityCode(), start, end, me);
			buckets.add(start.toString());
			int at = index;
			slice.needsByChannel().forEach((c, n) -> series(byChannel, label("enum.Channel.", c, locale), at).set(at, n));
			slice.needsByCategory().forEach((c, n) -> series(byCategory, label("enum.Category.", c, locale), at).set(at, n));
		}
		int size = buckets.size();
		byChannel.values().forEach(values -> pad(values, size));
		byCategory.values().forEach(values -> pad(values, size));
		charts.put("buckets", buckets);
		charts.put("byChannel", byChannel);
		charts.put("byCategory", byCategory);
		// the loop as a funnel: needs that reached each phase (their phase now is that one or a later one)
		List<Map<String, Object>> funnel = new ArrayList<>();
		Phase[] phases = Phase.values();
		long[] atPhase = new long[phases.length];
		for (int i = 0; i < phases.length; i++) {
			atPhase[i] = needs.list(new NeedFilter(k.communityCode(), null, phases[i], null), 0, 1, me).getTotalElements();
		}
		for (int i = 0; i < phases.length; i++) {
			long reached = 0;
			for (int j = i; j < phases.length; j++) {
				reached += atPhase[j];
			}
			funnel.add(Map.of("name", label("enum.Phase.", phases[i], locale), "value", reached, "url",
					"/manager/needs?phase=" + phases[i] + community(k)));
		}
		charts.put("funnel", funnel);
		List<Map<String, Object>> overdue = new ArrayList<>();
		k.overdueTasksByLine().forEach((line, n) -> overdue.add(Map.of("name",
				"UNROUTED".equals(line) ? text("kpi.unrouted", locale) : label("enum.Line.", line, locale), "value", n)));
		charts.put("overdueByLine", overdue);
		charts.put("ranking", ranking(me));
		Map<String, String> categoryUrls = new LinkedHashMap<>();
		for (Category c : Category.values()) {
			categoryUrls.put(label("enum.Category.", c, locale), "/manager/needs?category=" + c + community(k));
		}
		charts.put("categoryUrls", categoryUrls);
		return charts;
	}

	/** Implementers by projects delivered (closed), then by the average of the ratings they received. */
	private List<Map<String, Object>> ranking(Actor me) {
		Map<String, long[]> delivered = new TreeMap<>();
		Map<String, List<Integer>> scores = new TreeMap<>();
		for (ProjectView p : projects.list(null, me)) {
			if (p.claimant() == null) {
				continue;
			}
			delivered.computeIfAbsent(p.claimant(), c -> new long[1]);
			if (p.status() == ProjectStatus.CLOSED) {
				delivered.get(p.claimant())[0]++;
			}
			for (EvaluationView e : Objects.requireNonNullElse(projects.view(p.id(), me).evaluations(),
					List.<EvaluationView>of())) {
				if (!"IMPLEMENTER".equals(e.perspective())) {
					scores.computeIfAbsent(p.claimant(), c -> new ArrayList<>()).add(e.score());
				}
			}
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		delivered.forEach((code, n) -> {
			double average = scores.getOrDefault(code, List.of()).stream().mapToInt(Integer::intValue).average().orElse(0);
			rows.add(Map.of("name", organizations.findById(code).map(Organization::getName).orElse(code), "delivered", n[0],
					"rating", Math.round(average * 100) / 100.0));
		});
		rows.sort((a, b) -> {
			int byDelivered = Long.compare((Long) b.get("delivered"), (Long) a.get("delivered"));
			return byDelivered != 0 ? byDelivered : Double.compare((Double) b.get("rating"), (Double) a.get("rating"));
		});
		return rows;
	}

	private Map<String, Object> kpiRows(Kpis k, Locale locale) {
		Map<String, Object> rows = new LinkedHashMap<>();
		rows.put(text("kpi.community", locale), k.communityCode() == null ? text("kpi.allCommunities", locale) : k.communityCode());
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
		rows.put(text("kpi.overdueTasks", locale), k.overdueTasks());
		k.needsByChannel().forEach((c, n) -> rows.put(text("kpi.byChannel", locale) + " · " + label("enum.Channel.", c, locale), n));
		k.needsByCategory().forEach((c, n) -> rows.put(text("kpi.byCategory", locale) + " · " + label("enum.Category.", c, locale), n));
		return rows;
	}

	private static List<Long> series(Map<String, List<Long>> all, String name, int index) {
		List<Long> values = all.computeIfAbsent(name, n -> new ArrayList<>());
		pad(values, index + 1);
		return values;
	}

	private static void pad(List<Long> values, int size) {
		while (values.size() < size) {
			values.add(0L);
		}
	}

	private static String community(Kpis k) {
		return k.communityCode() == null ? "" : "&communityCode=" + k.communityCode();
	}

	private String label(String prefix, Object value, Locale locale) {
		return value == null ? "" : messages.getMessage(prefix + value, null, value.toString(), locale);
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private static NeedFilter clean(NeedFilter filter) {
		return new NeedFilter(blankToNull(filter.communityCode()), filter.status(), filter.phase(), filter.category());
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
