package cn.needsloop.admission;

import java.util.Locale;
import org.springframework.context.MessageSource;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import cn.needsloop.process.OpenTask;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.admission.WorkItemRequests.ContractReview;
import cn.needsloop.admission.WorkItemRequests.ListRevision;
import cn.needsloop.admission.WorkItemRequests.SubmitWorkItem;
import cn.needsloop.admission.WorkItemView.ListVersion;
import cn.needsloop.community.Communities;
import cn.needsloop.process.DecisionTables;
import cn.needsloop.process.DecisionTables.DecisionVersion;
import cn.needsloop.process.ProcessGateway;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Workflow;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.Actor;
import cn.needsloop.system.Disclosure;
import cn.needsloop.system.Disclosures;
import cn.needsloop.shared.ProblemException;
import cn.needsloop.shared.Wording;

/**
 * 社区工作事项准入: departments submit work items, the admission list decides in the process, the
 * manager reviews purchased-service contracts and publishes revised lists.
 */
@Service
@Transactional
public class WorkItemService {

	/** The outputs every version of the admission list must produce: the process reads them. */
	/** The outputs of the admission list a work item keeps, with the length of their columns (V2 migration). */
	static final Map<String, Integer> LIST_OUTPUT_LENGTHS = Map.of(Var.RULE_ID, 40, Var.RULE_TEXT, 1000);

	static final String LIST_RESOURCE = "work-item-admission.dmn";

	private final WorkItems workItems;

	private final Communities communities;

	private final ProcessGateway process;

	private final DecisionTables decisionTables;

	private final Disclosures disclosures;

	private final MessageSource messages;

	WorkItemService(WorkItems workItems, Communities communities, ProcessGateway process,
			DecisionTables decisionTables, Disclosures disclosures, MessageSource messages) {
		this.workItems = workItems;
		this.communities = communities;
		this.process = process;
		this.decisionTables = decisionTables;
		this.disclosures = disclosures;
		this.messages = messages;
	}

	/** Managers and the stewards of its communities see who submitted and reviewed an item; others read roles. */
	private Disclosure disclosure(Actor actor, WorkItem item) {
		return disclosures.of(actor,
				actor.isManager() || item.getCommunityCodes().stream().anyMatch(actor::isStewardOf));
	}

	/** Departments (group {@code department} or {@code department:<code>}) and managers on their behalf. */
	static boolean maySubmit(Actor actor) {
		return actor.isManager()
				|| actor.groups().stream().anyMatch(g -> g.equals("department") || g.startsWith("department:"));
	}

	public WorkItem submit(SubmitWorkItem request, Actor actor) {
		if (!maySubmit(actor)) {
			throw ProblemException.forbidden("problem.workItem.departmentOnly");
		}
		List<String> codes = List.copyOf(new LinkedHashSet<>(request.communityCodes().stream().map(String::trim).toList()));
		for (String code : codes) {
			if (!communities.existsById(code)) {
				throw ProblemException.badField("communityCodes", "problem.community.unknown", code);
			}
		}
		if (request.purchasedService() && (request.fundingYuan() == null || request.fundingYuan().signum() <= 0)) {
			throw ProblemException.badField("fundingYuan", "problem.workItem.fundingRequired");
		}
		WorkItem item = workItems.save(new WorkItem(request.department().trim(), request.title().trim(),
				request.legalBasis().trim(), request.itemType(), codes, request.purchasedService(),
				request.fundingYuan(), actor.userId(), TimeLimits.nowInstant()));
		Map<String, Object> variables = new HashMap<>();
		variables.put(Var.WORK_ITEM_ID, item.getId());
		variables.put(Var.WORK_ITEM_TITLE, item.getTitle());
		variables.put(Var.DEPARTMENT, item.getDepartment());
		variables.put(Var.ITEM_TYPE, item.getItemType());
		variables.put(Var.ADMISSION_TEXT, item.getTitle() + " " + item.getLegalBasis());
		variables.put(Var.FUNDING_YUAN, item.getFundingYuan() == null ? null : item.getFundingYuan().toPlainString());
		// Tasklist shows the title as the engine keeps it: in Chinese
		variables.put(Var.SUBJECT_TITLE, item.subjectTitle().render(messages, Locale.SIMPLIFIED_CHINESE));
		item.startedAs(process.start(Workflow.WORK_ITEM_ADMISSION, item.getId(), variables));
		return item;
	}

