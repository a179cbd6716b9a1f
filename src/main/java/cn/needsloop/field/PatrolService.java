package cn.needsloop.field;

import cn.needsloop.shared.ChinaTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.calendar.WorkingCalendar;
import cn.needsloop.community.Places;
import cn.needsloop.intake.Need;
import cn.needsloop.intake.NeedRequests.ReportNeed;
import cn.needsloop.intake.NeedService;
import cn.needsloop.process.Accounts;
import cn.needsloop.process.OpenTask;
import cn.needsloop.process.ProcessGateway;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.shared.Actor;
import cn.needsloop.shared.Channel;
import cn.needsloop.shared.ProblemException;
import cn.needsloop.shared.Category;
import cn.needsloop.evidence.CaseKind;
import cn.needsloop.evidence.Evidence;
import cn.needsloop.evidence.EvidenceStep;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;
import java.math.BigDecimal;
import java.util.Locale;

import org.springframework.context.MessageSource;

import cn.needsloop.shared.Wording;

/**
 * The daily patrols: planned each working day for each grid worker ({@code grid-patrol.bpmn}), the day's list of
 * households due a visit, the visits recorded on it, the needs found on it (channel {@code GRID_PATROL}, verified
 * by the worker who found them), and the patrol finished.
 */
@Service
@Transactional
public class PatrolService {

	public static final String PROCESS = "gridPatrol";

	public static final String WALK_PATROL = "userTask_walkPatrol";

	/** Process variables of a patrol. */
	static final String PATROL_ID = "patrolId";

	static final String PATROL_DUE = "patrolDue";

	static final String PATROL_ESCALATION = "patrolEscalation";

	static final String PATROL_NOTE = "patrolNote";

	/** The hour (Beijing time) of the next working day by which a day's patrol must be finished. */
	static final int DUE_HOUR = 18;

	/** A household on the day's list and what was done there on this patrol. */
	public record DueHousehold(HouseholdView household, Visit visit) {
	}

	/**
	 * A patrol with its list: the households due a visit on its day, those visited on it first as they were done (on
	 * the first page); {@code due} counts them all, {@code page} of {@code pages} says which part of the due ones
	 * this is.
	 */
	public record PatrolDay(Patrol patrol, String gridName, List<DueHousehold> households, int due, int visited,
			int page, int pages) {
	}

	/** How many due households a page of the day list shows (the phone page and the API's default). */
	public static final int PAGE_SIZE = 100;

	/** A visit recorded on a phone. */
	public record RecordVisit(Long householdId, Visit.Result result, String note) {
	}

	/**
	 * A need found on patrol: about a household of the list, or a place in words. With a category and an estimated
	 * cost (yuan) the worker asks to settle it on the spot (就地办结); {@code spot-settlement.dmn} decides.
	 */
	public record Finding(Long householdId, String place, String title, String description, Boolean urgent,
			String contactName, String contactPhone, Category spotCategory, BigDecimal estimatedCost) {

		public Finding(Long householdId, String place, String title, String description, Boolean urgent,
				String contactName, String contactPhone) {
			this(householdId, place, title, description, urgent, contactName, contactPhone, null, null);
		}
	}

	/**
	 * A finding reported: the need, and, if the worker asked to settle it on the spot, what
	 * {@code spot-settlement.dmn} said (ON_SPOT: the worker's step {@code userTask_settleOnSpot} waits for them;
	 * otherwise URGENT, COSTLY or NOT_SMALL and the need went to the steward's classification).
	 */
	public record Reported(Need need, String spotSettlement) {

		public boolean mayBeSettledOnSpot() {
			return ON_SPOT.equals(spotSettlement);
		}
	}

	/** What {@code spot-settlement.dmn} answers when a need may be settled on the spot. */
	public static final String ON_SPOT = "ON_SPOT";

	/** The largest estimated cost taken, in yuan (a typing slip beyond it is refused, not decided). */
	static final BigDecimal MAX_COST = new BigDecimal("1000000");

	private final Patrols patrols;

	private final Visits visits;

	private final Households households;

	private final GridMembers members;

	private final WorkingCalendar calendar;

	private final ProcessGateway process;

	private final NeedService needs;

	private final Places places;

	private final Accounts accounts;

	private final HouseholdViewLog viewLog;

