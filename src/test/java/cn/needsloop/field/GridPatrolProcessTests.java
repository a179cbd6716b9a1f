package cn.needsloop.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.needsloop.intake.Need;
import cn.needsloop.intake.Needs;
import cn.needsloop.shared.Actor;
import cn.needsloop.shared.Channel;
import cn.needsloop.shared.Phase;
import cn.needsloop.shared.ProblemException;
import cn.needsloop.support.AppContext;
import cn.needsloop.support.ProcessCoverageAtLeast;

/**
 * {@code grid-patrol.bpmn}, every path: the working-day timer plans a patrol for each grid worker (none on a
 * holiday); the worker walks it (visits, a finding reported as a verified need) and finishes it; a patrol not
 * finished goes to the steward, then to the manager, whose supervision closes when it is finished. Time moves with
 * {@link ClockUtil}; timer jobs are executed by the test.
 */
@AppContext
@ProcessCoverageAtLeast(process = "gridPatrol")
@ProcessCoverageAtLeast(process = "gridPatrolPlanning")
class GridPatrolProcessTests {

	static final Actor GRID1 = new Actor("grid1", List.of("grid:xingfu-01"));

	static final Actor GRID2 = new Actor("grid2", List.of("grid:xingfu-02"));

	static final Actor STEWARD1 = new Actor("steward1", List.of("steward:xingfu"));

	@Autowired
	ProcessEngine engine;

	@Autowired
	ManagementService management;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	PatrolService patrols;

	@Autowired
	Patrols patrolRecords;

	@Autowired
	Households households;

	@Autowired
	Needs needs;

	@Autowired
	Visits visits;

