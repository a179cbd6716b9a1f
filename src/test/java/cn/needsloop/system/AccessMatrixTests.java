package cn.needsloop.system;

import cn.needsloop.shared.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import cn.needsloop.calendar.WorkingCalendar;
import cn.needsloop.support.Api;
import cn.needsloop.support.ApiTest;
import cn.needsloop.support.ConsultationSteps;
import cn.needsloop.support.PageSession;

/**
 * Who may call what: every operation of the published OpenAPI document ({@code /v3/api-docs}), called by
 * anonymous and by each demo user, against the table {@link #ACCESS} kept here. The build fails when an
 * operation has no row (a new endpoint must say who may call it), when a row names an operation that no longer
 * exists, or when any cell disagrees; all disagreements are reported together, as a table. A refused call is an
 * RFC 9457 problem of its status, and no call answers 5xx.
 * <p>
 * Each operation is called on real records in the state its step needs (a need of 幸福社区 waiting for
 * verification, a project waiting for approval ...), made when first needed and shared by the callers. Where the
 * step has a rule checked after the authorization, the request breaks that rule, so that an allowed caller gets a
 * 400 or 409 and the run changes nothing; where it has none the request is a correct one, and a caller it lets
 * through really does the step, after which the record is made again for the next caller ({@link Fixture#renew()}).
 */
@TestInstance(Lifecycle.PER_CLASS)
class AccessMatrixTests extends ApiTest {