	private final cn.needsloop.intake.Needs needRecords;

	private final Evidence evidence;

	private final MessageSource messages;

	/** A photo taken on a phone: its file name and bytes (checked and re-encoded by the evidence module). */
	public record Photo(String fileName, byte[] bytes) {

		public boolean present() {
			return bytes != null && bytes.length > 0;
		}
	}

	PatrolService(Patrols patrols, Visits visits, Households households, GridMembers members, WorkingCalendar calendar,
			ProcessGateway process, NeedService needs, Places places, Accounts accounts, HouseholdViewLog viewLog,
			cn.needsloop.intake.Needs needRecords, Evidence evidence, MessageSource messages) {
		this.messages = messages;
		this.needRecords = needRecords;
		this.evidence = evidence;
		this.patrols = patrols;
		this.visits = visits;
		this.households = households;
		this.members = members;
		this.calendar = calendar;
		this.process = process;
		this.needs = needs;
		this.places = places;
		this.accounts = accounts;
		this.viewLog = viewLog;
	}

	/**
	 * On a working day, a patrol for each grid worker who has none for that day yet, each in its own process
	 * instance. On a holiday or weekend (the Chinese calendar, with its make-up working days) none.
	 * @return the patrols planned
	 */
	public List<Patrol> plan(LocalDate day) {
		List<Patrol> planned = new ArrayList<>();
		if (!calendar.isWorkingDay(day)) {
			return planned;
		}
		ZonedDateTime due = calendar.plusWorkingDays(day.atTime(DUE_HOUR, 0).atZone(ChinaTime.ZONE), 1);
		ZonedDateTime escalation = calendar.plusWorkingDays(due, 1);
		for (GridMember member : members.findAllByOrderByGridCodeAscUserIdAsc()) {
			if (patrols.findByWorkerUserAndPatrolDay(member.getUserId(), day).isPresent()) {
				continue;
			}
			Patrol patrol = new Patrol(member.getGridCode(), member.getCommunityCode(), member.getUserId(), day,
					due.toInstant());
			patrol.dueAtPlanning(households.countDueIn(member.getGridCode(), day));
			patrol = patrols.save(patrol);
			Map<String, Object> variables = new HashMap<>();
			variables.put(PATROL_ID, patrol.getId());
			variables.put("workerUser", member.getUserId());
			variables.put("gridCode", member.getGridCode());
			variables.put("communityCode", member.getCommunityCode());
			// Tasklist shows the title as it is: in the deployment's language
			variables.put("subjectTitle", subjectTitle(patrol).render(messages, Locale.SIMPLIFIED_CHINESE));
			variables.put(PATROL_DUE, Date.from(due.toInstant()));
			variables.put(PATROL_ESCALATION, Date.from(escalation.toInstant()));
			patrol.startedAs(process.start(PROCESS, patrol.getId(), variables));
			planned.add(patrol);
		}
		return planned;
	}

	/** A patrol's title: 巡查 幸福社区第一网格 2026-03-02 张三. */
	Wording subjectTitle(Patrol patrol) {
		return Wording.of("patrol.subjectTitle", places.grid(patrol.getGridCode()), patrol.getPatrolDay().toString(),
				accounts.nameOf(patrol.getWorkerUser()));
	}

	Patrol require(Long id) {
		return patrols.findById(id).orElseThrow(() -> ProblemException.notFound("patrol", id));
	}

	private static boolean mayWalk(Actor actor, Patrol patrol) {
		return actor.userId().equals(patrol.getWorkerUser()) || actor.isGridWorkerOf(patrol.getGridCode());
	}

	private static void requireSee(Actor actor, Patrol patrol) {
		if (!mayWalk(actor, patrol) && !actor.isManager() && !actor.isStewardOf(patrol.getCommunityCode())) {
			throw ProblemException.forbidden("problem.patrol.notYours", patrol.getId());
		}
	}

	private static void requireWalk(Actor actor, Patrol patrol) {
		if (!mayWalk(actor, patrol)) {
			throw ProblemException.forbidden("problem.patrol.notYours", patrol.getId());
		}
		if (patrol.getStatus() != Patrol.Status.OPEN) {
			throw ProblemException.conflict("problem.patrol.done", patrol.getId());
		}
	}

