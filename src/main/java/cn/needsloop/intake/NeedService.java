package cn.needsloop.intake;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

import cn.needsloop.shared.Wording;

import cn.needsloop.shared.Phase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.needsloop.evidence.CaseKind;
import cn.needsloop.evidence.Evidence;
import cn.needsloop.evidence.EvidenceStep;
import cn.needsloop.process.OpenTask;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.community.Communities;
import cn.needsloop.community.Grid;
import cn.needsloop.community.Grids;
import cn.needsloop.intake.NeedRequests.Classify;
import cn.needsloop.intake.NeedRequests.Confirm;
import cn.needsloop.intake.NeedRequests.ReportNeed;
import cn.needsloop.intake.NeedRequests.Resolve;
import cn.needsloop.intake.NeedRequests.Verify;
import cn.needsloop.process.ProcessGateway;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.Actor;
import cn.needsloop.system.Disclosures;
import cn.needsloop.system.PersonalData;
import cn.needsloop.system.PersonalData.Revealed;
import cn.needsloop.system.PersonalDataReveal;
import cn.needsloop.shared.ProblemException;

/**
 * The needs API: reporting, reading, and moving a need through the steps of its process. Each step
 * is checked here (the need exists, is at that step, the caller may do it) and completed through
 * the engine; the step's listener then writes the domain in the same transaction.
 */
@Service
@Transactional
public class NeedService {

	private final Needs needs;

	private final NeedHistory history;

	private final Communities communities;

	private final Grids grids;

	private final ProcessGateway process;

	private final Disclosures disclosures;

	private final PersonalData personalData;

	private final NeedReading reading;

	private final NeedLog log;

	private final MessageSource messages;

	private final Evidence evidence;

	private final SimilarNeedIndex similar;

	private final org.springframework.beans.factory.ObjectProvider<Addresses> addresses;

	private final NeedAccess access;

	NeedService(Needs needs, NeedHistory history, Communities communities, Grids grids, ProcessGateway process,
			Disclosures disclosures, PersonalData personalData, NeedReading reading, NeedLog log,
			MessageSource messages, Evidence evidence, SimilarNeedIndex similar,
			org.springframework.beans.factory.ObjectProvider<Addresses> addresses, NeedAccess access) {
		this.access = access;
		this.evidence = evidence;
		this.similar = similar;
		this.addresses = addresses;
		this.reading = reading;
		this.log = log;
		this.messages = messages;
		this.needs = needs;
		this.history = history;
		this.communities = communities;
		this.grids = grids;
		this.process = process;
		this.disclosures = disclosures;
		this.personalData = personalData;
	}

	/**
	 * A report with its photos (the report page): the need and its files are kept together or not at all, so a
	 * refused photo reports nothing and the resident sends the form again without it.
	 */
	public Need report(ReportNeed request, Actor actor, List<String> fileNames, List<byte[]> files) {
		Need need = report(request, actor);
		if (!files.isEmpty()) {
			evidence.uploadAll(CaseKind.NEED, need.getId(), EvidenceStep.REPORT, fileNames, files, actor);
		}
		return need;
	}

	public Need report(ReportNeed request, Actor actor) {
		if (!communities.existsById(request.communityCode())) {
			throw ProblemException.badField("communityCode", "problem.community.unknown", request.communityCode());
		}
		// a form's "no grid" choice comes as an empty value
		String gridCode = request.gridCode() == null || request.gridCode().isBlank() ? null : request.gridCode().trim();
		// a household of the register gives the need its grid
		Addresses.Address address = null;
		if (request.householdId() != null) {
			Addresses register = addresses.getIfAvailable();
			address = register == null ? null : register.household(request.householdId())
				.filter(a -> a.communityCode().equals(request.communityCode()))
				.orElse(null);
			if (address == null) {
				throw ProblemException.badField("householdId", "problem.household.unknown", request.householdId());
			}
			gridCode = address.gridCode();
		}
		if (gridCode != null && grids.findById(gridCode)
			.filter(g -> g.getCommunityCode().equals(request.communityCode()))
			.isEmpty()) {
			throw ProblemException.badField("gridCode", "problem.grid.unknown", gridCode);
		}
		Need need = needs.save(new Need(request.communityCode(), gridCode, request.channel(),
				request.title().trim(), request.description().trim(), request.reporterName().trim(),
				request.reporterPhone().trim(), actor.userId(), request.householdCount(), TimeLimits.nowInstant()));
		String place = request.place() == null || request.place().isBlank() ? null : request.place().strip();
		if (address != null || place != null) {
			need.locatedAt(address == null ? null : address.householdId(), place);
		}
		if (Boolean.TRUE.equals(request.urgent())) {
			need.reportedAsUrgent();
		}
		reading.read(need);
		similar.index(need);
		// the timeline starts with the report, by whom it was made
		log.record(need, Phase.DISCOVER, Wording.of("history.reported"), null, actor.userId(), need.getReportedAt());
		Map<String, Object> variables = new HashMap<>();
		variables.put(Var.NEED_ID, need.getId());
		variables.put(Var.COMMUNITY_CODE, need.getCommunityCode());
		variables.put(Var.NEED_TITLE, need.getTitle());
		variables.put(Var.ROUND, need.getRound());
		variables.put(Var.NEED_SCORE, null);
		variables.put(Var.CHANNEL, need.getChannel().name());
		variables.putAll(reading.variables(need));
		need.startedAs(process.startNeed(need.getId(), variables));
		return need;
	}