	/**
	 * The expected answer to each caller, one row an operation ({@code METHOD path} exactly as in
	 * {@code /v3/api-docs}), one column a caller:
	 * <ul>
	 * <li>{@code OK}: let through: a 2xx, or a 400/409 from the rules of the step after the authorization check;
	 * <li>{@code 401}: not signed in: a 401 problem from the API, the way to the sign-in page from a page's endpoint;
	 * <li>{@code 403}: signed in but not allowed: a 403 problem;
	 * <li>{@code 404}: hidden: answered as if the record did not exist (path ids always point at real records).
	 * </ul>
	 * What each probe sends, as whom and on which record, is in {@link #probes()}; records are of 幸福社区 (where
	 * steward1, lead1 (its stewards' lead), party1 and selfgov1 work; steward2 works in 东山村), and "own" in a comment means reported, requested
	 * or registered by resident1. An operation whose answer depends on the record's kind has a row for each kind,
	 * named in brackets after the path ({@code [published]}).
	 */
	static final String ACCESS = """
			# operation                                          anon steward1 lead1    steward2 party1 selfgov1 org1 org2 manager1 resident1 dept1 admin1
			GET  /api/needs                                      401  OK       OK       403      OK     OK       OK   OK   OK       OK        OK    OK      # ?communityCode=xingfu; others see their own reports
			POST /api/needs                                      401  OK       OK       OK       OK     OK       OK   OK   OK       OK        OK    OK
			GET  /api/needs/{id}                                 401  OK       OK       403      403    403      403  403  OK       OK        403   OK      # own
			GET  /api/needs/{id} [held]                          401  OK       OK       403      403    OK       403  403  OK       OK        403   OK      # own; selfgov1 holds its resolve task
			GET  /api/needs/pool                                 401  OK       OK       403      403    403      403  403  OK       403       403   OK
			POST /api/needs/{id}/verification                    401  OK       OK       403      403    403      403  403  403      403       403   403
			POST /api/needs/{id}/classification                  401  OK       OK       403      403    403      403  403  403      403       403   403
			POST /api/needs/{id}/resolution                      401  403      403      403      403    OK       403  403  403      403       403   403     # a neighbour dispute: self-governance line
			POST /api/needs/{id}/confirmation                    401  OK       OK       403      403    403      403  403  403      OK        403   403     # own
			POST /api/needs/{id}/reporter-phone/reveal           401  OK       OK       403      403    403      403  403  403      403       403   403     # only the community's steward
			POST /api/needs/{id}/grid                            401  OK       OK       403      403    403      403  403  OK       403       403   OK      # the community's steward, managers (refused: an unknown grid)
			POST /api/needs/{id}/extension                       401  OK       OK       403      403    403      403  403  OK       OK        403   OK      # only who holds a step; who may see the need but holds none: 409; strangers: 403
			POST /api/needs/{id}/extension/decision              401  403      OK       403      403    403      403  403  403      403       403   403     # steward1 asked for more time: the task of 幸福社区's stewards' lead (lead1; the manager only where a community has no lead)
			POST /api/needs/{id}/return                          401  403      403      403      403    OK       403  403  403      403       403   403     # a neighbour dispute: self-governance line
			POST /api/needs/{id}/reroute                         401  OK       OK       403      403    403      403  403  403      403       403   403     # the community's steward (refused: not returned)
			POST /api/needs/{id}/transfer                        401  OK       OK       403      403    403      403  403  403      403       403   403     # the community's steward (refused: unknown community)
			POST /api/needs/{id}/settle-on-spot                  401  403      403      403      403    403      403  403  403      403       403   403     # only grid1, who found it
			POST /api/needs/similar                              401  OK       OK       OK       OK     OK       OK   OK   OK       OK        OK    OK      # suggestions while reporting: anyone who may report
			GET  /api/needs/{id}/similar                         401  OK       OK       403      403    403      403  403  403      403       403   403     # for the steward who verifies
			POST /api/needs/{id}/supporters                      401  OK       OK       OK       OK     OK       OK   OK   OK       OK        OK    OK      # me too: anyone who may report (refused here: 0 people)
			GET  /api/projects                                   401  OK       OK       OK       OK     OK       OK   OK   OK       OK        OK    OK
			POST /api/projects                                   401  OK       OK       403      403    403      403  403  403      403       403   403
			GET  /api/projects/{id}                              401  OK       OK       OK       OK     OK       403  403  OK       OK        OK    OK      # not yet published
			GET  /api/projects/{id} [published]                  401  OK       OK       OK       OK     OK       OK   OK   OK       OK        OK    OK
			PUT  /api/projects/{id}                              401  OK       OK       403      403    403      403  403  403      403       403   403
			POST /api/projects/{id}/approval                     401  403      403      403      OK     403      403  403  403      403       403   403
			POST /api/projects/{id}/extension                    401  OK       OK       OK       OK     OK       403  403  OK       OK        OK    OK      # a time already past: party1 (holds the approval) 400, who may see the project but holds no step 409
			POST /api/projects/{id}/extension/decision           401  403      OK       403      403    403      403  403  403      403       403   403     # party1 asked for more time: the task of 幸福社区's stewards' lead (lead1)
			POST /api/projects/{id}/claim                        401  403      403      403      403    403      OK   403  403      403       403   403     # DISABILITY_SUPPORT: only org1 qualified
			POST /api/projects/{id}/assignment                   401  403      403      403      403    403      403  403  OK       403       403   403
			POST /api/projects/{id}/milestones/{index}/report    401  403      403      403      403    403      OK   403  403      403       403   403     # claimed by org1
			POST /api/projects/{id}/completion                   401  403      403      403      403    403      OK   403  403      403       403   403     # claimed by org1
			POST /api/projects/{id}/evaluations [resident]       401  OK       OK       403      403    403      403  403  403      OK        403   403     # own need; the steward on a return visit
			POST /api/projects/{id}/evaluations [implementer]    401  403      403      403      403    403      OK   403  403      403       403   403     # implemented by org1
			GET  /api/tasks                                      401  OK       OK       OK       OK     OK       OK   OK   OK       OK        OK    OK
			POST /api/tasks/{id}/claim [verification]            401  OK       OK       403      403    403      403  403  403      403       403   403
			POST /api/tasks/{id}/claim [claim-project]           401  403      403      403      403    403      OK   403  403      403       403   403     # DISABILITY_SUPPORT: only org1 qualified
			POST /api/tasks/{id}/unclaim                         401  OK       OK       OK       OK     OK       OK   OK   OK       OK        OK    OK      # claimed by steward1: 409 to anyone else
			POST /api/tasks/bulk-actions                         401  OK       OK       OK       OK     OK       OK   OK   OK       OK        OK    OK
			GET  /api/tasks/bulk-actions/{jobId}                 401  OK       404      404      404    404      404  404  404      404       404   404     # steward1's job
			GET  /api/notifications                              401  OK       OK       OK       OK     OK       OK   OK   OK       OK        OK    OK
			POST /api/notifications/{id}/read                    401  OK       OK       403      403    403      403  403  403      403       403   403     # to the steward line of xingfu
			GET  /api/notifications/preferences                  401  OK       OK       OK       OK     OK       OK   OK   OK       OK        OK    OK
			PUT  /api/notifications/preferences                  401  OK       OK       OK       OK     OK       OK   OK   OK       OK        OK    OK      # an unknown language: refused
			GET  /api/notifications/preferences/{userId}         401  403      403      403      403    403      403  403  403      OK        403   OK      # resident1's: own, administrators
			GET  /api/notifications/deliveries/troubled          401  403      403      403      403    403      403  403  OK       403       403   OK
			POST /api/notifications/deliveries/{id}/retry        401  403      403      403      403    403      403  403  OK       403       403   OK      # a message sent: refused
			POST /api/notifications/deliveries/{id}/dismiss      401  403      403      403      403    403      403  403  OK       403       403   OK      # a message sent: refused
			GET  /api/kpis                                       401  OK       OK       403      403    403      403  403  OK       403       403   OK      # ?communityCode=xingfu
			GET  /api/kpis/step-changes                          401  OK       OK       403      403    403      403  403  OK       403       403   OK      # ?communityCode=xingfu
			GET  /api/text-models                                401  OK       OK       OK       403    403      403  403  OK       403       403   OK      # any steward sees the versions
			POST /api/text-models                                401  403      403      403      403    403      403  403  OK       403       403   OK      # retrains and deploys a new version
			GET  /api/consultations                              401  OK       OK       OK       OK     OK       OK   OK   OK       OK        OK    OK
			POST /api/consultations                              401  OK       OK       403      403    OK       403  403  403      OK        403   403
			GET  /api/consultations/{id}                         401  OK       OK       OK       OK     OK       OK   OK   OK       OK        OK    OK
			POST /api/consultations/{id}/participants            401  403      403      403      403    OK       403  403  403      403       403   403
			POST /api/consultations/{id}/extension               401  OK       OK       OK       OK     OK       OK   OK   OK       OK        OK    OK      # public; a time already past: selfgov1 (holds the step) 400, everyone else 409
			POST /api/consultations/{id}/extension/decision      401  403      OK       403      403    403      403  403  403      403       403   403     # selfgov1 asked for more time: the task of 幸福社区's stewards' lead (lead1)
			POST /api/consultations/{id}/agenda                  401  403      403      403      403    OK       403  403  403      403       403   403
			POST /api/consultations/{id}/meeting                 401  403      403      403      403    OK       403  403  403      403       403   403
			POST /api/consultations/{id}/objections              401  OK       OK       OK       OK     OK       OK   OK   OK       OK        OK    OK
			POST /api/consultations/{id}/application             401  403      403      403      403    OK       403  403  403      403       403   403
			POST /api/certificates                               401  OK       OK       OK       OK     OK       OK   OK   OK       OK        OK    OK
			GET  /api/certificates/{id}                          401  OK       OK       403      403    403      403  403  OK       OK        403   OK      # own
			POST /api/certificates/{id}/decision                 401  OK       OK       403      403    403      403  403  403      403       403   403
			POST /api/certificates/{id}/applicant-phone/reveal   401  OK       OK       403      403    403      403  403  403      403       403   403     # only the community's steward
			POST /api/work-items                                 401  403      403      403      403    403      403  403  OK       403       OK    OK
			GET  /api/work-items/{id}                            401  OK       OK       403      403    OK       403  403  OK       403       OK    OK      # dept1's, for xingfu
			POST /api/work-items/{id}/contract-review            401  403      403      403      403    403      403  403  OK       403       403   403
			GET  /api/work-items/admission-list                  401  OK       OK       OK       OK     OK       OK   OK   OK       OK        OK    OK
			POST /api/work-items/admission-list                  401  403      403      403      403    403      403  403  OK       403       403   OK
			GET  /api/time-limits                                401  OK       OK       OK       OK     OK       OK   OK   OK       OK        OK    OK
			POST /api/time-limits                                401  403      403      403      403    403      403  403  OK       403       403   OK
			GET  /api/registrations                              401  OK       OK       OK       OK     OK       OK   OK   OK       OK        OK    OK      # others see their own
			POST /api/registrations                              401  OK       OK       403      OK     403      403  403  OK       403       403   OK      # a unit: staff of xingfu only
			GET  /api/registrations/{id}                         401  OK       OK       403      OK     403      403  403  OK       OK        403   OK      # own
			GET  /api/registrations/kpis                         401  OK       OK       403      OK     403      403  403  OK       403       403   OK      # ?communityCode=xingfu
			POST /api/registrations/{id}/phone/reveal            401  OK       OK       403      403    403      403  403  403      403       403   403     # only the community's steward
			GET  /api/personal-data/reveals                      401  403      403      403      403    403      403  403  OK       403       403   OK      # the managers' log of reveals
			GET  /api/dispatches                                 401  OK       OK       403      OK     403      403  403  OK       403       403   OK      # ?communityCode=xingfu
			POST /api/dispatches                                 401  OK       OK       403      OK     403      403  403  403      403       403   403
			GET  /api/dispatches/{id}                            401  OK       OK       403      OK     403      403  403  OK       OK        403   OK      # own invitation
			POST /api/dispatches/{id}/answers                    401  403      403      403      OK     403      403  403  403      OK        403   403     # own invitation
			POST /api/dispatches/{id}/hours                      401  403      403      403      OK     403      403  403  403      403       403   403
			# field work: the register of 幸福社区, a household of xingfu-01, the grid's workers, grid1's patrol of a day
			GET  /api/communities/{communityCode}/households     401  OK       OK       403      OK     OK       403  403  OK       403       403   OK      # the community's staff (masked where not served)
			POST /api/communities/{communityCode}/households     401  OK       OK       403      403    403      403  403  OK       403       403   OK      # the community's steward, managers
			GET  /api/communities/{communityCode}/households/template 401  OK       OK       OK       OK     OK       OK   OK   OK       OK        OK    OK      # the empty sheet
			GET  /api/communities/{communityCode}/households/export 401  OK       OK       403      403    403      403  403  OK       403       403   OK
			POST /api/communities/{communityCode}/households/import 401  OK       OK       403      403    403      403  403  OK       403       403   OK      # bytes that are not a sheet, refused after the access check
			GET  /api/households/{id}                            401  OK       OK       403      OK     OK       403  403  OK       403       403   OK
			GET  /api/households/imports/{id}                    401  OK       OK       403      403    403      403  403  OK       403       403   OK      # steward1's import: the uploader, the community's stewards, managers
			GET  /api/grids/{gridCode}/members                   401  OK       OK       403      403    403      403  403  OK       403       403   OK
			POST /api/grids/{gridCode}/members                   401  OK       OK       403      403    403      403  403  OK       403       403   OK      # an unknown account, refused after the access check
			GET  /api/patrols                                    401  OK       OK       OK       OK     OK       OK   OK   OK       OK        OK    OK      # one's own open patrols
			GET  /api/patrols/{id}                               401  OK       OK       403      403    403      403  403  OK       403       403   OK      # the grid's workers, the community's steward, managers
			POST /api/patrols/{id}/visits                        401  403      403      403      403    403      403  403  403      403       403   403     # only the grid's workers walk it
			POST /api/patrols/{id}/findings                      401  403      403      403      403    403      403  403  403      403       403   403
			POST /api/patrols/{id}/finish                        401  403      403      403      403    403      403  403  403      403       403   403
			GET  /api/visits/{id}/evidence                       401  OK       OK       403      403    403      403  403  OK       403       403   OK      # grid1's visit: the grid's workers, the community's steward, managers
			POST /api/visits/{id}/evidence                       401  403      403      403      403    403      403  403  403      403       403   403     # only the grid's workers
			# evidence: a file of a need (reported by resident1) and of a project not yet published; uploads send an empty file, refused after the access check
			GET  /api/needs/{id}/evidence                        401  OK       OK       403      403    403      403  403  OK       OK        403   OK      # own
			POST /api/needs/{id}/evidence                        401  OK       OK       403      403    403      403  403  OK       OK        403   OK      # own; a line adds only to the step of a need it holds (none here)
			POST /api/needs/{id}/evidence [held]                 401  OK       OK       403      403    OK       403  403  OK       OK        403   OK      # own; selfgov1 adds its after-photo to the resolve task it holds
			GET  /api/projects/{id}/evidence                     401  OK       OK       OK       OK     OK       403  403  OK       OK        OK    OK      # not yet published
			POST /api/projects/{id}/evidence                     401  OK       OK       403      403    403      403  403  OK       403       403   OK      # no claimant yet: the community's steward, managers
			GET  /api/evidence/{fileId}                          401  OK       OK       403      403    403      403  403  OK       OK        403   OK      # a file of an own need
			GET  /api/evidence/{fileId}/thumbnail                401  OK       OK       403      403    403      403  403  OK       OK        403   OK      # a file of an own need
			PUT  /api/evidence/{fileId}/public                   401  OK       OK       403      403    403      403  403  OK       403       403   OK      # the community's steward, managers
			GET  /public/evidence/{fileId}                       404  404      404      404      404    404      404  404  404      404       404   404     # not made public
			GET  /public/evidence/{fileId} [public]              OK   OK       OK       OK       OK     OK       OK   OK   OK       OK        OK    OK      # made public by steward1
			GET  /public/evidence/{fileId}/thumbnail             404  404      404      404      404    404      404  404  404      404       404   404     # not made public
			# the pages' own endpoints (signed-in session, CSRF token)
			POST /tasks/bulk/jobs                                401  OK       OK       OK       OK     OK       OK   OK   OK       OK        OK    OK
			GET  /tasks/bulk/jobs/{id}                           401  OK       404      404      404    404      404  404  404      404       404   404     # steward1's job
			POST /manager/exports/needs                          401  403      403      403      403    403      403  403  OK       403       403   OK
			POST /manager/exports/tasks                          401  403      403      403      403    403      403  403  OK       403       403   OK
			POST /manager/exports/projects                       401  403      403      403      403    403      403  403  OK       403       403   OK
			POST /manager/exports/consultations                  401  403      403      403      403    403      403  403  OK       403       403   OK
			GET  /manager/exports/{id}                           401  403      403      403      403    403      403  403  OK       403       403   404     # manager1's export
			GET  /steward/households/imports/{id}/status         401  OK       OK       403      403    403      403  403  OK       403       403   OK      # steward1's import, as on the API
			GET  /needs/{id}/diagram                             401  OK       OK       403      403    403      403  403  OK       OK        403   OK      # own
			GET  /work-items/{id}/diagram                        401  OK       OK       403      403    OK       403  403  OK       403       OK    OK
			GET  /dispatches/{id}/diagram                        401  OK       OK       403      OK     403      403  403  OK       OK        403   OK
			GET  /consultations/{id}/diagram                     401  OK       OK       OK       OK     OK       OK   OK   OK       OK        OK    OK
			""";