	@BeforeEach
	void initAssertions() {
		AbstractAssertions.init(engine);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	static void clock(String at) {
		ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(at).toInstant()));
	}

	private Job morningTimer() {
		return management.createJobQuery().processDefinitionKey("gridPatrolPlanning").activityId("timer_workingDayMorning")
			.singleResult();
	}

	private Job timer(Patrol patrol, String activityId) {
		return management.createJobQuery().processInstanceId(patrol.getProcessInstanceId()).activityId(activityId)
			.singleResult();
	}

	private Patrol patrolOf(String worker, LocalDate day) {
		return patrolRecords.findByWorkerUserAndPatrolDay(worker, day).orElseThrow();
	}

	private ProcessInstance instance(Patrol patrol) {
		return runtime.createProcessInstanceQuery().processInstanceId(patrol.getProcessInstanceId()).singleResult();
	}

	@Test
	void theWorkingDayTimerPlansAPatrolForEachGridWorkerAndNoneOnAHoliday() {
		clock("2027-03-02T07:00:00+08:00");
		management.executeJob(morningTimer().getId());
		LocalDate day = LocalDate.of(2027, 3, 2);
		for (String worker : List.of("grid1", "grid2", "grid3")) {
			Patrol patrol = patrolOf(worker, day);
			ProcessInstance instance = instance(patrol);
			BpmnAwareTests.assertThat(instance).isWaitingAt(PatrolService.WALK_PATROL);
			Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
			assertThat(task.getAssignee()).isEqualTo(worker);
			assertThat(task.getDueDate().toInstant()).as("the next working day, 18:00 Beijing time")
				.isEqualTo(OffsetDateTime.parse("2027-03-03T18:00:00+08:00").toInstant());
			assertThat(tasks.getIdentityLinksForTask(task.getId()).stream().map(l -> l.getGroupId()))
				.as("the grid's workers and, on the steward line, the community's stewards")
				.contains("grid:" + patrol.getGridCode(), "steward:" + patrol.getCommunityCode());
		}
		// the timer fires again the next morning; a second run on the same day plans nothing twice
		assertThat(patrols.plan(day)).isEmpty();

		clock("2027-10-01T07:00:00+08:00");
		long before = patrolRecords.count();
		management.executeJob(morningTimer().getId());
		assertThat(patrolRecords.count()).isEqualTo(before);
		assertThat(patrolRecords.findByWorkerUserAndPatrolDay("grid1", LocalDate.of(2027, 10, 1))).as("National Day")
			.isEmpty();
	}

	@Test
	void theWorkerWalksThePatrolRecordsVisitsReportsAFindingAndFinishes() {
		clock("2027-03-04T07:00:00+08:00");
		LocalDate day = LocalDate.of(2027, 3, 4);
		patrols.plan(day);
		Patrol patrol = patrolOf("grid1", day);

		PatrolService.PatrolDay list = patrols.day(patrol.getId(), GRID1);
		assertThat(list.households()).as("the demo households of xingfu-01 are due").isNotEmpty();
		assertThat(list.households()).allSatisfy(d -> {
			assertThat(d.household().gridCode()).isEqualTo("xingfu-01");
			assertThat(d.household().disclosed()).as("the grid's worker sees phone and tags").isTrue();
		});
		HouseholdView first = list.households().get(0).household();

		clock("2027-03-04T10:00:00+08:00");
		Visit visit = patrols.recordVisit(patrol.getId(),
				new PatrolService.RecordVisit(first.id(), Visit.Result.NEEDS_HELP, "老人反映楼道扶手松动"), GRID1);
		assertThat(households.findById(first.id()).orElseThrow().getNextVisitOn())
			.isEqualTo(day.plusDays(households.findById(first.id()).orElseThrow().getVisitIntervalDays()));
		Need need = patrols.reportFinding(patrol.getId(),
				new PatrolService.Finding(first.id(), null, "楼道扶手松动", "3号楼2单元楼道扶手松动，老人上下楼有危险。", false, null, null),
				GRID1);
		assertThat(need.getChannel()).isEqualTo(Channel.GRID_PATROL);
		Need reported = needs.findById(need.getId()).orElseThrow();
		assertThat(reported.getHouseholdId()).isEqualTo(first.id());
		assertThat(reported.getGridCode()).isEqualTo("xingfu-01");
		assertThat(reported.getPhase()).as("verified by the worker: straight to classification").isEqualTo(Phase.CATEGORIZE);
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(reported.getProcessInstanceId()).singleResult())
			.isNotNull();
		BpmnAwareTests.assertThat(runtime.createProcessInstanceQuery()
			.processInstanceId(reported.getProcessInstanceId()).singleResult()).hasPassed("userTask_verifyNeed")
			.isWaitingAt("userTask_classifyNeed");

		PatrolService.PatrolDay after = patrols.day(patrol.getId(), GRID1);
		assertThat(after.visited()).isEqualTo(1);
		assertThat(after.households().get(0).visit().getId()).isEqualTo(visit.getId());
		assertThat(after.households().get(0).visit().getNeedId()).isEqualTo(need.getId());

		// a finding at a place, not a household: the worker's contact number is needed
		assertThatThrownBy(() -> patrols.reportFinding(patrol.getId(),
				new PatrolService.Finding(null, "5号楼东侧路灯", "路灯不亮", "5号楼东侧路灯不亮", false, null, null), GRID1))
			.isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.fieldProblems())
				.extracting(ProblemException.FieldProblem::field).containsExactly("contactPhone"));
		Need atPlace = patrols.reportFinding(patrol.getId(),
				new PatrolService.Finding(null, "5号楼东侧路灯", "路灯不亮", "5号楼东侧路灯不亮", false, null, "13900000099"), GRID1);
		assertThat(needs.findById(atPlace.getId()).orElseThrow().getPlace()).isEqualTo("5号楼东侧路灯");

		// another grid's worker may neither read nor walk it
		assertThatThrownBy(() -> patrols.recordVisit(patrol.getId(),
				new PatrolService.RecordVisit(first.id(), Visit.Result.WELL, null), GRID2))
			.isInstanceOf(ProblemException.class).hasMessage("problem.patrol.notYours");
		assertThatThrownBy(() -> patrols.day(patrol.getId(), GRID2)).isInstanceOf(ProblemException.class);

		ProcessInstance walking = instance(patrol);
		patrols.finish(patrol.getId(), "走访1户，上报2个问题", GRID1);
		Patrol done = patrolRecords.findById(patrol.getId()).orElseThrow();
		assertThat(done.getStatus()).isEqualTo(Patrol.Status.DONE);
		assertThat(done.getNote()).isEqualTo("走访1户，上报2个问题");
		assertThat(done.getEscalatedTo()).isNull();
		BpmnAwareTests.assertThat(walking).isEnded().hasPassed("endEvent_patrolDone");
		assertThatThrownBy(() -> patrols.finish(patrol.getId(), null, GRID1)).isInstanceOf(ProblemException.class)
			.hasMessage("problem.patrol.done");
	}

	@Test
	void aPatrolNotFinishedByTheNextWorkingDayGoesToTheStewardThenTheManagerUntilItIsFinished() {
		clock("2027-03-05T07:00:00+08:00");
		LocalDate day = LocalDate.of(2027, 3, 5);
		patrols.plan(day);
		Patrol patrol = patrolOf("grid2", day);
		Job overdue = timer(patrol, "timer_patrolOverdue");
		assertThat(overdue.getDuedate().toInstant()).as("Friday's patrol is due Monday 18:00")
			.isEqualTo(OffsetDateTime.parse("2027-03-08T18:00:00+08:00").toInstant());

		clock("2027-03-08T18:00:00+08:00");
		management.executeJob(overdue.getId());
		assertThat(patrolRecords.findById(patrol.getId()).orElseThrow().getEscalatedTo()).isEqualTo("STEWARD");
		BpmnAwareTests.assertThat(instance(patrol)).hasPassed("serviceTask_patrolToSteward", "endEvent_patrolWithSteward")
			.isWaitingAt(PatrolService.WALK_PATROL);

		Job escalated = timer(patrol, "timer_patrolEscalated");
		assertThat(escalated.getDuedate().toInstant()).isEqualTo(OffsetDateTime.parse("2027-03-09T18:00:00+08:00").toInstant());
		clock("2027-03-09T18:00:00+08:00");
		management.executeJob(escalated.getId());
		Task walk = tasks.createTaskQuery().processInstanceId(patrol.getProcessInstanceId()).singleResult();
		Job supervise = management.createJobQuery().processInstanceId(patrol.getProcessInstanceId())
			.activityId(PatrolService.WALK_PATROL).singleResult();
		management.executeJob(supervise.getId());
		assertThat(patrolRecords.findById(patrol.getId()).orElseThrow().getEscalatedTo()).isEqualTo("MANAGER");
		Task supervision = tasks.createTaskQuery().taskCandidateGroup("manager")
			.taskVariableValueEquals("escalatedTaskId", walk.getId()).singleResult();
		assertThat(supervision).as("the manager's supervision task").isNotNull();
		assertThat(supervision.getName()).startsWith("督办：今日巡查");

		// the worker finishes at last: the patrol is done and the supervision closes by itself
		patrols.finish(patrol.getId(), "补走访", GRID2);
		assertThat(patrolRecords.findById(patrol.getId()).orElseThrow().getStatus()).isEqualTo(Patrol.Status.DONE);
		assertThat(tasks.createTaskQuery().taskId(supervision.getId()).singleResult()).isNull();
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(patrol.getProcessInstanceId()).count()).isZero();
	}

	// ---- visit photos, findings from the phone page and the field KPIs ---------------------------------------

	@Autowired
	cn.needsloop.kpi.FieldKpis fieldKpis;

	@Autowired
	cn.needsloop.evidence.Evidence evidence;

	@Autowired
	HouseholdService householdService;

	static final Actor STEWARD2 = new Actor("steward2", List.of("steward:dongshan"));

	private static PatrolService.Photo jpeg(String name) {
		try {
			return new PatrolService.Photo(name, cn.needsloop.evidence.TestFiles.jpegWithGps(64, 48, 1));
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void aDaysVisitsWithPhotosFindingsAndSpotSettlementsMakeTheFieldKpis() {
		LocalDate day = LocalDate.of(2027, 3, 8);
		clock("2027-03-08T06:30:00+08:00");
		HouseholdView household = householdService.save("xingfu", new HouseholdRequests.SaveHousehold("xingfu-01", "11", "1",
				"101", null, null, "钱桂英", "13800000077", "独居老人"), STEWARD1);
		clock("2027-03-08T07:00:00+08:00");
		patrols.plan(day);
		Patrol patrol = patrolOf("grid1", day);
		assertThat(patrol.getDueCount()).as("the households due when it was planned")
			.isEqualTo((int) households.countDueIn("xingfu-01", day)).isPositive();

		// a visit with its photo: seen by the grid's workers and the community's stewards, nobody else
		clock("2027-03-08T10:00:00+08:00");
		Visit visit = patrols.recordVisit(patrol.getId(), new PatrolService.RecordVisit(household.id(), Visit.Result.WELL,
				"老人身体不错"), jpeg("visit.jpg"), GRID1);
		cn.needsloop.evidence.CaseKind kind = cn.needsloop.evidence.CaseKind.VISIT;
		assertThat(evidence.list(kind, visit.getId(), GRID1)).hasSize(1)
			.allSatisfy(f -> assertThat(f.step()).isEqualTo(cn.needsloop.evidence.EvidenceStep.VISIT));
		assertThat(evidence.list(kind, visit.getId(), STEWARD1)).hasSize(1);
		assertThatThrownBy(() -> evidence.list(kind, visit.getId(), GRID2)).isInstanceOf(ProblemException.class)
			.hasMessage("problem.evidence.caseNotYours");
		assertThatThrownBy(() -> evidence.list(kind, visit.getId(), STEWARD2)).isInstanceOf(ProblemException.class);
		long fileId = evidence.list(kind, visit.getId(), GRID1).get(0).id();
		assertThatThrownBy(() -> evidence.download(fileId, false, STEWARD2)).isInstanceOf(ProblemException.class)
			.hasMessage("problem.evidence.notYours");
		assertThatThrownBy(() -> evidence.upload(kind, visit.getId(), cn.needsloop.evidence.EvidenceStep.VISIT, "x.jpg",
				jpeg("x.jpg").bytes(), STEWARD1)).as("a steward sees the photos but does not add to a worker's visit")
			.isInstanceOf(ProblemException.class).hasMessage("problem.evidence.mayNotAdd");
		// a photo that is no image records no visit
		long visitsBefore = visits.count();
		assertThatThrownBy(() -> patrols.recordVisit(patrol.getId(), new PatrolService.RecordVisit(household.id(),
				Visit.Result.WELL, null), new PatrolService.Photo("fake.jpg", "not a photo".getBytes()), GRID1))
			.isInstanceOf(ProblemException.class);
		assertThat(visits.count()).isEqualTo(visitsBefore);

		// from the phone page: a small hazard settled on the spot with both photos, a costly one goes to the steward
		PatrolService.Reported settled = patrols.reportFromPage(patrol.getId(), new PatrolService.Finding(household.id(),
				null, "绿化带垃圾", "11号楼楼下绿化带里有些塑料袋和纸屑。", false, null, null,
				cn.needsloop.shared.Category.ENVIRONMENT, java.math.BigDecimal.ZERO), jpeg("before.jpg"), "当场与住户一起清理了纸屑",
				jpeg("after.jpg"), GRID1);
		assertThat(settled.spotSettlement()).isEqualTo("ON_SPOT");
		Need settledNeed = needs.findById(settled.need().getId()).orElseThrow();
		assertThat(settledNeed.getResolutionNote()).isEqualTo("当场与住户一起清理了纸屑");
		assertThat(settledNeed.getPhase()).isEqualTo(Phase.EVALUATE);
		assertThat(evidence.list(cn.needsloop.evidence.CaseKind.NEED, settledNeed.getId(), STEWARD1))
			.extracting(f -> f.step().name()).containsExactly("REPORT", "SPOT_SETTLEMENT");
		clock("2027-03-08T11:00:00+08:00");
		PatrolService.Reported costly = patrols.reportFromPage(patrol.getId(), new PatrolService.Finding(household.id(),
				null, "门禁损坏", "11号楼1单元门禁坏了，需要整套更换。", false, null, null, cn.needsloop.shared.Category.FACILITIES,
				new java.math.BigDecimal("20000")), null, null, jpeg("door.jpg"), GRID1);
		assertThat(costly.spotSettlement()).isEqualTo("COSTLY");
		assertThat(evidence.list(cn.needsloop.evidence.CaseKind.NEED, costly.need().getId(), STEWARD1))
			.as("the photo stays with the report").extracting(f -> f.step().name()).containsExactly("REPORT");
		// settling on the spot without saying what was done reports nothing
		long needsBefore = needs.count();
		Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> patrols.reportFromPage(patrol.getId(),
				new PatrolService.Finding(household.id(), null, "垃圾", "楼下垃圾未清运", false, null, null,
						cn.needsloop.shared.Category.ENVIRONMENT, java.math.BigDecimal.TEN),
				null, " ", jpeg("after.jpg"), GRID1));
		assertThat(ProblemException.find(refused)).as("the step's problem, through the engine").isNotNull()
			.satisfies(p -> assertThat(p.fieldProblems()).extracting(ProblemException.FieldProblem::field)
				.containsExactly("resolutionNote"));
		assertThat(needs.count()).isEqualTo(needsBefore);

		clock("2027-03-08T15:00:00+08:00");
		cn.needsloop.kpi.FieldKpis.Figures f = fieldKpis.compute("xingfu", day, day, STEWARD1);
		cn.needsloop.kpi.FieldKpis.Row grid = f.byGrid().stream().filter(r -> r.code().equals("xingfu-01")).findFirst()
			.orElseThrow();
		assertThat(grid.due()).isEqualTo(patrol.getDueCount().longValue());
		assertThat(grid.visitedOnTime()).isEqualTo(1);
		assertThat(grid.found()).isEqualTo(2);
		assertThat(grid.settledOnSpot()).isEqualTo(1);
		cn.needsloop.kpi.FieldKpis.Row worker = f.byWorker().stream().filter(r -> r.code().equals("grid1")).findFirst()
			.orElseThrow();
		assertThat(worker.visitedOnTime()).isEqualTo(1);
		assertThat(worker.found()).isEqualTo(2);
		assertThat(f.foundByGrids()).isEqualTo(2);
		assertThat(f.settledOnSpot()).isEqualTo(1);
		assertThat(f.spotRate()).isEqualTo(0.5);
		assertThat(f.medianHoursOnSpot()).as("reported and settled in the same minute").isEqualTo(0.0);
		assertThat(f.gridShare()).isPositive();
		assertThat(fieldKpis.settledOnSpot("xingfu", day, day, null, STEWARD1))
			.extracting(cn.needsloop.kpi.FieldKpis.SpotLine::needId).containsExactly(settledNeed.getId());
		assertThat(fieldKpis.patrols("xingfu", day, day, "xingfu-01", null, STEWARD1))
			.extracting(cn.needsloop.kpi.FieldKpis.PatrolLine::visitedOnTime).containsExactly(1L);
		assertThatThrownBy(() -> fieldKpis.compute("xingfu", day, day, STEWARD2)).isInstanceOf(ProblemException.class);
		assertThatThrownBy(() -> fieldKpis.compute("xingfu", day, day, GRID1)).isInstanceOf(ProblemException.class);

		patrols.finish(patrol.getId(), null, GRID1);
	}
}