	/**
	 * A need found by staff on the spot (a grid worker on patrol): reported and verified at once by the person who
	 * found it, so that it skips the steward's verification and goes straight to classification. The caller has
	 * checked that the actor may report for that grid.
	 */
	public Need reportVerified(ReportNeed request, String note, Actor actor) {
		return reportVerified(request, note, Map.of(), actor);
	}

	/**
	 * As {@link #reportVerified(ReportNeed, String, Actor)}, with more variables for the need's process (a grid
	 * worker's request to settle it on the spot, which {@code needs-loop.bpmn} puts to {@code spot-settlement.dmn}).
	 */
	public Need reportVerified(ReportNeed request, String note, Map<String, Object> processVariables, Actor actor) {
		Need need = report(request, actor);
		OpenTask task = process.currentTask(need.getProcessInstanceId(), Step.VERIFY_NEED, "problem.need.notAtStep.verify",
				need.getId());
		Map<String, Object> variables = new HashMap<>();
		variables.put(Var.VERIFICATION_VERDICT, VerificationVerdict.GENUINE.name());
		variables.put(Var.DUPLICATE_OF_ID, null);
		variables.put(Var.VERIFICATION_NOTE, note);
		variables.putAll(processVariables);
		process.completeOnTheSpot(task, variables, actor);
		return need;
	}

	@Transactional(readOnly = true)
	public NeedView view(Long id, Actor actor) {
		Need need = needs.require(id);
		access.requireSee(actor, need);
		Locale reader = LocaleContextHolder.getLocale();
		return NeedView.of(need, history.findByNeedIdOrderByAtAscIdAsc(id),
				disclosures.ofCommunity(actor, need.getCommunityCode()), h -> h.activityIn(messages, reader));
	}

	/** The steward of the need's community sees the reporter's phone number in full; recorded. */
	public Revealed revealReporterPhone(Long id, Actor actor) {
		Need need = needs.require(id);
		return personalData.reveal(actor, need.getCommunityCode(), PersonalDataReveal.Record.NEED, id,
				"reporterPhone", need.getReporterPhone());
	}

