package cn.needsloop.field;

import java.math.BigDecimal;
import cn.needsloop.shared.Category;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.needsloop.community.Grid;
import cn.needsloop.community.Grids;
import cn.needsloop.intake.Need;
import cn.needsloop.shared.Actor;
import cn.needsloop.shared.ProblemException;
import cn.needsloop.system.CurrentActor;
import cn.needsloop.system.Pages;

/**
 * Field work on pages, phone first: a grid worker's patrol of the day (the households due a visit, a visit recorded
 * with one tap and a note, a finding reported as a verified need, the patrol finished), and the steward's household
 * register (a page of it, the template, import with the row-by-row report, export).
 */
@Controller
class FieldPageController {

	/** The refused cells an import's page lists (the API gives them all). */
	static final int REFUSALS_SHOWN = 500;

	private final PatrolService patrols;

	private final HouseholdService households;

	private final HouseholdImportJobs imports;

	private final Grids grids;

	FieldPageController(PatrolService patrols, HouseholdService households, HouseholdImportJobs imports, Grids grids) {
		this.patrols = patrols;
		this.households = households;
		this.imports = imports;
		this.grids = grids;
	}

	/** The worker's open patrols: straight to today's when there is only one. */
	@GetMapping("/patrols")
	String patrols(Model model) {
		List<Patrol> open = patrols.open(CurrentActor.get());
		if (open.size() == 1) {
			return "redirect:/patrols/" + open.get(0).getId();
		}
		model.addAttribute("patrols", open);
		return "patrols/list";
	}

	@GetMapping("/patrols/{id}")
	String patrol(@PathVariable Long id, @RequestParam(defaultValue = "0") int page, Model model) {
		Actor me = CurrentActor.get();
		PatrolService.PatrolDay day = patrols.day(id, me, Math.max(0, page), PatrolService.PAGE_SIZE);
		model.addAttribute("day", day);
		model.addAttribute("mayWalk", day.patrol().getStatus() == Patrol.Status.OPEN
				&& (me.userId().equals(day.patrol().getWorkerUser()) || me.isGridWorkerOf(day.patrol().getGridCode())));
		model.addAttribute("results", Visit.Result.values());
		model.addAttribute("categories", Category.values());
		return "patrols/day";
	}

	@PostMapping("/patrols/{id}/visits")
	String visit(@PathVariable Long id, @RequestParam Long householdId, @RequestParam(required = false) Visit.Result result,
			@RequestParam(required = false) String note, @RequestParam(required = false) MultipartFile photo,
			RedirectAttributes flash) throws IOException {
		patrols.recordVisit(id, new PatrolService.RecordVisit(householdId, result, note), photo(photo), CurrentActor.get());
		Pages.flashDone(flash, "patrol.visitRecorded");
		return "redirect:/patrols/" + id + "#household-" + householdId;
	}

	@PostMapping("/patrols/{id}/findings")
	String finding(@PathVariable Long id, @RequestParam(required = false) Long householdId,
			@RequestParam(required = false) String place, @RequestParam(required = false) String title,
			@RequestParam(required = false) String description, @RequestParam(required = false) Boolean urgent,
			@RequestParam(required = false) String contactPhone, @RequestParam(required = false) Category spotCategory,
			@RequestParam(required = false) BigDecimal estimatedCost, @RequestParam(required = false) String resolutionNote,
			@RequestParam(required = false) MultipartFile photo, @RequestParam(required = false) MultipartFile afterPhoto,
			RedirectAttributes flash) throws IOException {
		PatrolService.Reported reported = patrols.reportFromPage(id,
				new PatrolService.Finding(householdId, place, title, description, urgent, null, contactPhone, spotCategory,
						estimatedCost),
				photo(photo), resolutionNote, photo(afterPhoto), CurrentActor.get());
		flash.addFlashAttribute("reportedNeed", reported.need().getId());
		if (reported.spotSettlement() == null) {
			Pages.flashDone(flash, "patrol.findingReported");
		}
		else if (reported.mayBeSettledOnSpot()) {
			Pages.flashDone(flash, "patrol.spot.settled");
		}
		else {
			Pages.flashDone(flash, "patrol.spot.refused." + reported.spotSettlement());
		}
		return "redirect:/patrols/" + id;
	}

