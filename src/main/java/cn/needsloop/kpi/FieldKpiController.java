package cn.needsloop.kpi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.needsloop.community.Communities;
import cn.needsloop.system.CurrentActor;

/**
 * 全科网格 KPIs on their own page under the dashboard ({@link FieldKpis}): visit coverage by grid and by worker,
 * the share of needs the grids found, the on-the-spot settlement rate and the hours from discovery to settlement;
 * every figure a link to the patrols or needs behind it, the whole table as .xlsx.
 */
@Controller
class FieldKpiController {

	private final FieldKpis kpis;

	private final Communities communities;

	private final MessageSource messages;

	FieldKpiController(FieldKpis kpis, Communities communities, MessageSource messages) {
		this.kpis = kpis;
		this.communities = communities;
		this.messages = messages;
	}

	@GetMapping("/manager/field")
	String field(@RequestParam(required = false) String communityCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		FieldKpis.Figures figures = kpis.compute(DrillDown.blankToNull(communityCode), from, to, CurrentActor.get());
		model.addAttribute("f", figures);
		model.addAttribute("communityCode", figures.communityCode());
		model.addAttribute("communities", communities.findAll());
		return "manager/field";
	}

	@GetMapping("/manager/field/patrols")
	String patrols(@RequestParam(required = false) String communityCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String grid, @RequestParam(required = false) String worker, Model model) {
		FieldKpis.Period scope = kpis.period(DrillDown.blankToNull(communityCode), from, to, CurrentActor.get());
		model.addAttribute("scope", scope);
		model.addAttribute("patrols", kpis.patrols(scope.communityCode(), scope.from(), scope.to(),
				DrillDown.blankToNull(grid), DrillDown.blankToNull(worker), CurrentActor.get()));
		return "manager/field-patrols";
	}

	@GetMapping("/manager/field/spot")
	String spot(@RequestParam(required = false) String communityCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String grid, Model model) {
		FieldKpis.Period scope = kpis.period(DrillDown.blankToNull(communityCode), from, to, CurrentActor.get());
		model.addAttribute("scope", scope);
		model.addAttribute("settlements", kpis.settledOnSpot(scope.communityCode(), scope.from(), scope.to(),
				DrillDown.blankToNull(grid), CurrentActor.get()));
		return "manager/field-spot";
	}

	@GetMapping("/manager/field.xlsx")
	ResponseEntity<byte[]> export(@RequestParam(required = false) String communityCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to)
			throws IOException {
		FieldKpis.Figures f = kpis.compute(DrillDown.blankToNull(communityCode), from, to, CurrentActor.get());
		Locale locale = LocaleContextHolder.getLocale();
		List<String> header = Arrays.asList(text("field.kpi.of", locale), text("field.kpi.due", locale),
				text("field.kpi.visitedOnTime", locale), text("field.kpi.coverage", locale), text("field.kpi.found", locale),
				text("field.kpi.settledOnSpot", locale));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbooks.write(text("field.kpi.sheet", locale), header, sheet -> {
			sheet.row(Arrays.asList(text("field.kpi.period", locale), f.from() + " – " + f.to(), null, null,
					null, null));
			sheet.row(Arrays.asList(text("field.kpi.total", locale), f.due(), f.visitedOnTime(), f.coverage(),
					f.foundByGrids(), f.settledOnSpot()));
			sheet.row(Arrays.asList(text("field.kpi.gridShare", locale), f.gridShare(), null, null, f.needs(), null));
			sheet.row(Arrays.asList(text("field.kpi.spotRate", locale), f.spotRate(), null, null, null, null));
			sheet.row(Arrays.asList(text("field.kpi.hoursOnSpot", locale), f.medianHoursOnSpot(), null, null, null, null));
			sheet.row(Arrays.asList(text("field.kpi.hoursToSettle", locale), f.medianHoursToSettle(), null, null, null,
					null));
			for (FieldKpis.Row r : f.byGrid()) {
				sheet.row(Arrays.asList(text("field.kpi.grid", locale) + " · " + r.name(), r.due(), r.visitedOnTime(),
						r.coverage(), r.found(), r.settledOnSpot()));
			}
			for (FieldKpis.Row r : f.byWorker()) {
				sheet.row(Arrays.asList(text("field.kpi.worker", locale) + " · " + r.name(), r.due(), r.visitedOnTime(),
						r.coverage(), r.found(), r.settledOnSpot()));
			}
		}, out);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("field-kpis.xlsx").build().toString())
			.contentType(MediaType.parseMediaType(Workbooks.XLSX))
			.body(out.toByteArray());
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