	@Transactional(readOnly = true)
	public Page<NeedView> list(NeedFilter filter, int page, int size, Actor actor) {
		Specification<Need> spec = filter.toSpecification();
		if (!actor.isManager()) {
			List<String> own = actor.stewardCommunities();
			if (filter.communityCode() != null && !own.isEmpty() && !own.contains(filter.communityCode())) {
				throw ProblemException.forbidden("problem.community.notYours", filter.communityCode());
			}
			spec = spec.and(own.isEmpty() ? (root, q, cb) -> cb.equal(root.get("reporterUser"), actor.userId())
					: (root, q, cb) -> root.get("communityCode").in(own));
		}
		PageRequest request = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "reportedAt", "id"));
		return needs.findAll(spec, request)
			.map(n -> NeedView.of(n, null, disclosures.ofCommunity(actor, n.getCommunityCode()), null));
	}

	/**
	 * The grids a steward may give this need now: those of its community, if the need has none and is not yet
	 * classified and the reader is its community's steward or a manager; otherwise none.
	 */
	@Transactional(readOnly = true)
	public List<Grid> gridChoices(Long id, Actor actor) {
		Need need = needs.require(id);
		if (need.getGridCode() != null || need.getCategorizedAt() != null || !need.isOpen()
				|| !(actor.isManager() || actor.isStewardOf(need.getCommunityCode()))) {
			return List.of();
		}
		return grids.findAll().stream()
			.filter(g -> g.getCommunityCode().equals(need.getCommunityCode()))
			.sorted(java.util.Comparator.comparing(Grid::getCode))
			.toList();
	}

	/**
	 * The steward gives a need reported without a grid its grid, before classification (分类前补定网格): one of the
	 * need's community; written into the need's history. A need that has a grid, or is classified, keeps it.
	 */
	public void assignGrid(Long id, String gridCode, Actor actor) {
		Need need = needs.require(id);
		if (!actor.isManager() && !actor.isStewardOf(need.getCommunityCode())) {
			throw ProblemException.forbidden("problem.need.gridStewardOnly", id);
		}
		if (need.getGridCode() != null) {
			throw ProblemException.conflict("problem.need.hasGrid", id, need.getGridCode());
		}
		if (need.getCategorizedAt() != null || !need.isOpen()) {
			throw ProblemException.conflict("problem.need.gridTooLate", id);
		}
		String code = gridCode == null ? "" : gridCode.trim();
		Grid grid = grids.findById(code)
			.filter(g -> g.getCommunityCode().equals(need.getCommunityCode()))
			.orElseThrow(() -> ProblemException.badField("gridCode", "problem.grid.unknown", code));
		need.assignedToGrid(grid.getCode());
		log.record(need, need.getPhase(), Wording.of("history.gridAssigned", grid.getName()), null, actor.userId());
	}

	public void verify(Long id, Verify request, Actor actor) {
		Need need = stepOf(id, actor);
		OpenTask task = process.taskToWork(need.getProcessInstanceId(), Step.VERIFY_NEED, actor, "problem.need.notAtStep.verify", id);
		Map<String, Object> variables = new HashMap<>();
		variables.put(Var.VERIFICATION_VERDICT, request.verdict().name());
		variables.put(Var.DUPLICATE_OF_ID, request.duplicateOfId());
		variables.put(Var.VERIFICATION_NOTE, request.note());
		process.complete(task, variables, actor);
	}

	public void classify(Long id, Classify request, Actor actor) {
		Need need = stepOf(id, actor);
		OpenTask task = process.taskToWork(need.getProcessInstanceId(), Step.CLASSIFY_NEED, actor, "problem.need.notAtStep.classify", id);
		process.complete(task, Map.of(Var.CATEGORY, request.category().name(), Var.URGENCY, request.urgency().name(),
				Var.SCOPE, request.scope().name()), actor);
	}

	public void resolve(Long id, Resolve request, Actor actor) {
		Need need = needs.require(id);
		OpenTask task = process.taskToWork(need.getProcessInstanceId(), Step.RESOLVE_NEED, actor, "problem.need.notAtStep.resolve", id);
		process.complete(task, Map.of(Var.RESOLUTION_NOTE, request.note(), Var.RETURNED, false), actor);
	}

	public void confirm(Long id, Confirm request, Actor actor) {
		Need need = needs.require(id);
		access.requireSee(actor, need);
		OpenTask task = process.taskToWork(need.getProcessInstanceId(), Step.CONFIRM_RESOLUTION, actor, "problem.need.notAtStep.confirm", id);
		Map<String, Object> variables = new HashMap<>();
		variables.put(Var.NEED_SCORE, request.score());
		variables.put(Var.CONFIRMATION_COMMENT, request.comment());
		process.complete(task, variables, actor);
	}

	private Need stepOf(Long id, Actor actor) {
		Need need = needs.require(id);
		if (!actor.isStewardOf(need.getCommunityCode())) {
			throw ProblemException.forbidden("problem.need.stewardOnly", id);
		}
		return need;
	}

	/** Pooled common needs of a community waiting for a project, for the steward who designs one. */
	@Transactional(readOnly = true)
	public List<NeedView> pool(String communityCode, Actor actor) {
		if (!actor.isManager() && !actor.isStewardOf(communityCode)) {
			throw ProblemException.forbidden("problem.community.notYours", communityCode);
		}
		List<NeedView> result = new ArrayList<>();
		needs.findAll(new NeedFilter(communityCode, NeedStatus.OPEN, null, null).toSpecification()
			.and((root, q, cb) -> cb.isTrue(root.get("pooled"))), Sort.by("category", "reportedAt"))
			.forEach(n -> result.add(NeedView.of(n, null, disclosures.ofCommunity(actor, n.getCommunityCode()), null)));
		return result;
	}

	/** A page of {@link #pool(String, Actor)}, by category then report time, with the total the pages show. */
	@Transactional(readOnly = true)
	public Page<NeedView> pool(String communityCode, int page, int size, Actor actor) {
		if (!actor.isManager() && !actor.isStewardOf(communityCode)) {
			throw ProblemException.forbidden("problem.community.notYours", communityCode);
		}
		return needs.findAll(new NeedFilter(communityCode, NeedStatus.OPEN, null, null).toSpecification()
			.and((root, q, cb) -> cb.isTrue(root.get("pooled"))),
				PageRequest.of(page, size, Sort.by("category", "reportedAt", "id")))
			.map(n -> NeedView.of(n, null, disclosures.ofCommunity(actor, n.getCommunityCode()), null));
	}

}