	static final List<String> CALLERS = List.of("anon", "steward1", "lead1", "steward2", "party1", "selfgov1", "org1", "org2",
			"manager1", "resident1", "dept1", "admin1");

	static final Set<String> VERDICTS = Set.of("OK", "401", "403", "404");

	private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
			"trace");

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	ManagementService management;

	@Autowired
	cn.needsloop.field.PatrolService patrols;

	@Autowired
	cn.needsloop.field.Patrols patrolRecords;

	@Autowired
	TaskService taskService;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Autowired
	WorkingCalendar calendar;

	/** The expected verdicts of each row ({@code METHOD path} or {@code METHOD path [kind]}), in the table's order. */
	private Map<String, Map<String, String>> expected;

	/** How to call the operation of each row. */
	private Map<String, Probe> probes;

	/** The operations of the OpenAPI document. */
	private Set<String> documented;

	/** A signed-in browser session per caller (anon: none signed in), for the pages' endpoints. */
	private final Map<String, PageSession> sessions = new LinkedHashMap<>();

	/** What each cell answered, as a verdict of the table; for the rows to paste when behaviour changed on purpose. */
	private final Map<String, Map<String, String>> observed = new LinkedHashMap<>();

	private final List<List<String>> disagreements = new ArrayList<>();

	@BeforeAll
	void readTheTableAndTheApiDocs() {
		api = new Api(port);
		expected = parse(ACCESS);
		for (String caller : CALLERS) {
			PageSession session = caller.equals("anon") ? PageSession.anonymous(port) : PageSession.signIn(port, caller);
			session.get("/login"); // a page, for the CSRF token of this session (signing in renews it)
			sessions.put(caller, session);
		}
		documented = documentedOperations();
		probes = probes();
	}

	// ---------------------------------------------------------------- the table against the document

	@Test
	void everyOperationOfTheApiDocsHasARow() {
		Set<String> rows = expected.keySet().stream().map(AccessMatrixTests::operationOf).collect(Collectors.toSet());
		List<String> missing = documented.stream().filter(op -> !rows.contains(op)).toList();
		if (!missing.isEmpty()) {
			fail("Operations of /v3/api-docs without a row in AccessMatrixTests.ACCESS. Say who may call each: add its row"
					+ " (OK, 401, 403 or 404 for each caller) and a probe in probes() that calls it on a real record:\n"
					+ missing.stream().map(op -> "    " + row(op, CALLERS.stream().map(c -> "?").toList()))
						.collect(Collectors.joining("\n")));
		}
	}

	@Test
	void everyRowNamesAnOperationOfTheApiDocs() {
		List<String> stale = expected.keySet().stream().filter(row -> !documented.contains(operationOf(row))).toList();
		assertThat(stale).as("rows of AccessMatrixTests.ACCESS naming no operation of /v3/api-docs (removed or renamed?"
				+ " remove the row and its probe, or correct the path)").isEmpty();
	}

	@Test
	void everyRowHasAProbeAndEveryProbeARow() {
		assertThat(probes.keySet()).as("the probes of AccessMatrixTests.probes() against the rows of ACCESS")
			.containsExactlyInAnyOrderElementsOf(expected.keySet());
	}

	// ---------------------------------------------------------------- the engine's doors, coarsely

	/**
	 * How many tasks of a need waiting for verification in 幸福社区 each caller sees through the engine's own doors
	 * ({@code 401}: refused, not signed in): only the stewards of the community and those who oversee everything.
	 */
	static final String ENGINE_TASKS = "anon=401 steward1=1 lead1=1 steward2=0 party1=0 selfgov1=0 org1=0 org2=0 manager1=1 resident1=0"
			+ " dept1=0 admin1=1";

	/**
	 * Camunda's REST API ({@code /engine-rest}, HTTP Basic) and the API behind Tasklist ({@code /camunda/api/engine},
	 * the signed-in session) show a task only to those it is routed to, and nothing to a caller not signed in.
	 */
	@Test
	void theEngineDoorsShowATaskOnlyToThoseItIsRoutedTo() {
		long need = api.reportedNeed("权限矩阵 引擎");
		String query = "/task?processInstanceId=" + api.need(need).path("processInstanceId").asText();
		Map<String, String> expectedTasks = new LinkedHashMap<>();
		for (String cell : ENGINE_TASKS.split(" ")) {
			expectedTasks.put(cell.substring(0, cell.indexOf('=')), cell.substring(cell.indexOf('=') + 1));
		}
		assertThat(expectedTasks.keySet()).containsExactlyElementsOf(CALLERS);
		List<String> wrong = new ArrayList<>();
		for (String caller : CALLERS) {
			Map<String, Answer> doors = new LinkedHashMap<>();
			doors.put("/engine-rest", apiDoor(caller.equals("anon") ? null : caller).get("/engine-rest" + query));
			doors.put("/camunda/api/engine", pageDoor(sessions.get(caller)).get("/camunda/api/engine/engine/default" + query));
			doors.forEach((door, answer) -> {
				String got = answer.status() == 200 ? String.valueOf(answer.json().size()) : String.valueOf(answer.status());
				if (!got.equals(expectedTasks.get(caller))) {
					wrong.add(door + " as " + caller + ": expected " + expectedTasks.get(caller) + ", got " + got + " ("
							+ answer.status() + ")");
				}
			});
		}
		assertThat(wrong).as("tasks seen through the engine's doors, against ENGINE_TASKS").isEmpty();
	}

	// ---------------------------------------------------------------- the matrix

	@TestFactory
	Stream<DynamicNode> everyOperationAnswersEachCallerAsTheTableSays() {
		Stream<DynamicNode> rows = expected.entrySet().stream()
			.filter(row -> documented.contains(operationOf(row.getKey())) && probes.containsKey(row.getKey()))
			.map(row -> dynamicContainer(row.getKey(), CALLERS.stream()
				.map(caller -> dynamicTest(caller, () -> check(row.getKey(), caller, row.getValue().get(caller))))));
		return Stream.concat(rows, Stream.of(dynamicTest("every cell agrees with the table", this::reportDisagreements)));
	}

	private void check(String row, String caller, String verdict) {
		Probe probe = probes.get(row);
		Answer answer;
		try {
			answer = probe.call().apply(door(row, caller));
		}
		catch (RuntimeException | AssertionError ex) {
			record(row, caller, "?", verdict, "the probe failed: " + ex.getMessage());
			throw ex;
		}
		String got = verdictOf(answer);
		List<String> wrong = new ArrayList<>();
		if (answer.status() >= 500) {
			wrong.add("a server error");
		}
		if (!got.equals(verdict)) {
			wrong.add("expected " + verdict);
		}
		wrong.addAll(shapeOfRefusal(answer));
		if (answer.status() >= 200 && answer.status() < 300 && probe.spends() != null) {
			probe.spends().renew(); // the step was done: the next caller gets a record waiting at that step again
		}
		record(row, caller, got, verdict, wrong.isEmpty() ? null : String.join("; ", wrong) + ": " + answer);
		if (!wrong.isEmpty()) {
			fail(row + " as " + caller + ": " + String.join("; ", wrong) + ", got " + answer);
		}
	}

	private void record(String row, String caller, String got, String verdict, String problem) {
		observed.computeIfAbsent(row, r -> new LinkedHashMap<>()).put(caller, got);
		if (problem != null) {
			disagreements.add(List.of(row, caller, verdict, got, problem));
		}
	}

	private void reportDisagreements() {
		if (disagreements.isEmpty()) {
			return;
		}
		StringBuilder report = new StringBuilder(disagreements.size() + " cells disagree with AccessMatrixTests.ACCESS:\n");
		int width = disagreements.stream().mapToInt(d -> d.get(0).length()).max().orElse(10);
		report.append(String.format("    %-" + width + "s  %-9s  %-8s  %-3s  %s%n", "operation", "caller", "expected", "got",
				"answer"));
		for (List<String> d : disagreements) {
			report.append(String.format("    %-" + width + "s  %-9s  %-8s  %-3s  %s%n", d.get(0), d.get(1), d.get(2), d.get(3),
					d.get(4)));
		}
		List<String> changed = disagreements.stream().filter(d -> !d.get(2).equals(d.get(3))).map(d -> d.get(0)).distinct()
			.toList();
		if (!changed.isEmpty()) {
			report.append("If the new behaviour is intended, these are the rows as the application answers now:\n");
			changed.forEach(r -> report.append("    ")
				.append(row(r, CALLERS.stream().map(c -> observed.getOrDefault(r, Map.of()).getOrDefault(c, "?")).toList()))
				.append('\n'));
		}
		fail(report.toString());
	}

	/** The operation a row is about: its method and path, without the kind of record in brackets. */
	static String operationOf(String row) {
		return row.replaceFirst(" \\[.*\\]$", "");
	}

	/** A row of the table, aligned like {@link #ACCESS}. */
	private static String row(String operation, List<String> verdicts) {
		String[] parts = operation.split(" ", 2);
		StringBuilder row = new StringBuilder(String.format("%-4s %-47s ", parts[0], parts[1]));
		for (int i = 0; i < CALLERS.size(); i++) {
			int width = Math.max(CALLERS.get(i).length(), 3) + 1;
			row.append(String.format("%-" + width + "s", verdicts.get(i)));
		}
		return row.toString().stripTrailing();
	}

	/** The verdict of the table that an answer stands for. */
	static String verdictOf(Answer answer) {
		if (answer.status() == 401 || answer.toSignIn()) {
			return "401";
		}
		if (answer.status() == 403 || answer.status() == 404) {
			return String.valueOf(answer.status());
		}
		if (answer.status() >= 500) {
			return "5xx";
		}
		if (answer.status() >= 300 && answer.status() < 400) {
			return "3xx";
		}
		return "OK";
	}

	/** A refusal (any 4xx but the way to the sign-in page) is a problem of its own status. */
	static List<String> shapeOfRefusal(Answer answer) {
		if (answer.status() < 400 || answer.status() >= 500) {
			return List.of();
		}
		List<String> wrong = new ArrayList<>();
		if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
			wrong.add("a refusal that is not application/problem+json");
		}
		else if (answer.json().path("status").asInt() != answer.status()) {
			wrong.add("a problem whose status is not the answer's");
		}
		return wrong;
	}

	// ---------------------------------------------------------------- the doors

	/** One caller's way to an operation: the JSON API with HTTP Basic, a page's endpoint with a signed-in session. */
	interface Door {

		Answer get(String path);

		Answer post(String path, Object body);

		Answer put(String path, Object body);

		/** Bytes as a sheet (.xlsx), refused by the sheet check after the access check. */
		default Answer postBytes(String path, byte[] content) {
			throw new UnsupportedOperationException("no page endpoint is probed with a sheet");
		}

		/** An upload: the form's step and an empty file (refused by the file check after the access check). */
		default Answer postEmptyFile(String path, String step) {
			throw new UnsupportedOperationException("no page endpoint is probed with a file");
		}
	}

	/** One answer, whichever door it came through. */
	record Answer(int status, String contentType, String location, String body, JsonNode json) {

		/** The way to the sign-in page, which is how a page's endpoint answers a caller who is not signed in. */
		boolean toSignIn() {
			return status >= 300 && status < 400 && location != null && location.replaceFirst("\\?.*$", "").endsWith("/login");
		}

		@Override
		public String toString() {
			String code = json.path("code").asText("");
			String detail = json.path("detail").asText("");
			return status + (location != null ? " to " + location : "") + (code.isEmpty() ? "" : " " + code)
					+ (detail.isEmpty() ? "" : " (" + detail + ")");
		}
	}

	private Door door(String row, String caller) {
		String operation = operationOf(row);
		String path = operation.substring(operation.indexOf(' ') + 1);
		return path.startsWith("/api/") ? apiDoor(caller.equals("anon") ? null : caller) : pageDoor(sessions.get(caller));
	}

	private Door apiDoor(String user) {
		return new Door() {

			@Override
			public Answer get(String path) {
				return answer(api.as(user).get(path));
			}

			@Override
			public Answer post(String path, Object body) {
				return answer(api.as(user).post(path, body));
			}

			@Override
			public Answer put(String path, Object body) {
				return answer(api.as(user).put(path, body));
			}

			@Override
			public Answer postEmptyFile(String path, String step) {
				return answer(api.as(user).postFile(path, Map.of("step", step), "file", "empty.jpg", new byte[0]));
			}

			@Override
			public Answer postBytes(String path, byte[] content) {
				return answer(api.as(user).postBytes(path, "application/octet-stream", content));
			}

			private Answer answer(Api.Response response) {
				return new Answer(response.status(), response.contentType(), response.header("Location"), response.body(),
						response.json());
			}
		};
	}

	private static Door pageDoor(PageSession session) {
		return new Door() {

			@Override
			public Answer get(String path) {
				return answer(session.getJson(path));
			}

			/** A form post, as the page's script sends it: the fields of {@code body} (a map; a list repeats its field). */
			@Override
			public Answer post(String path, Object body) {
				List<Map.Entry<String, String>> fields = new ArrayList<>();
				if (body instanceof Map<?, ?> map) {
					map.forEach((name, value) -> {
						for (Object v : value instanceof Collection<?> c ? c : List.of(value)) {
							fields.add(Map.entry(name.toString(), v.toString()));
						}
					});
				}
				return answer(session.post(path, fields, "application/json"));
			}

			@Override
			public Answer put(String path, Object body) {
				throw new UnsupportedOperationException("no page endpoint takes PUT");
			}

			private Answer answer(PageSession.Page page) {
				return new Answer(page.status(), page.contentType(), page.location(), page.body(), json(page.body()));
			}
		};
	}

	private static JsonNode json(String body) {
		try {
			return body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
		}
		catch (IOException ex) {
			return MissingNode.getInstance();
		}
	}

	/**
	 * The operations of the OpenAPI document, read as admin1: over HTTP Basic, or with a signed-in session where
	 * the document is one of the pages.
	 */
	private Set<String> documentedOperations() {
		JsonNode docs = api.as("admin1").get("/v3/api-docs").json();
		if (!docs.has("paths")) {
			docs = json(sessions.get("admin1").getJson("/v3/api-docs").body());
		}
		assertThat(docs.path("paths").size()).as("operations in /v3/api-docs").isPositive();
		Set<String> operations = new TreeSet<>();
		docs.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
			if (HTTP_METHODS.contains(method)) {
				operations.add(method.toUpperCase() + " " + path.getKey());
			}
		}));
		return operations;
	}

	/**
	 * Reads {@link #ACCESS}: {@code #} starts a comment; the first line (a comment) names the columns; a row is a
	 * method, a path, maybe a kind of record in brackets, and a verdict for each caller.
	 */
	static Map<String, Map<String, String>> parse(String table) {
		Map<String, Map<String, String>> rows = new LinkedHashMap<>();
		table.lines().forEach(line -> {
			String content = line.replaceFirst("#.*$", "").strip();
			if (content.isEmpty()) {
				return;
			}
			String[] cells = content.split("\\s+");
			int first = cells.length > 2 && cells[2].startsWith("[") ? 3 : 2;
			assertThat(cells.length).as("cells of the row '%s' (method, path, [kind], a verdict for each of %s)", line,
					CALLERS).isEqualTo(first + CALLERS.size());
			String row = String.join(" ", List.of(cells).subList(0, first));
			Map<String, String> verdicts = new LinkedHashMap<>();
			for (int i = 0; i < CALLERS.size(); i++) {
				assertThat(VERDICTS).as("verdict for %s in the row '%s'", CALLERS.get(i), row).contains(cells[first + i]);
				verdicts.put(CALLERS.get(i), cells[first + i]);
			}
			assertThat(rows.put(row, verdicts)).as("a second row for %s", row).isNull();
		});
		assertThat(table.lines().findFirst().orElse("").split("\\s+")).as("the column names in the first line")
			.containsSubsequence(CALLERS);
		return rows;
	}

	// ---------------------------------------------------------------- the probes

	/** How one operation is called: the call, and the record a call that went through has moved on (if any). */
	record Probe(Function<Door, Answer> call, Fixture<?> spends) {
	}

	/**
	 * A record a probe works on, made when first needed. A call that went through may have done its step on it
	 * ({@link #renew()}), so the next caller gets a new one waiting at that step.
	 */
	static final class Fixture<T> implements Supplier<T> {

		private final String name;

		private final Supplier<T> make;

		private T value;

		Fixture(String name, Supplier<T> make) {
			this.name = name;
			this.make = make;
		}

		@Override
		public T get() {
			if (value == null) {
				try {
					value = make.get();
				}
				catch (RuntimeException | AssertionError ex) {
					throw new IllegalStateException("could not make the record '" + name + "': " + ex.getMessage(), ex);
				}
			}
			return value;
		}

		void renew() {
			value = null;
		}
	}

	private static <T> Fixture<T> fixture(String name, Supplier<T> make) {
		return new Fixture<>(name, make);
	}

	/**
	 * One probe an operation. Path ids point at real records of 幸福社区 in the state the step needs. Bodies are
	 * valid for Bean Validation (which runs before any authorization check, so an invalid body would answer 400 to
	 * everyone and show nothing); where the step has a rule checked after the authorization the body breaks it (the
	 * comment says which), so the run changes nothing. Where it has none the body is a correct one, and the record
	 * is renewed after a caller did the step ({@code spends}).
	 */
	private Map<String, Probe> probes() {
		Map<String, Probe> p = new LinkedHashMap<>();

		// ---- needs
		Fixture<Long> needToVerify = fixture("a need of xingfu waiting for verification", () -> api.reportedNeed("权限矩阵 核实"));
		Fixture<Long> needToClassify = fixture("a need waiting for classification", () -> api.verifiedNeed("权限矩阵 分类"));
		Fixture<Long> needToResolve = fixture("a neighbour dispute waiting for the self-governance line",
				() -> api.individualNeed("权限矩阵 办理", "NEIGHBOR_DISPUTE"));
		Fixture<Long> needToConfirm = fixture("a settled need waiting for resident1's rating", () -> {
			long id = api.individualNeed("权限矩阵 确认", "NEIGHBOR_DISPUTE");
			api.as("selfgov1").post("/api/needs/" + id + "/resolution", Map.of("note", "已调解")).expect(204);
			return id;
		});
		Fixture<Long> pooledNeed = fixture("a common need in the pool", () -> api.pooledNeed("权限矩阵 需求池", "ELDERLY_CARE"));

		p.put("GET /api/needs", probe(d -> d.get("/api/needs?communityCode=xingfu")));
		// the community is checked first: nothing is reported
		p.put("POST /api/needs", probe(d -> d.post("/api/needs", Api.needBody("nowhere", "权限矩阵", "不存在的社区", 1))));
		p.put("GET /api/needs/{id}", probe(d -> d.get("/api/needs/" + needToVerify.get())));
		Fixture<Long> needHeldByLine = fixture("a neighbour dispute whose resolve task the self-governance line holds",
				() -> api.individualNeed("权限矩阵 办理中", "NEIGHBOR_DISPUTE"));
		p.put("GET /api/needs/{id} [held]", probe(d -> d.get("/api/needs/" + needHeldByLine.get())));
		p.put("POST /api/needs/{id}/evidence [held]", probe(d -> d.postEmptyFile("/api/needs/"
				+ needHeldByLine.get() + "/evidence", "RESOLUTION_AFTER")));
		// a reveal is recorded, but changes no record of the case
		p.put("POST /api/needs/{id}/reporter-phone/reveal", probe(d -> d.post("/api/needs/" + needToVerify.get()
				+ "/reporter-phone/reveal", null)));
		p.put("GET /api/personal-data/reveals", probe(d -> d.get("/api/personal-data/reveals")));
		p.put("GET /api/needs/pool", probe(d -> d.get("/api/needs/pool?communityCode=xingfu")));
		// a duplicate of itself: refused by the step after the steward check, nothing changes
		p.put("POST /api/needs/{id}/verification", probe(d -> d.post("/api/needs/" + needToVerify.get() + "/verification",
				Map.of("verdict", "DUPLICATE", "duplicateOfId", needToVerify.get(), "note", "权限矩阵"))));
		p.put("POST /api/needs/similar", probe(d -> d.post("/api/needs/similar",
				Map.of("communityCode", "xingfu", "title", "权限矩阵 楼道灯坏了", "description", "楼道灯不亮"))));
		p.put("GET /api/needs/{id}/similar", probe(d -> d.get("/api/needs/" + needToVerify.get() + "/similar")));
		// refused by the rules after the sign-in check (0 people): nobody joins
		p.put("POST /api/needs/{id}/supporters", probe(d -> d.post("/api/needs/" + needToVerify.get() + "/supporters",
				Map.of("reporterName", "权限矩阵", "reporterPhone", "13800000000", "people", 0))));
		p.put("POST /api/needs/{id}/classification", probe(needToClassify, d -> d.post(
				"/api/needs/" + needToClassify.get() + "/classification",
				Map.of("category", "NEIGHBOR_DISPUTE", "urgency", "NORMAL", "scope", "INDIVIDUAL"))));
		p.put("POST /api/needs/{id}/resolution", probe(needToResolve,
				d -> d.post("/api/needs/" + needToResolve.get() + "/resolution", Map.of("note", "已调解"))));
		p.put("POST /api/needs/{id}/confirmation", probe(needToConfirm,
				d -> d.post("/api/needs/" + needToConfirm.get() + "/confirmation", Map.of("score", 5, "comment", "满意"))));

		// ---- projects
		Fixture<Long> projectToApprove = fixture("a project waiting for approval", () -> api.designedProject("ELDERLY_CARE",
				List.of(api.pooledNeed("权限矩阵 审批", "ELDERLY_CARE")), List.of("里程碑 1")));
		Fixture<Long> projectToRead = fixture("a project of xingfu, not yet published", () -> api.designedProject(
				"ELDERLY_CARE", List.of(api.pooledNeed("权限矩阵 项目", "ELDERLY_CARE")), List.of("里程碑 1")));
		Fixture<Long> projectToRevise = fixture("a project returned to design", () -> {
			long id = api.designedProject("ELDERLY_CARE", List.of(api.pooledNeed("权限矩阵 修改", "ELDERLY_CARE")),
					List.of("里程碑 1"));
			api.approve("party1", id, false).expect(200);
			return id;
		});
		Fixture<Long> projectToClaim = fixture("a published project for disability support",
				() -> api.publishedProject("DISABILITY_SUPPORT", 1).projectId());
		Fixture<Long> projectToAssign = fixture("a project nobody claimed in time", () -> {
			long id = api.publishedProject("ELDERLY_CARE", 1).projectId();
			fireTimer(api.project(id).path("processInstanceId").asText(), null);
			return id;
		});
		Fixture<Long> projectUnderWay = fixture("a project claimed by org1, its milestone open", () -> {
			long id = api.publishedProject("ELDERLY_CARE", 1).projectId();
			api.claim("org1", id).expect(200);
			return id;
		});
		Fixture<Long> projectToComplete = fixture("a project claimed by org1, its milestone reported", () -> {
			long id = api.publishedProject("ELDERLY_CARE", 1).projectId();
			api.claim("org1", id).expect(200);
			api.reportMilestone("org1", id, 0).expect(200);
			return id;
		});
		Fixture<Long> projectPublished = fixture("a published project", () -> api.publishedProject("ELDERLY_CARE", 1)
			.projectId());
		Fixture<Api.Published> projectToRate = fixture("a project in evaluation, implemented by org1",
				() -> api.projectInEvaluation(1));
		Fixture<Long> projectToRateBack = fixture("a project in evaluation, implemented by org1",
				() -> api.projectInEvaluation(1).projectId());

		p.put("GET /api/projects", probe(d -> d.get("/api/projects")));
		// a planned end in the past: refused after the steward check
		p.put("POST /api/projects", probe(d -> {
			Map<String, Object> body = Api.projectBody("xingfu", "ELDERLY_CARE", List.of(pooledNeed.get()), List.of("里程碑 1"));
			body.put("plannedEnd", LocalDate.now().minusDays(1).toString());
			return d.post("/api/projects", body);
		}));
		p.put("GET /api/projects/{id}", probe(d -> d.get("/api/projects/" + projectToRead.get())));
		p.put("GET /api/projects/{id} [published]", probe(d -> d.get("/api/projects/" + projectPublished.get())));
		p.put("PUT /api/projects/{id}", probe(projectToRevise, d -> d.put("/api/projects/" + projectToRevise.get(),
				Map.of("title", "权限矩阵 修改后", "goal", "目标", "plan", "方案", "budgetYuan", 10000, "householdCount", 20,
						"publicAffairs", false, "plannedEnd", LocalDate.now().plusMonths(3).toString(), "note", "已补充预算明细"))));
		Fixture<Long> projectAskingTime = fixture("a project whose approval party1 asked more time for", () -> {
			long id = api.designedProject("ELDERLY_CARE", List.of(api.pooledNeed("权限矩阵 项目延期", "ELDERLY_CARE")),
					List.of("里程碑 1"));
			java.util.Date due = taskService.createTaskQuery()
				.processInstanceId(api.project(id).path("processInstanceId").asText())
				.taskDefinitionKey("userTask_approveProject").singleResult().getDueDate();
			api.as("party1").post("/api/projects/" + id + "/extension", Map.of("due",
					due.toInstant().plus(Duration.ofHours(1)).toString(), "reason", "需提交党委会集体研究")).expect(200);
			return id;
		});
		// a time already past: refused once the caller's own step is found
		p.put("POST /api/projects/{id}/extension", probe(d -> d.post("/api/projects/" + projectToRead.get() + "/extension",
				Map.of("due", now().minus(Duration.ofDays(1)).toString(), "reason", "需集体研究"))));
		p.put("POST /api/projects/{id}/extension/decision", probe(projectAskingTime, d -> d.post("/api/projects/"
				+ projectAskingTime.get() + "/extension/decision", Map.of("granted", false, "note", "请按时审批"))));
		p.put("POST /api/projects/{id}/approval", probe(projectToApprove,
				d -> d.post("/api/projects/" + projectToApprove.get() + "/approval", Map.of("approved", true, "note", "同意"))));
		p.put("POST /api/projects/{id}/claim", probe(projectToClaim,
				d -> d.post("/api/projects/" + projectToClaim.get() + "/claim", null)));
		// an unknown organisation: refused by the step after the task check
		p.put("POST /api/projects/{id}/assignment", probe(d -> d.post("/api/projects/" + projectToAssign.get()
				+ "/assignment", Map.of("organizationCode", "no-such-org", "note", "权限矩阵"))));
		p.put("POST /api/projects/{id}/milestones/{index}/report", probe(projectUnderWay,
				d -> d.post("/api/projects/" + projectUnderWay.get() + "/milestones/0/report",
						Map.of("note", "第一阶段完成", "socialWorkers", 1, "volunteers", 2))));
		p.put("POST /api/projects/{id}/completion", probe(projectToComplete,
				d -> d.post("/api/projects/" + projectToComplete.get() + "/completion", Map.of("report", "已实施完毕"))));
		p.put("POST /api/projects/{id}/evaluations [resident]", probe(projectToRate, d -> d.post("/api/projects/"
				+ projectToRate.get().projectId() + "/evaluations",
				Map.of("perspective", "RESIDENT", "needId", projectToRate.get().needId(), "score", 5, "comment", "满意"))));
		p.put("POST /api/projects/{id}/evaluations [implementer]", probe(projectToRateBack, d -> d.post("/api/projects/"
				+ projectToRateBack.get() + "/evaluations", Map.of("perspective", "IMPLEMENTER", "score", 5, "comment", "配合良好"))));

		// ---- tasks and notifications
		Fixture<String> taskToClaim = fixture("a verification task nobody holds",
				() -> taskOf(api.reportedNeed("权限矩阵 认领")));
		Fixture<String> claimTask = fixture("the claim task of a published project for disability support", () -> taskService
			.createTaskQuery()
			.processInstanceId(api.project(api.publishedProject("DISABILITY_SUPPORT", 1).projectId())
				.path("processInstanceId")
				.asText())
			.taskDefinitionKey("userTask_claimProject")
			.singleResult()
			.getId());
		Fixture<String> taskHeldBySteward = fixture("a verification task steward1 claimed", () -> {
			String task = taskOf(api.reportedNeed("权限矩阵 退回"));
			api.as("steward1").post("/api/tasks/" + task + "/claim", null).expect(204);
			return task;
		});
		Fixture<String> bulkJob = fixture("a bulk job of steward1", () -> api.as("steward1")
			.post("/api/tasks/bulk-actions", Map.of("action", "CLAIM", "taskIds", List.of("no-such-task")))
			.expect(202)
			.path("id")
			.asText());
		Fixture<Long> notification = fixture("a notification to the steward line of xingfu", () -> {
			long need = needToVerify.get();
			for (JsonNode n : api.as("steward1").get("/api/notifications?size=200").expect(200).path("content")) {
				if (n.path("needId").asLong() == need && "steward:xingfu".equals(n.path("recipientGroup").asText())) {
					return n.path("id").asLong();
				}
			}
			throw new AssertionError("no notification of need " + need + " to steward:xingfu");
		});

		p.put("GET /api/tasks", probe(d -> d.get("/api/tasks")));
		p.put("POST /api/tasks/{id}/claim [verification]", probe(taskToClaim,
				d -> d.post("/api/tasks/" + taskToClaim.get() + "/claim", null)));
		// taking the task onto one's list passes the rules of claiming the project
		p.put("POST /api/tasks/{id}/claim [claim-project]", probe(claimTask,
				d -> d.post("/api/tasks/" + claimTask.get() + "/claim", null)));
		p.put("POST /api/tasks/{id}/unclaim", probe(taskHeldBySteward,
				d -> d.post("/api/tasks/" + taskHeldBySteward.get() + "/unclaim", null)));
		// VERIFY_GENUINE without the note it needs: refused before any job starts
		p.put("POST /api/tasks/bulk-actions", probe(d -> d.post("/api/tasks/bulk-actions",
				Map.of("action", "VERIFY_GENUINE", "taskIds", List.of(taskToClaim.get())))));
		p.put("GET /api/tasks/bulk-actions/{jobId}", probe(d -> d.get("/api/tasks/bulk-actions/" + bulkJob.get())));
		p.put("GET /api/notifications", probe(d -> d.get("/api/notifications")));
		// marking read again changes nothing that matters here
		p.put("POST /api/notifications/{id}/read", probe(d -> d.post("/api/notifications/" + notification.get() + "/read", null)));
		p.put("GET /api/kpis", probe(d -> d.get("/api/kpis?communityCode=xingfu")));
		p.put("GET /api/text-models", probe(d -> d.get("/api/text-models")));
		p.put("POST /api/text-models", probe(d -> d.post("/api/text-models", null)));

		// ---- consultations
		Fixture<Long> consultationToFix = fixture("a consultation waiting for its participants", this::proposedConsultation);
		Fixture<Long> consultationToPublish = fixture("a consultation waiting for its agenda", this::consultationWithParticipants);
		Fixture<Long> consultationToMeet = fixture("a consultation waiting for its meeting's record", this::consultationBeforeMeeting);
		Fixture<Long> consultationToApply = fixture("a consultation whose result is to be applied", () -> {
			long id = consultationBeforeMeeting();
			api.as("selfgov1").post("/api/consultations/" + id + "/meeting", Map.of("attendees", 10, "opinions", "同意",
					"votesFor", 8, "votesAgainst", 1, "votesAbstain", 1)).expect(200);
			fireTimer(consultationInstance(id), "timer_publicityPeriod");
			return id;
		});

		p.put("GET /api/consultations", probe(d -> d.get("/api/consultations")));
		// an unknown project: refused after the check of who may propose
		p.put("POST /api/consultations", probe(d -> d.post("/api/consultations", Map.of("communityCode", "xingfu", "topic",
				"权限矩阵 议题", "topicType", "PUBLIC_SPACE", "description", "居民关心的共同事务", "projectId", 987654321))));
		p.put("GET /api/consultations/{id}", probe(d -> d.get("/api/consultations/" + consultationToFix.get())));
		// one participant, where the catalog requires several kinds: refused by the step
		Fixture<Long> consultationAskingTime = fixture("a consultation whose participants selfgov1 asked more time for", () -> {
			long id = proposedConsultation();
			java.util.Date due = taskService.createTaskQuery()
				.processInstanceId(api.as("selfgov1").get("/api/consultations/" + id).expect(200).path("processInstanceId").asText())
				.taskDefinitionKey("userTask_fixParticipants").singleResult().getDueDate();
			api.as("selfgov1").post("/api/consultations/" + id + "/extension", Map.of("due",
					due.toInstant().plus(Duration.ofHours(1)).toString(), "reason", "楼栋长名单还在征集")).expect(200);
			return id;
		});
		// a time already past: refused once the caller's own step is found (or none is)
		p.put("POST /api/consultations/{id}/extension", probe(d -> d.post("/api/consultations/" + consultationToFix.get()
				+ "/extension", Map.of("due", now().minus(Duration.ofDays(1)).toString(), "reason", "名单还在征集"))));
		p.put("POST /api/consultations/{id}/extension/decision", probe(consultationAskingTime, d -> d.post(
				"/api/consultations/" + consultationAskingTime.get() + "/extension/decision",
				Map.of("granted", false, "note", "请按时确定"))));
		p.put("POST /api/consultations/{id}/participants", probe(d -> d.post("/api/consultations/"
				+ consultationToFix.get() + "/participants",
				Map.of("participants", List.of(Map.of("name", "李红", "kind", "PARTY_MEMBER"))))));
		// a meeting without the notice days: refused by the step
		p.put("POST /api/consultations/{id}/agenda", probe(d -> d.post("/api/consultations/" + consultationToPublish.get()
				+ "/agenda", Map.of("items", List.of("议程"), "meetingAt", inWorkingDays(0)))));
		// more votes than attendees: refused by the step
		p.put("POST /api/consultations/{id}/meeting", probe(d -> d.post("/api/consultations/" + consultationToMeet.get()
				+ "/meeting", Map.of("attendees", 1, "opinions", "意见", "votesFor", 2, "votesAgainst", 0, "votesAbstain", 0))));
		// not in publicity: anyone signed in may object, the consultation refuses it now
		p.put("POST /api/consultations/{id}/objections", probe(d -> d.post("/api/consultations/" + consultationToFix.get()
				+ "/objections", Map.of("text", "反对"))));
		p.put("POST /api/consultations/{id}/application", probe(consultationToApply, d -> d.post("/api/consultations/"
				+ consultationToApply.get() + "/application", Map.of("report", "已落实"))));

		// ---- certificates and work items
		Fixture<Long> certificate = fixture("resident1's request for a residence certificate", () -> api.as("resident1")
			.post("/api/certificates", Map.of("communityCode", "xingfu", "kind", "RESIDENCE", "applicantName", "刘秀英",
					"applicantPhone", "13800000001", "purpose", "办理相关业务"))
			.expect(201)
			.id());
		Fixture<Long> workItem = fixture("dept1's work item for xingfu, its contract under review", this::workItemToReview);
		Fixture<Long> workItemToReview = fixture("a work item whose contract is to be reviewed", this::workItemToReview);

		// an unknown community: nothing is recorded
		p.put("POST /api/certificates", probe(d -> d.post("/api/certificates", Map.of("communityCode", "nowhere", "kind",
				"RESIDENCE", "applicantName", "刘秀英", "applicantPhone", "13800000001", "purpose", "办理相关业务"))));
		p.put("POST /api/certificates/{id}/applicant-phone/reveal", probe(d -> d.post("/api/certificates/"
				+ certificate.get() + "/applicant-phone/reveal", null)));
		p.put("GET /api/certificates/{id}", probe(d -> d.get("/api/certificates/" + certificate.get())));
		// declined without a reason: refused after the steward check
		p.put("POST /api/certificates/{id}/decision", probe(d -> d.post("/api/certificates/" + certificate.get()
				+ "/decision", Map.of("issued", false))));
		// an unknown community: refused after the check of who may submit
		p.put("POST /api/work-items", probe(d -> d.post("/api/work-items", Map.of("department", "市民政局", "title", "权限矩阵",
				"legalBasis", "依据", "communityCodes", List.of("nowhere"), "purchasedService", false))));
		p.put("GET /api/work-items/{id}", probe(d -> d.get("/api/work-items/" + workItem.get())));
		p.put("POST /api/work-items/{id}/contract-review", probe(workItemToReview, d -> d.post("/api/work-items/"
				+ workItemToReview.get() + "/contract-review", Map.of("approved", true, "note", "经费已落实"))));
		p.put("GET /api/work-items/admission-list", probe(d -> d.get("/api/work-items/admission-list")));
		// not a decision table: refused after the manager check, nothing is deployed
		p.put("POST /api/work-items/admission-list", probe(d -> d.post("/api/work-items/admission-list",
				Map.of("dmnXml", "<definitions/>"))));
		p.put("GET /api/time-limits", probe(d -> d.get("/api/time-limits")));
		// not a decision table: refused after the manager check, nothing is deployed
		p.put("POST /api/time-limits", probe(d -> d.post("/api/time-limits", Map.of("dmnXml", "<definitions/>"))));

		// ---- dual registration and dispatch
		String skill = "权限矩阵" + Api.unique();
		Fixture<Long> registration = fixture("resident1's registration as a party member of xingfu", () -> api
			.as("resident1")
			.post("/api/registrations", Map.of("communityCode", "xingfu", "kind", "MEMBER", "name", "刘秀英", "unit", "市民政局",
					"phone", "13800000001", "skills", List.of(skill)))
			.expect(201)
			.id());
		Supplier<Long> newDispatch = () -> {
			registration.get();
			return api.as("party1")
				.post("/api/dispatches", Map.of("communityCode", "xingfu", "skill", skill, "people", 1, "at",
						now().plus(Duration.ofDays(2)).toString()))
				.expect(201)
				.id();
		};
		Fixture<Long> dispatch = fixture("a dispatch inviting resident1", newDispatch);
		Fixture<Long> dispatchToAnswer = fixture("a dispatch waiting for resident1's answer", newDispatch);

		p.put("GET /api/registrations", probe(d -> d.get("/api/registrations?communityCode=xingfu")));
		// a team without the account it acts through: refused after the check that only staff register units
		p.put("POST /api/registrations", probe(d -> d.post("/api/registrations", Map.of("communityCode", "xingfu", "kind",
				"ORGANIZATION", "style", "TEAM", "name", "权限矩阵服务队", "unit", "市民政局", "phone", "13800000001", "skills",
				List.of(skill)))));
		p.put("POST /api/registrations/{id}/phone/reveal", probe(d -> d.post("/api/registrations/" + registration.get()
				+ "/phone/reveal", null)));
		p.put("GET /api/registrations/{id}", probe(d -> d.get("/api/registrations/" + registration.get())));
		p.put("GET /api/registrations/kpis", probe(d -> d.get("/api/registrations/kpis?communityCode=xingfu")));
		p.put("GET /api/dispatches", probe(d -> d.get("/api/dispatches?communityCode=xingfu")));
		// a service time in the past: refused after the party-line check
		p.put("POST /api/dispatches", probe(d -> d.post("/api/dispatches", Map.of("communityCode", "xingfu", "skill", skill,
				"people", 1, "at", now().minus(Duration.ofDays(1)).toString()))));
		p.put("GET /api/dispatches/{id}", probe(d -> d.get("/api/dispatches/" + dispatch.get())));
		p.put("POST /api/dispatches/{id}/answers", probe(dispatchToAnswer, d -> d.post("/api/dispatches/"
				+ dispatchToAnswer.get() + "/answers", Map.of("registrationId", registration.get(), "accepted", true))));
		// resident1 has not accepted: refused after the party-line check
		p.put("POST /api/dispatches/{id}/hours", probe(d -> d.post("/api/dispatches/" + dispatch.get() + "/hours",
				Map.of("registrationId", registration.get(), "hours", 2))));

		// ---- the pages' own endpoints
		Fixture<String> export = fixture("an export manager1 started", () -> {
			PageSession.Page started = sessions.get("manager1").post("/manager/exports/needs", List.of(), "application/json");
			assertThat(started.status()).as("export started by manager1: %s", started.body()).isEqualTo(200);
			return json(started.body()).path("id").asText();
		});

		// VERIFY_GENUINE without the note it needs: refused before any job starts
		p.put("POST /tasks/bulk/jobs", probe(d -> d.post("/tasks/bulk/jobs",
				Map.of("action", "VERIFY_GENUINE", "taskIds", List.of(taskToClaim.get())))));
		p.put("GET /tasks/bulk/jobs/{id}", probe(d -> d.get("/tasks/bulk/jobs/" + bulkJob.get())));
		for (String list : List.of("needs", "tasks", "projects", "consultations")) {
			// an export in the background: it writes a file and changes no record
			p.put("POST /manager/exports/" + list, probe(d -> d.post("/manager/exports/" + list + "?communityCode=xingfu", null)));
		}
		p.put("GET /manager/exports/{id}", probe(d -> d.get("/manager/exports/" + export.get())));
		p.put("GET /needs/{id}/diagram", probe(d -> d.get("/needs/" + needToVerify.get() + "/diagram")));
		p.put("GET /work-items/{id}/diagram", probe(d -> d.get("/work-items/" + workItem.get() + "/diagram")));
		p.put("GET /dispatches/{id}/diagram", probe(d -> d.get("/dispatches/" + dispatch.get() + "/diagram")));
		p.put("GET /consultations/{id}/diagram", probe(d -> d.get("/consultations/" + consultationToFix.get() + "/diagram")));
		// ---- field work
		Fixture<Long> household = fixture("a household of xingfu-01 in the register", () -> api.as("steward1")
			.post("/api/communities/xingfu/households", Map.of("gridCode", "xingfu-01", "building", "98", "room", "101",
					"headName", "权限测试户"))
			.expect(201)
			.id());
		Fixture<Long> patrol = fixture("grid1's patrol of a working day", () -> {
			household.get(); // due at once: never visited
			java.time.LocalDate day = java.time.LocalDate.of(2027, 5, 7);
			org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
					java.time.OffsetDateTime.parse("2027-05-07T07:00:00+08:00").toInstant()));
			try {
				if (patrolRecords.findByWorkerUserAndPatrolDay("grid1", day).isEmpty()) {
					patrols.plan(day);
				}
			}
			finally {
				org.camunda.bpm.engine.impl.util.ClockUtil.reset();
			}
			return patrolRecords.findByWorkerUserAndPatrolDay("grid1", day).orElseThrow().getId();
		});
		p.put("GET /api/communities/{communityCode}/households", probe(d -> d.get("/api/communities/xingfu/households")));
		p.put("POST /api/communities/{communityCode}/households", probe(d -> d.post("/api/communities/xingfu/households",
				Map.of("gridCode", "xingfu-01", "building", "98", "room", "102", "headName", "权限测试户"))));
		p.put("GET /api/communities/{communityCode}/households/template",
				probe(d -> d.get("/api/communities/xingfu/households/template")));
		p.put("GET /api/communities/{communityCode}/households/export",
				probe(d -> d.get("/api/communities/xingfu/households/export")));
		p.put("POST /api/communities/{communityCode}/households/import",
				probe(d -> d.postBytes("/api/communities/xingfu/households/import", "not a sheet".getBytes())));
		p.put("GET /api/households/{id}", probe(d -> d.get("/api/households/" + household.get())));
		Fixture<String> householdImport = fixture("an import steward1 uploaded (a broken workbook: refused, nothing written)",
				() -> api.as("steward1").postBytes("/api/communities/xingfu/households/import",
						"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
						new byte[] { 'P', 'K', 3, 4, 0, 0, 0, 0, 9, 9 })
					.expect(202)
					.path("id")
					.asText());
		p.put("GET /api/households/imports/{id}", probe(d -> d.get("/api/households/imports/" + householdImport.get())));
		p.put("GET /steward/households/imports/{id}/status",
				probe(d -> d.get("/steward/households/imports/" + householdImport.get() + "/status")));
		p.put("GET /api/grids/{gridCode}/members", probe(d -> d.get("/api/grids/xingfu-01/members")));
		p.put("POST /api/grids/{gridCode}/members", probe(d -> d.post("/api/grids/xingfu-01/members",
				Map.of("userId", "no-such-account"))));
		p.put("GET /api/patrols", probe(d -> d.get("/api/patrols")));
		p.put("GET /api/patrols/{id}", probe(d -> d.get("/api/patrols/" + patrol.get())));
		p.put("POST /api/patrols/{id}/visits", probe(d -> d.post("/api/patrols/" + patrol.get() + "/visits",
				Map.of("householdId", household.get(), "result", "WELL"))));
		p.put("POST /api/patrols/{id}/findings", probe(d -> d.post("/api/patrols/" + patrol.get() + "/findings",
				Map.of("place", "3号楼东侧路灯", "title", "路灯不亮", "description", "晚上很黑"))));
		p.put("POST /api/patrols/{id}/finish", probe(d -> d.post("/api/patrols/" + patrol.get() + "/finish", Map.of())));
		// ---- evidence
		Fixture<Long> evidenceFile = fixture("a photo steward1 uploaded to a need of resident1", () -> api.as("steward1")
			.postFile("/api/needs/" + needToVerify.get() + "/evidence", Map.of("step", "VERIFICATION"), "file", "a.png",
					png())
			.expect(201)
			.path("id")
			.asLong());
		Fixture<Long> publicFile = fixture("a photo steward1 showed on the public board", () -> {
			long id = api.as("steward1")
				.postFile("/api/needs/" + needToVerify.get() + "/evidence", Map.of("step", "VERIFICATION"), "file", "b.png",
						png())
				.expect(201)
				.path("id")
				.asLong();
			api.as("steward1").put("/api/evidence/" + id + "/public", Map.of("publicPhoto", true)).expect(200);
			return id;
		});
		p.put("GET /api/needs/{id}/evidence", probe(d -> d.get("/api/needs/" + needToVerify.get() + "/evidence")));
		p.put("POST /api/needs/{id}/evidence", probe(d -> d.postEmptyFile("/api/needs/" + needToVerify.get() + "/evidence",
				"VERIFICATION")));
		p.put("GET /api/projects/{id}/evidence", probe(d -> d.get("/api/projects/" + projectToRead.get() + "/evidence")));
		p.put("POST /api/projects/{id}/evidence", probe(d -> d.postEmptyFile("/api/projects/" + projectToRead.get()
				+ "/evidence", "MILESTONE")));
		p.put("GET /api/evidence/{fileId}", probe(d -> d.get("/api/evidence/" + evidenceFile.get())));
		p.put("GET /api/evidence/{fileId}/thumbnail", probe(d -> d.get("/api/evidence/" + evidenceFile.get() + "/thumbnail")));
		// it stays private: false is what it is
		p.put("PUT /api/evidence/{fileId}/public", probe(d -> d.put("/api/evidence/" + evidenceFile.get() + "/public",
				Map.of("publicPhoto", false))));
		p.put("GET /public/evidence/{fileId}", probe(d -> d.get("/public/evidence/" + evidenceFile.get())));
		p.put("GET /public/evidence/{fileId} [public]", probe(d -> d.get("/public/evidence/" + publicFile.get())));
		p.put("GET /public/evidence/{fileId}/thumbnail", probe(d -> d.get("/public/evidence/" + evidenceFile.get()
				+ "/thumbnail")));

		// ---- step changes: grid, extension, return, re-route, transfer, settled on the spot
		Fixture<Long> needAskingTime = fixture("a need whose verification steward1 asked more time for", () -> {
			long id = api.reportedNeed("权限矩阵 延期");
			java.util.Date due = taskService.createTaskQuery().taskId(taskOf(id)).singleResult().getDueDate();
			Instant current = due == null ? now() : due.toInstant();
			api.as("steward1")
				.post("/api/needs/" + id + "/extension", Map.of("due", current.plus(Duration.ofHours(1)).toString(), "reason",
						"需要再次上门核实"))
				.expect(200);
			return id;
		});
		Fixture<Long> needToReturn = fixture("a neighbour dispute the self-governance line may return",
				() -> api.individualNeed("权限矩阵 退单", "NEIGHBOR_DISPUTE"));
		Fixture<Long> needToTransfer = fixture("a need of xingfu to transfer", () -> api.reportedNeed("权限矩阵 转办"));
		Fixture<Long> spotNeed = fixture("grid1's finding to settle on the spot", () -> {
			patrol.get();
			Map<String, Object> finding = new LinkedHashMap<>();
			finding.put("place", "3号楼东侧路灯");
			finding.put("title", "路灯不亮");
			finding.put("description", "3号楼东侧路灯不亮，晚上看不清路。");
			finding.put("spotCategory", "FACILITIES");
			finding.put("contactName", "王建国");
			finding.put("contactPhone", "13900000001");
			finding.put("estimatedCost", 80);
			Api.Response reported = api.as("grid1").post("/api/patrols/" + patrol.get() + "/findings", finding).expect(201);
			assertThat(reported.path("spotSettlement").asText()).as("finding %s", reported.body()).isEqualTo("ON_SPOT");
			return reported.path("needId").asLong();
		});
		// an unknown grid: refused after the steward check
		p.put("POST /api/needs/{id}/grid", probe(d -> d.post("/api/needs/" + needToVerify.get() + "/grid",
				Map.of("gridCode", "nowhere"))));
		// a time already past: refused once the caller's own step is found
		p.put("POST /api/needs/{id}/extension", probe(d -> d.post("/api/needs/" + needToVerify.get() + "/extension",
				Map.of("due", now().minus(Duration.ofDays(1)).toString(), "reason", "需要再次上门核实"))));
		p.put("POST /api/needs/{id}/extension/decision", probe(needAskingTime, d -> d.post("/api/needs/"
				+ needAskingTime.get() + "/extension/decision", Map.of("granted", false, "note", "请按时完成"))));
		p.put("POST /api/needs/{id}/return", probe(needToReturn, d -> d.post("/api/needs/" + needToReturn.get() + "/return",
				Map.of("reason", "不属于本线办理"))));
		// not returned: refused after the steward check
		p.put("POST /api/needs/{id}/reroute", probe(d -> d.post("/api/needs/" + needToVerify.get() + "/reroute",
				Map.of("decision", "RECLASSIFY", "note", "重新分类"))));
		// an unknown community: refused after the steward check
		p.put("POST /api/needs/{id}/transfer", probe(needToTransfer, d -> d.post("/api/needs/" + needToTransfer.get()
				+ "/transfer", Map.of("communityCode", "nowhere", "reason", "不属于本社区"))));
		// no after-photo: refused, the step stays open
		p.put("POST /api/needs/{id}/settle-on-spot", probe(spotNeed, d -> d.post("/api/needs/" + spotNeed.get()
				+ "/settle-on-spot", Map.of("resolutionNote", "更换灯泡"))));
		p.put("GET /api/kpis/step-changes", probe(d -> d.get("/api/kpis/step-changes?communityCode=xingfu")));

		// ---- notification settings and the outbox
		Fixture<Long> sentMessage = fixture("a message of the outbox already sent", () -> {
			jdbc.update("insert into notification_outbox (recipient_user, channel, kind, subject, body, urgent, state,"
					+ " attempts, next_attempt_ms, created_at, sent_at) values ('resident1', 'EMAIL', 'NOTICE', 'x', 'x',"
					+ " false, 'SENT', 1, 0, current_timestamp(3), current_timestamp(3))");
			return jdbc.queryForObject("select max(id) from notification_outbox where state = 'SENT'", Long.class);
		});
		p.put("GET /api/notifications/preferences", probe(d -> d.get("/api/notifications/preferences")));
		// an unknown language: refused, nothing saved
		p.put("PUT /api/notifications/preferences", probe(d -> d.put("/api/notifications/preferences",
				Map.of("locale", "fr"))));
		p.put("GET /api/notifications/preferences/{userId}", probe(d -> d.get("/api/notifications/preferences/resident1")));
		p.put("GET /api/notifications/deliveries/troubled", probe(d -> d.get("/api/notifications/deliveries/troubled")));
		// sent, not troubled: refused after the manager check
		p.put("POST /api/notifications/deliveries/{id}/retry", probe(d -> d.post("/api/notifications/deliveries/"
				+ sentMessage.get() + "/retry", null)));
		p.put("POST /api/notifications/deliveries/{id}/dismiss", probe(d -> d.post("/api/notifications/deliveries/"
				+ sentMessage.get() + "/dismiss", null)));

		// ---- a visit's photos
		Fixture<Long> visit = fixture("grid1's visit to a household of xingfu-01", () -> api.as("grid1")
			.post("/api/patrols/" + patrol.get() + "/visits", Map.of("householdId", household.get(), "result", "WELL"))
			.expect(201)
			.id());
		p.put("GET /api/visits/{id}/evidence", probe(d -> d.get("/api/visits/" + visit.get() + "/evidence")));
		p.put("POST /api/visits/{id}/evidence", probe(d -> d.postEmptyFile("/api/visits/" + visit.get() + "/evidence",
				"VISIT")));

		return p;
	}

	/** A small PNG, a photo as the evidence check takes it. */
	private static byte[] png() {
		try {
			java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 8,
					java.awt.image.BufferedImage.TYPE_INT_RGB);
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			javax.imageio.ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Probe probe(Function<Door, Answer> call) {
		return new Probe(call, null);
	}

	private static Probe probe(Fixture<?> spends, Function<Door, Answer> call) {
		return new Probe(call, spends);
	}

	// ---------------------------------------------------------------- records in the state a step needs

	private String taskOf(long needId) {
		return taskService.createTaskQuery()
			.processInstanceId(api.need(needId).path("processInstanceId").asText())
			.singleResult()
			.getId();
	}

	/** Fires the instance's timer (the one there is, or the one on that activity): the job executor is off in tests. */
	private void fireTimer(String processInstanceId, String activityId) {
		var query = management.createJobQuery().processInstanceId(processInstanceId).timers();
		Job timer = (activityId == null ? query : query.activityId(activityId)).singleResult();
		assertThat(timer).as("timer %s of %s", activityId, processInstanceId).isNotNull();
		management.executeJob(timer.getId());
	}

	private long proposedConsultation() {
		return api.as("selfgov1")
			.post("/api/consultations", Map.of("communityCode", "xingfu", "topic", "权限矩阵 议题 " + Api.unique(), "topicType",
					"PUBLIC_SPACE", "description", "居民关心的共同事务"))
			.expect(201)
			.id();
	}

	private long consultationWithParticipants() {
		long id = proposedConsultation();
		api.as("selfgov1")
			.post("/api/consultations/" + id + "/participants", Map.of("participants", ConsultationSteps.PARTICIPANTS
				.stream()
				.map(participant -> Map.of("name", participant.name(), "kind", participant.kind().name()))
				.toList()))
			.expect(200);
		return id;
	}

	private long consultationBeforeMeeting() {
		long id = consultationWithParticipants();
		api.as("selfgov1")
			.post("/api/consultations/" + id + "/agenda", Map.of("items", List.of("议程", "表决"), "meetingAt", inWorkingDays(10)))
			.expect(200);
		fireTimer(consultationInstance(id), "timer_untilMeeting");
		return id;
	}

	private String consultationInstance(long id) {
		return api.as("selfgov1").get("/api/consultations/" + id).expect(200).path("processInstanceId").asText();
	}

	private long workItemToReview() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("department", "市住建局");
		body.put("title", "老旧小区改造居民意见征集 " + Api.unique());
		body.put("legalBasis", "改造实施方案");
		body.put("communityCodes", List.of("xingfu"));
		body.put("purchasedService", true);
		body.put("fundingYuan", 50000);
		Api.Response item = api.as("dept1").post("/api/work-items", body).expect(201);
		assertThat(item.path("status").asText()).as("work item %s", item.id()).isEqualTo("CONTRACT_REVIEW");
		return item.id();
	}

	/** The engine's clock, which the steps' time rules read. */
	private static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	private String inWorkingDays(int days) {
		ZonedDateTime now = now().atZone(ChinaTime.ZONE);
		ZonedDateTime day = days == 0 ? now.plusHours(1) : calendar.plusWorkingDays(now, days).toLocalDate().atTime(9, 30)
			.atZone(ChinaTime.ZONE);
		return day.toOffsetDateTime().toString();
	}
}
