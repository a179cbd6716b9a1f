package cn.needsloop.kpi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import cn.needsloop.intake.NeedService;
import cn.needsloop.kpi.DrillDown.NeedQuery;
import cn.needsloop.shared.Actor;
import cn.needsloop.shared.ProblemException;
import cn.needsloop.system.CurrentActor;
import cn.needsloop.system.Masks;
import cn.needsloop.system.PageDates;

/**
 * The dashboard's Excel files: the KPI table at once, a list of needs in the background (with progress, on
 * {@link ExportJobs}), and the status and file of any export of the manager's (the other lists start theirs in
 * {@link DrillDownController}).
 */
@Controller
class DashboardExportController {

	private static final int EXPORT_PAGE = 200;

	private final KpiService kpis;

	private final NeedService needs;

	private final ExportJobs exports;

	private final KpiTexts texts;

	DashboardExportController(KpiService kpis, NeedService needs, ExportJobs exports, KpiTexts texts) {
		this.kpis = kpis;
		this.needs = needs;
		this.exports = exports;
		this.texts = texts;
		exports.recipe("needs", NeedQuery.class, this::needsExport);
	}

	@GetMapping("/manager/kpis.xlsx")
	ResponseEntity<byte[]> exportKpis(@RequestParam(required = false) String communityCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to)
			throws IOException {
		Kpis k = kpis.compute(DrillDown.blankToNull(communityCode), from, to, CurrentActor.get());
		Locale locale = LocaleContextHolder.getLocale();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbooks.write(texts.text("kpi.sheet", locale), List.of(texts.text("kpi.name", locale), texts.text("kpi.value", locale)),
				sheet -> kpiRows(k, locale).forEach((name, value) -> sheet.row(Arrays.asList(name, value))),
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
				"outcome", "reportedAt", "closedAt", "score", "reporter", "reporterPhone").stream().map(h -> texts.text("export.need." + h, locale)).toList();
		Map<String, String> communityNames = texts.communityNames();
		Map<String, String> gridNames = texts.gridNames();
		return ExportJobs.pages(texts.text("export.needs.sheet", locale), header,
				page -> needs.list(f.toFilter(), page, EXPORT_PAGE, me),
				n -> Arrays.asList(n.id(), communityNames.getOrDefault(n.communityCode(), n.communityCode()),
						n.gridCode() == null ? null : gridNames.getOrDefault(n.gridCode(), n.gridCode()),
						texts.label("enum.Channel.", n.channel(), locale), n.title(),
						texts.label("enum.NeedStatus.", n.status(), locale), texts.label("enum.Phase.", n.phase(), locale),
						texts.label("enum.Category.", n.category(), locale), texts.label("enum.Outcome.", n.outcome(), locale),
						PageDates.format(n.reportedAt()), PageDates.format(n.closedAt()), n.score(),
						// a file leaves the system: a resident's name and number are masked in it for everyone
						Masks.name(n.reporterName()), Masks.phone(n.reporterPhone())));
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
		ByteArrayOutputStream file = new ByteArrayOutputStream();
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

	private Map<String, Object> kpiRows(Kpis k, Locale locale) {
		Map<String, Object> rows = new LinkedHashMap<>();
		rows.put(texts.text("kpi.community", locale), k.communityCode() == null ? texts.text("kpi.allCommunities", locale)
				: texts.communityNames().getOrDefault(k.communityCode(), k.communityCode()));
		rows.put(texts.text("kpi.from", locale), k.from().toString());
		rows.put(texts.text("kpi.to", locale), k.to().toString());
		rows.put(texts.text("kpi.needsDiscovered", locale), k.needsDiscovered());
		rows.put(texts.text("kpi.responseRate", locale), k.responseRate());
		rows.put(texts.text("kpi.resolutionRate", locale), k.resolutionRate());
		rows.put(texts.text("kpi.satisfactionRate", locale), k.satisfactionRate());
		rows.put(texts.text("kpi.loopClosureRate", locale), k.loopClosureRate());
		rows.put(texts.text("kpi.medianHours", locale), k.medianHoursToCategorize());
		rows.put(texts.text("kpi.p90Hours", locale), k.p90HoursToCategorize());
		rows.put(texts.text("kpi.needsPerProject", locale), k.needsPerProject());
		rows.put(texts.text("kpi.claimRate", locale), k.claimRate());
		rows.put(texts.text("kpi.onTimeRate", locale), k.onTimeCompletionRate());
		rows.put(texts.text("kpi.consultationApplicationRate", locale), k.consultationApplicationRate());
		rows.put(texts.text("kpi.consultationsAgreed", locale), k.consultationsAgreed());
		rows.put(texts.text("kpi.consultationsApplied", locale), k.consultationsApplied());
		rows.put(texts.text("kpi.overdueTasks", locale), k.overdueTasks());
		k.overdueTasksByLine().forEach((line, n) -> rows.put(texts.text("kpi.overdueByLine", locale) + " · "
				+ (texts.line(line, locale)), n));
		k.needsByChannel().forEach((c, n) -> rows.put(texts.text("kpi.byChannel", locale) + " · " + texts.label("enum.Channel.", c, locale), n));
		k.needsByCategory().forEach((c, n) -> rows.put(texts.text("kpi.byCategory", locale) + " · " + texts.label("enum.Category.", c, locale), n));
		Map<String, String> gridNames = texts.gridNames();
		k.needsByGrid().forEach((g, n) -> rows.put(texts.text("kpi.byGrid", locale) + " · " + gridNames.getOrDefault(g, g), n));
		return rows;
	}
}