	private static PatrolService.Photo photo(MultipartFile file) throws IOException {
		return file == null || file.isEmpty() ? null : new PatrolService.Photo(file.getOriginalFilename(), file.getBytes());
	}

	/** The need's page: the grid worker settles on the spot a need waiting for it (after-photo uploaded there). */
	@PostMapping("/needs/{id}/settle-on-spot")
	String settleOnSpot(@PathVariable Long id, @RequestParam(required = false) String resolutionNote,
			RedirectAttributes flash) {
		patrols.settleOnSpot(id, resolutionNote, CurrentActor.get());
		Pages.flashDone(flash, "patrol.spot.settled");
		return "redirect:/needs/" + id;
	}

	@PostMapping("/patrols/{id}/finish")
	String finish(@PathVariable Long id, @RequestParam(required = false) String note, RedirectAttributes flash) {
		patrols.finish(id, note, CurrentActor.get());
		Pages.flashDone(flash, "patrol.finished");
		return "redirect:/patrols/" + id;
	}

	/** The steward's register: a page of one community's households (50 a page), with import and export. */
	@GetMapping("/steward/households")
	String register(@RequestParam(required = false) String community, @RequestParam(required = false) String grid,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Actor me = CurrentActor.get();
		List<String> mine = me.stewardCommunities();
		String shown = community != null ? community : mine.stream().findFirst().orElse(null);
		if (shown == null) {
			throw ProblemException.forbidden("problem.household.stewardOnly", "");
		}
		Page<HouseholdView> found = households.list(shown, grid, Math.max(0, page), 50, me);
		model.addAttribute("community", shown);
		model.addAttribute("communities", mine);
		model.addAttribute("grid", grid);
		model.addAttribute("grids", grids.findAll().stream().filter(g -> g.getCommunityCode().equals(shown))
			.sorted(java.util.Comparator.comparing(Grid::getCode)).toList());
		model.addAttribute("households", found);
		return "households/register";
	}

	@PostMapping("/steward/households/import")
	String importSheet(@RequestParam String community, @RequestParam(name = "file", required = false) MultipartFile file,
			RedirectAttributes flash) throws IOException {
		if (file == null || file.isEmpty()) {
			Pages.flashError(flash, "household.import.noFile");
			return "redirect:/steward/households?community=" + community;
		}
		HouseholdImportJobs.Status started = imports.start(community, file.getOriginalFilename(), file.getBytes(),
				CurrentActor.get(), LocaleContextHolder.getLocale());
		return "redirect:/steward/households/imports/" + started.id();
	}

	/**
	 * An import's page: its progress while it runs (the page's script polls {@link #importProgress}; without it a
	 * refresh shows where it is), then what was added and updated, or each refused row and column and why.
	 */
	@GetMapping("/steward/households/imports/{id}")
	String importPage(@PathVariable String id, Model model) {
		HouseholdImportJobs.Status status = imports.status(id, CurrentActor.get());
		model.addAttribute("job", status);
		model.addAttribute("community", status.communityCode());
		model.addAttribute("shownRefusals", status.refused().subList(0, Math.min(status.refused().size(), REFUSALS_SHOWN)));
		return "households/import";
	}

	/** The import's progress for the page's script (the signed-in session); the API has {@code /api/households/imports/{id}}. */
	@GetMapping(path = "/steward/households/imports/{id}/status", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> importProgress(@PathVariable String id) {
		HouseholdImportJobs.Status status = imports.status(id, CurrentActor.get());
		Map<String, Object> progress = new LinkedHashMap<>();
		progress.put("id", status.id());
		progress.put("state", status.state());
		progress.put("phase", status.phase());
		progress.put("total", status.total());
		progress.put("checked", status.checked());
		progress.put("written", status.written());
		progress.put("percent", status.percent());
		progress.put("finished", status.finished());
		return progress;
	}
}