	@Transactional(readOnly = true)
	public WorkItemView view(Long id, Actor actor) {
		WorkItem item = workItems.require(id);
		boolean mayRead = actor.isManager() || actor.userId().equals(item.getSubmittedBy())
				|| item.getCommunityCodes().stream()
					.anyMatch(c -> actor.isStewardOf(c) || actor.isSelfGovernanceOf(c));
		if (!mayRead) {
			throw ProblemException.forbidden("problem.workItem.notYours", id);
		}
		return WorkItemView.of(item, disclosure(actor, item));
	}

	/**
	 * The items the actor may read, newest first: all for managers; otherwise those they submitted and
	 * those concerning a community where they are steward or on the self-governance line.
	 */
	@Transactional(readOnly = true)
	public List<WorkItemView> list(Actor actor, int max) {
		List<WorkItem> found;
		if (actor.isManager()) {
			found = workItems.findAllByOrderByIdDesc(Limit.of(max));
		}
		else {
			List<String> communities = actor.groups().stream()
				.filter(g -> g.startsWith("steward:") || g.startsWith("selfgov:"))
				.map(g -> g.substring(g.indexOf(':') + 1))
				.distinct()
				.toList();
			found = workItems.findSubmittedByOrConcerning(actor.userId(),
					communities.isEmpty() ? List.of("-none-") : communities, Limit.of(max));
		}
		return found.stream().map(w -> WorkItemView.of(w, disclosure(actor, w))).toList();
	}

	public void reviewContract(Long id, ContractReview request, Actor actor) {
		WorkItem item = workItems.require(id);
		if (!actor.isManager()) {
			throw ProblemException.forbidden("problem.workItem.managerOnly");
		}
		OpenTask task = process.taskToWork(item.getProcessInstanceId(), Step.REVIEW_SERVICE_CONTRACT, actor,
				"problem.workItem.notAtStep.contractReview", id);
		process.complete(task, Map.of(Var.CONTRACT_DECISION, (request.approved() ? ContractDecision.APPROVED : ContractDecision.REJECTED).name(),
				Var.CONTRACT_NOTE, request.note()), actor);
	}

	/** The list in force now. */
	@Transactional(readOnly = true)
	public ListVersion currentList() {
		return versionOf(decisionTables.latest(Workflow.Decision.WORK_ITEM_ADMISSION));
	}

	/** The list in force now, rule by rule, for reading. */
	@Transactional(readOnly = true)
	public AdmissionList currentListTable() {
		DecisionVersion latest = decisionTables.latest(Workflow.Decision.WORK_ITEM_ADMISSION);
		return AdmissionList.of(versionOf(latest), decisionTables.model(latest), Workflow.Decision.WORK_ITEM_ADMISSION);
	}

	/** Publishes a revised admission list as a new version; items already decided keep the version that decided them. */
	public ListVersion reviseList(ListRevision request, Actor actor) {
		if (!actor.isManager()) {
			throw ProblemException.forbidden("problem.workItem.managerOnly");
		}
		return versionOf(decisionTables.deployRevision(Workflow.Decision.WORK_ITEM_ADMISSION, LIST_RESOURCE,
				request.dmnXml(), LIST_OUTPUT_LENGTHS,
				// the engine keeps the deployment's name as it is (Cockpit shows it): in the deployment's language
				Wording.of("admission.list.revisionName", actor.userId()).render(messages, Locale.SIMPLIFIED_CHINESE),
				"dmnXml"));
	}

	private static ListVersion versionOf(DecisionVersion version) {
		return new ListVersion(version.id(), version.key(), version.version(), version.deploymentId());
	}
}
