package cn.needsloop.kpi;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import cn.needsloop.community.Organization;
import cn.needsloop.community.Organizations;
import cn.needsloop.kpi.DrillDown.ConsultationQuery;
import cn.needsloop.kpi.DrillDown.ConsultationRow;
import cn.needsloop.kpi.DrillDown.OverdueTask;
import cn.needsloop.kpi.DrillDown.ProjectQuery;
import cn.needsloop.kpi.DrillDown.ProjectRow;
import cn.needsloop.kpi.DrillDown.TaskQuery;
import cn.needsloop.shared.Actor;
import cn.needsloop.system.CurrentActor;
import cn.needsloop.system.PageDates;
import cn.needsloop.system.PageView;
import jakarta.validation.constraints.Max;

/**
 * The lists behind the dashboard's figures other than needs: overdue tasks (of a line), service
 * projects (of an implementer, or behind a project KPI) and consultations (behind the consultation
 * application rate). Each shows the filter it was drilled with and exports to Excel in the
 * background like the needs list ({@link ExportJobs}, {@code export.js}).
 */
@Controller
class DrillDownController {

	private static final int PAGE = 50;

	private static final int EXPORT_PAGE = 200;

	private final KpiService kpis;

	private final Organizations organizations;

	private final ExportJobs exports;

	private final KpiTexts texts;

	DrillDownController(KpiService kpis, Organizations organizations, ExportJobs exports, KpiTexts texts) {
		this.texts = texts;
		this.kpis = kpis;
		this.organizations = organizations;
		this.exports = exports;
		exports.recipe("tasks", TaskQuery.class, this::tasksExport);
		exports.recipe("projects", ProjectQuery.class, this::projectsExport);
		exports.recipe("consultations", ConsultationQuery.class, this::consultationsExport);
	}

	@GetMapping("/manager/tasks")
	String overdueTasks(TaskQuery filter, Model model) {
		TaskQuery f = filter.clean();
		model.addAttribute("filter", f);
		model.addAttribute("tasks", kpis.overdueTasks(f, CurrentActor.get()));
		model.addAttribute("communityNames", texts.communityNames());
		return "manager/tasks";
	}

	@GetMapping("/manager/projects")
	String projects(ProjectQuery filter, @RequestParam(defaultValue = "0") @Max(PageView.MAX_PAGE) int page, Model model) {
		ProjectQuery f = filter.clean();
		model.addAttribute("filter", f);
		model.addAttribute("page", kpis.projects(f, Math.max(page, 0), PAGE, CurrentActor.get()));
		model.addAttribute("communityNames", texts.communityNames());
		model.addAttribute("claimantName", f.claimant() == null ? null
				: organizations.findById(f.claimant()).map(Organization::getName).orElse(f.claimant()));
		return "manager/projects";
	}

	@GetMapping("/manager/consultations")
	String consultations(ConsultationQuery filter, @RequestParam(defaultValue = "0") @Max(PageView.MAX_PAGE) int page,
			Model model) {
		ConsultationQuery f = filter.clean();
		model.addAttribute("filter", f);
		model.addAttribute("page", kpis.consultations(f, Math.max(page, 0), PAGE, CurrentActor.get()));
		model.addAttribute("communityNames", texts.communityNames());
		return "manager/consultations";
	}

	@PostMapping(path = "/manager/exports/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> exportTasks(TaskQuery filter) {
		return exports.start("tasks", CurrentActor.get(), LocaleContextHolder.getLocale(), "overdue-tasks.xlsx",
				filter.clean()).status();
	}

	private ExportJobs.Work tasksExport(TaskQuery f, Actor me, Locale locale) {
		Map<String, String> names = texts.communityNames();
		return export("export.tasks.sheet", locale,
				List.of("task", "subject", "community", "line", "phase", "assignee", "created", "due", "overdueHours"),
				page -> {
					List<OverdueTask> all = kpis.overdueTasks(f, me);
					return new PageImpl<>(all, PageRequest.of(0, Math.max(all.size(), 1)), all.size());
				},
				t -> Arrays.asList(t.name(), t.subject(), names.getOrDefault(t.communityCode(), t.communityCode()),
						texts.line(t.line(), locale),
						texts.label("enum.Phase.", t.phase(), locale), t.assignee(), PageDates.format(t.created()),
						PageDates.format(t.due()), t.overdueHours()));
	}

	@PostMapping(path = "/manager/exports/projects", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> exportProjects(ProjectQuery filter) {
		return exports.start("projects", CurrentActor.get(), LocaleContextHolder.getLocale(), "projects.xlsx",
				filter.clean()).status();
	}

	private ExportJobs.Work projectsExport(ProjectQuery f, Actor me, Locale locale) {
		Map<String, String> names = texts.communityNames();
		return export("export.projects.sheet", locale,
				List.of("id", "title", "community", "category", "status", "claimant", "createdAt", "publishedAt",
						"claimedInTime", "plannedEnd", "completedAt", "onTime", "verdict", "residentAverage",
						"communityAverage"),
				page -> kpis.projects(f, page, EXPORT_PAGE, me),
				p -> Arrays.asList(p.id(), p.title(), names.getOrDefault(p.communityCode(), p.communityCode()),
						texts.label("enum.Category.", p.category(), locale), texts.label("enum.ProjectStatus.", p.status(), locale),
						p.claimantName(), PageDates.format(p.createdAt()), PageDates.format(p.publishedAt()),
						texts.yesNo(p.claimedInTime(), locale), p.plannedEnd() == null ? null : p.plannedEnd().toString(),
						PageDates.format(p.completedAt()), texts.yesNo(p.onTime(), locale),
						texts.label("enum.Verdict.", p.verdict(), locale), p.residentAverage(), p.communityAverage()));
	}

	@PostMapping(path = "/manager/exports/consultations", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> exportConsultations(ConsultationQuery filter) {
		return exports.start("consultations", CurrentActor.get(), LocaleContextHolder.getLocale(), "consultations.xlsx",
				filter.clean()).status();
	}

	private ExportJobs.Work consultationsExport(ConsultationQuery f, Actor me, Locale locale) {
		Map<String, String> names = texts.communityNames();
		return export("export.consultations.sheet", locale,
				List.of("id", "community", "topic", "topicType", "level", "result", "rounds", "attendees", "votesFor",
						"votesAgainst", "votesAbstain", "concludedAt", "appliedAt", "applicationReport"),
				page -> kpis.consultations(f, page, EXPORT_PAGE, me),
				k -> Arrays.asList(k.id(), names.getOrDefault(k.communityCode(), k.communityCode()), k.topic(),
						texts.label("enum.TopicType.", k.topicType(), locale), texts.label("enum.ConsultationLevel.", k.level(), locale),
						texts.label("enum.RoundResult.", k.result(), locale), k.round(), k.attendees(), k.votesFor(),
						k.votesAgainst(), k.votesAbstain(), PageDates.format(k.concludedAt()),
						PageDates.format(k.appliedAt()), k.applicationReport()));
	}

	/** Writes the pages of a list into a workbook in the background, counting rows for the progress bar. */
	private <T> ExportJobs.Work export(String sheetKey, Locale locale, List<String> columns, IntFunction<Page<T>> pages,
			Function<T, List<?>> row) {
		List<String> header = columns.stream().map(h -> texts.text(sheetKey.replace(".sheet", "." + h), locale)).toList();
		return ExportJobs.pages(texts.text(sheetKey, locale), header, pages, row);
	}
}