	/** The worker's open patrols, the newest first (today's, and any not finished yet). */
	@Transactional(readOnly = true)
	public List<Patrol> open(Actor actor) {
		return patrols.findByWorkerUserAndStatusOrderByPatrolDayDesc(actor.userId(), Patrol.Status.OPEN);
	}

	/**
	 * A patrol's list, whole: the households of the grid due a visit on the patrol's day (the longest overdue first)
	 * and those visited on this patrol.
	 */
	public PatrolDay day(Long patrolId, Actor actor) {
		return day(patrolId, actor, 0, Integer.MAX_VALUE);
	}

	/**
	 * A page of a patrol's list: those visited on this patrol (on the first page), then a page of the households of
	 * the grid due a visit on the patrol's day, the longest overdue first; one counting query tells how many are due
	 * in all. One look at the grid's households, logged once with how many it showed.
	 */
	public PatrolDay day(Long patrolId, Actor actor, int page, int size) {
		Patrol patrol = require(patrolId);
		requireSee(actor, patrol);
		int pageSize = Math.max(1, size);
		int pageNumber = Math.max(0, page);
		List<Visit> done = visits.findByPatrolIdOrderByVisitedAtAscIdAsc(patrolId);
		Map<Long, Visit> byHousehold = new HashMap<>();
		done.forEach(v -> byHousehold.put(v.getHouseholdId(), v));
		List<DueHousehold> list = new ArrayList<>();
		Set<Long> listed = new HashSet<>();
		int visitedStillDue = 0;
		if (!byHousehold.isEmpty()) {
			List<DueHousehold> visitedList = new ArrayList<>();
			for (Household h : households.findAllById(byHousehold.keySet())) {
				visitedList.add(new DueHousehold(HouseholdView.of(h, HouseholdService.serves(actor, h), messages), byHousehold.get(h.getId())));
				listed.add(h.getId());
				if (h.getNextVisitOn() != null && !h.getNextVisitOn().isAfter(patrol.getPatrolDay())) {
					visitedStillDue++;
				}
			}
			visitedList.sort(java.util.Comparator.comparing((DueHousehold d) -> d.visit().getVisitedAt()));
			if (pageNumber == 0) {
				list.addAll(visitedList);
			}
		}
		long dueInAll = households.countDueIn(patrol.getGridCode(), patrol.getPatrolDay());
		List<Household> duePage = pageSize == Integer.MAX_VALUE && pageNumber == 0
				? households.dueIn(patrol.getGridCode(), patrol.getPatrolDay())
				: households.dueIn(patrol.getGridCode(), patrol.getPatrolDay(),
						org.springframework.data.domain.PageRequest.of(pageNumber, pageSize));
		for (Household h : duePage) {
			if (listed.add(h.getId())) {
				list.add(new DueHousehold(HouseholdView.of(h, HouseholdService.serves(actor, h), messages), null));
			}
		}
		if (!list.isEmpty()) {
			viewLog.save(new HouseholdViewEntry(actor.userId(), null, patrol.getGridCode(), patrol.getCommunityCode(),
					list.size(), "PATROL", TimeLimits.nowInstant()));
		}
		int pages = dueInAll == 0 ? 1 : (int) Math.min(Integer.MAX_VALUE, (dueInAll + pageSize - 1) / pageSize);
		return new PatrolDay(patrol, places.grid(patrol.getGridCode()), list,
				(int) (dueInAll - visitedStillDue) + byHousehold.size(), byHousehold.size(), pageNumber, pages);
	}

	/** A visit to a household of the patrol's grid: recorded, and the household's next visit falls due an interval later. */
	public Visit recordVisit(Long patrolId, RecordVisit request, Actor actor) {
		Patrol patrol = require(patrolId);
		requireWalk(actor, patrol);
		if (request.householdId() == null) {
			throw ProblemException.badField("householdId", "problem.household.unknown", "");
		}
		if (request.result() == null) {
			throw ProblemException.badField("result", "problem.visit.result");
		}
		if (request.note() != null && request.note().length() > 1000) {
			throw ProblemException.badField("note", "problem.visit.noteTooLong", 1000);
		}
		Household household = households.findById(request.householdId())
			.filter(h -> h.getGridCode().equals(patrol.getGridCode()))
			.orElseThrow(() -> ProblemException.badField("householdId", "problem.household.unknown", request.householdId()));
		Instant now = TimeLimits.nowInstant();
		Visit visit = visits.save(new Visit(patrol.getId(), household.getId(), actor.userId(), household.getVisitKind(),
				request.result(), request.note() == null || request.note().isBlank() ? null : request.note().strip(), now));
		// not reached: the household stays due (tomorrow's list has it again)
		if (request.result() != Visit.Result.NOT_REACHED) {
			household.visitedOn(now.atZone(ChinaTime.ZONE).toLocalDate());
		}
		return visit;
	}

