package cn.needsloop.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.needsloop.process.OpenTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.kpi.DrillDown.OverdueTask;
import cn.needsloop.kpi.KpiScopes.Scope;
import cn.needsloop.process.ProcessGateway;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Workflow.Var;
import jakarta.persistence.EntityManager;

/**
 * Open tasks past due now, created in a period, of a community: read from the engine with their variables in
 * two batched queries and named by their need's or project's title in one query each (never one a task).
 */
@Component
@Transactional(readOnly = true)
class OverdueTasks {

	private final EntityManager em;

	private final ProcessGateway process;

	OverdueTasks(EntityManager em, ProcessGateway process) {
		this.em = em;
		this.process = process;
	}

	List<OverdueTask> of(Scope s) {
		return find(s.communityCode(), Date.from(s.start()), Date.from(s.end()), null);
	}

	/** How many of {@link #of} per line (unrouted under {@link KpiService#UNROUTED}): only the line is read. */
	Map<String, Long> countByLine(Scope s) {
		List<OpenTask> tasks = process.overdueTasks(TimeLimits.now(), s.communityCode(), Date.from(s.start()),
				Date.from(s.end()));
		Map<String, Map<String, Object>> locals = process.localVariables(tasks.stream().map(OpenTask::getId).toList(),
				Var.LINE);
		Map<String, Long> byLine = new java.util.TreeMap<>();
		for (OpenTask t : tasks) {
			Object line = locals.getOrDefault(t.getId(), Map.of()).get(Var.LINE);
			byLine.merge(line == null ? KpiService.UNROUTED : line.toString(), 1L, Long::sum);
		}
		return byLine;
	}

	List<OverdueTask> find(String communityCode, Date from, Date before, String line) {
		Date now = TimeLimits.now();
		List<OpenTask> tasks = process.overdueTasks(now, communityCode, from, before);
		Map<String, Map<String, Object>> locals = process.localVariables(tasks.stream().map(OpenTask::getId).toList(),
				Var.LINE, Var.PHASE, Var.NEED_ID, Var.PROJECT_ID);
		Map<String, Map<String, Object>> processes = process.processVariables(
				tasks.stream().map(OpenTask::getProcessInstanceId).filter(id -> id != null).toList(), Var.COMMUNITY_CODE,
				Var.SUBJECT_TITLE, Var.CONSULTATION_TOPIC);
		List<OverdueTask> rows = new ArrayList<>();
		for (OpenTask t : tasks) {
			Map<String, Object> local = locals.getOrDefault(t.getId(), Map.of());
			Object taskLine = local.get(Var.LINE);
			String lineName = taskLine == null ? KpiService.UNROUTED : taskLine.toString();
			if (line != null && !line.equals(lineName)) {
				continue;
			}
			Map<String, Object> vars = t.getProcessInstanceId() == null ? Map.of()
					: processes.getOrDefault(t.getProcessInstanceId(), Map.of());
			Object phase = local.get(Var.PHASE);
			Object subject = vars.get(Var.SUBJECT_TITLE) != null ? vars.get(Var.SUBJECT_TITLE)
					: vars.get(Var.CONSULTATION_TOPIC);
			Instant due = t.getDueDate().toInstant();
			rows.add(new OverdueTask(t.getId(), t.getName(), t.getTaskDefinitionKey(), lineName,
					phase == null ? null : phase.toString(), (String) vars.get(Var.COMMUNITY_CODE),
					asLong(local.get(Var.NEED_ID)), asLong(local.get(Var.PROJECT_ID)),
					subject == null ? null : subject.toString(), t.getAssignee(), t.getCreateTime().toInstant(), due,
					Duration.between(due, now.toInstant()).toHours()));
		}
		fillSubjects(rows);
		return rows;
	}

	/** Names each task's need or project by its title (from the domain tables). */
	private void fillSubjects(List<OverdueTask> rows) {
		Map<Long, String> needTitles = titles("select n.id, n.title from Need n where n.id in :ids",
				rows.stream().map(OverdueTask::needId).filter(id -> id != null).toList());
		Map<Long, String> projectTitles = titles("select p.id, p.title from ServiceProject p where p.id in :ids",
				rows.stream().map(OverdueTask::projectId).filter(id -> id != null).toList());
		rows.replaceAll(r -> {
			String title = r.needId() != null ? needTitles.get(r.needId())
					: r.projectId() != null ? projectTitles.get(r.projectId()) : null;
			return title == null ? r
					: new OverdueTask(r.id(), r.name(), r.taskKey(), r.line(), r.phase(), r.communityCode(), r.needId(),
							r.projectId(), title, r.assignee(), r.created(), r.due(), r.overdueHours());
		});
	}

	private Map<Long, String> titles(String jpql, Collection<Long> ids) {
		Map<Long, String> titles = new HashMap<>();
		List<Long> all = ids.stream().distinct().toList();
		for (int i = 0; i < all.size(); i += 500) {
			em.createQuery(jpql, Object[].class).setParameter("ids", all.subList(i, Math.min(all.size(), i + 500)))
				.getResultList()
				.forEach(row -> titles.put((Long) row[0], (String) row[1]));
		}
		return titles;
	}

	private static Long asLong(Object value) {
		return value instanceof Number n ? n.longValue() : null;
	}
}