	/**
	 * A visit with its photo (the phone's page): the visit and the photo are kept together or not at all, so a refused
	 * photo records nothing and the worker sends the form again. The photo follows the visit's grid and community
	 * ({@link VisitEvidenceCases}).
	 */
	public Visit recordVisit(Long patrolId, RecordVisit request, Photo photo, Actor actor) {
		Visit visit = recordVisit(patrolId, request, actor);
		if (photo != null && photo.present()) {
			evidence.upload(CaseKind.VISIT, visit.getId(), EvidenceStep.VISIT, photo.fileName(), photo.bytes(), actor);
		}
		return visit;
	}

	/**
	 * A finding from the phone's page, in one go: the need, its photo (REPORT), and, if the worker asked to settle
	 * it on the spot and {@code spot-settlement.dmn} agrees, its after-photo and the settlement. All or nothing: a
	 * refused photo or a missing note reports nothing. If the table does not agree, the after-photo is kept as a
	 * photo of the report and the need goes to the steward.
	 */
	public Reported reportFromPage(Long patrolId, Finding finding, Photo photo, String resolutionNote, Photo afterPhoto,
			Actor actor) {
		Reported reported = report(patrolId, finding, actor);
		Long needId = reported.need().getId();
		if (photo != null && photo.present()) {
			evidence.upload(CaseKind.NEED, needId, EvidenceStep.REPORT, photo.fileName(), photo.bytes(), actor);
		}
		if (afterPhoto != null && afterPhoto.present()) {
			evidence.upload(CaseKind.NEED, needId,
					reported.mayBeSettledOnSpot() ? EvidenceStep.SPOT_SETTLEMENT : EvidenceStep.REPORT,
					afterPhoto.fileName(), afterPhoto.bytes(), actor);
		}
		if (reported.mayBeSettledOnSpot()) {
			settleOnSpot(needId, resolutionNote, actor);
		}
		return reported;
	}

	/**
	 * A need found on patrol: reported with channel {@code GRID_PATROL} and the household's address (or the place),
	 * already verified by the worker (it skips the steward's verification and goes to classification). The contact
	 * is the household's head unless another is given.
	 */
	public Need reportFinding(Long patrolId, Finding finding, Actor actor) {
		return report(patrolId, finding, actor).need();
	}

	/**
	 * A finding reported, asking to settle it on the spot when the worker gave a category and an estimated cost: the
	 * need's process puts it to {@code spot-settlement.dmn} right after the worker's verification.
	 */
	public Reported report(Long patrolId, Finding finding, Actor actor) {
		Patrol patrol = require(patrolId);
		requireWalk(actor, patrol);
		if (finding.title() == null || finding.title().isBlank() || finding.title().length() > 200) {
			throw ProblemException.badField("title", "problem.finding.title");
		}
		if (finding.description() == null || finding.description().isBlank() || finding.description().length() > 2000) {
			throw ProblemException.badField("description", "problem.finding.description");
		}
		if (finding.place() != null && finding.place().length() > 200) {
			throw ProblemException.badField("place", "problem.finding.where");
		}
		Household household = null;
		if (finding.householdId() != null) {
			household = households.findById(finding.householdId())
				.filter(h -> h.getGridCode().equals(patrol.getGridCode()))
				.orElseThrow(() -> ProblemException.badField("householdId", "problem.household.unknown", finding.householdId()));
		}
		else if (finding.place() == null || finding.place().isBlank()) {
			throw ProblemException.badField("place", "problem.finding.where");
		}
		String name = HouseholdService.blankToNull(finding.contactName());
		String phone = HouseholdService.blankToNull(finding.contactPhone());
		if (household != null) {
			name = name == null ? household.getHeadName() : name;
			phone = phone == null ? household.getPhone() : phone;
		}
		if (name == null) {
			name = accounts.nameOf(actor.userId());
		}
		if (phone == null || !phone.matches("^[0-9+\\- ]{5,30}$")) {
			throw ProblemException.badField("contactPhone", "problem.finding.phone");
		}
		Map<String, Object> spot = new HashMap<>();
		if (finding.spotCategory() != null || finding.estimatedCost() != null) {
			if (finding.spotCategory() == null) {
				throw ProblemException.badField("spotCategory", "problem.spot.category");
			}
			if (finding.estimatedCost() == null || finding.estimatedCost().signum() < 0
					|| finding.estimatedCost().compareTo(MAX_COST) > 0) {
				throw ProblemException.badField("estimatedCost", "problem.spot.cost", MAX_COST);
			}
			spot.put(Var.SPOT_CATEGORY, finding.spotCategory().name());
			spot.put(Var.ESTIMATED_COST, finding.estimatedCost().doubleValue());
			spot.put(Var.SPOT_SETTLER, actor.userId());
		}
		ReportNeed report = new ReportNeed(patrol.getCommunityCode(), patrol.getGridCode(), Channel.GRID_PATROL,
				finding.title(), finding.description(), name, phone, 1, finding.urgent(),
				household == null ? null : household.getId(), HouseholdService.blankToNull(finding.place()));
		// the verification note is kept as a steward types it (the process and Tasklist show it): in the deployment's language
		String note = Wording.of("patrol.finding.verificationNote", places.grid(patrol.getGridCode()))
			.render(messages, Locale.SIMPLIFIED_CHINESE);
		Need need = needs.reportVerified(report, note, spot, actor);
		if (household != null) {
			Long householdId = household.getId();
			visits.findByPatrolIdOrderByVisitedAtAscIdAsc(patrolId).stream()
				.filter(v -> v.getHouseholdId().equals(householdId) && v.getNeedId() == null)
				.reduce((a, b) -> b)
				.ifPresent(v -> v.found(need.getId()));
		}
		if (spot.isEmpty()) {
			return new Reported(need, null);
		}
		Object decided = process.instanceVariables(List.of(need.getProcessInstanceId()), Var.SPOT_SETTLEMENT)
			.getOrDefault(need.getProcessInstanceId(), Map.of())
			.get(Var.SPOT_SETTLEMENT);
		return new Reported(need, decided == null ? null : decided.toString());
	}

	/**
	 * The worker settles on the spot a need they found ({@code userTask_settleOnSpot}); the after-photo was uploaded
	 * to the need (step SPOT_SETTLEMENT). The step's rules ({@link SettleOnSpotStep}) hold here as in Tasklist.
	 */
	public void settleOnSpot(Long needId, String resolutionNote, Actor actor) {
		Need need = needRecords.require(needId);
		OpenTask task = process.taskToWork(need.getProcessInstanceId(), Step.SETTLE_ON_SPOT, actor,
				"problem.need.notAtStep.settleOnSpot", needId);
		Map<String, Object> variables = new HashMap<>();
		variables.put(Var.RESOLUTION_NOTE, resolutionNote);
		process.complete(task, variables, actor);
	}

	/** The worker finishes the day's patrol (its task in the process); a steward may not finish it for them. */
	public void finish(Long patrolId, String note, Actor actor) {
		Patrol patrol = require(patrolId);
		requireWalk(actor, patrol);
		OpenTask task = process.taskToWork(patrol.getProcessInstanceId(), WALK_PATROL, actor, "problem.patrol.done",
				patrolId);
		Map<String, Object> variables = new HashMap<>();
		variables.put(PATROL_NOTE, note == null || note.isBlank() ? null : note.strip());
		process.complete(task, variables, actor);
	}

	/** Written by the patrol's process: the task was completed (through this API or in Tasklist). */
	void finished(Long patrolId, String note) {
		Patrol patrol = require(patrolId);
		if (patrol.getStatus() == Patrol.Status.OPEN) {
			patrol.done(note, TimeLimits.nowInstant());
		}
	}

	void escalated(Long patrolId, String to) {
		require(patrolId).escalatedTo(to);
	}

	@Transactional(readOnly = true)
	public Patrol get(Long id) {
		return require(id);
	}
}
