package cn.needsloop.kpi;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.process.ProcessGateway;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.system.Actor;
import cn.needsloop.system.ProblemException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/**
 * Computes the KPIs of DESIGN.md from the domain tables (never by scanning Camunda history). The
 * needs counted are those reported in the period; the projects, those published, created or
 * completed in it.
 */
@Service
@Transactional(readOnly = true)
public class KpiService {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final EntityManager em;

	private final TaskService tasks;

	private final ProcessGateway process;

	KpiService(EntityManager em, TaskService tasks, ProcessGateway process) {
		this.em = em;
		this.tasks = tasks;
		this.process = process;
	}

	public Kpis compute(String communityCode, LocalDate from, LocalDate to, Actor actor) {
		if (!actor.isManager()) {
			if (!actor.isSteward()) {
				throw ProblemException.forbidden("problem.kpi.forbidden");
			}
			if (communityCode == null) {
				communityCode = actor.firstStewardCommunity().orElseThrow();
			}
			if (!actor.isStewardOf(communityCode)) {
				throw ProblemException.forbidden("problem.community.notYours", communityCode);
			}
		}
		LocalDate today = TimeLimits.nowInstant().atZone(CHINA).toLocalDate();
		LocalDate end = to == null ? today : to;
		LocalDate start = from == null ? end.minusDays(29) : from;
		if (start.isAfter(end)) {
			throw ProblemException.badField("from", "problem.kpi.period", start, end);
		}
		Instant a = start.atStartOfDay(CHINA).toInstant();
		Instant b = end.plusDays(1).atStartOfDay(CHINA).toInstant();
		String c = communityCode;

		String needs = " from Need n where n.reportedAt >= :a and n.reportedAt < :b"
				+ (c == null ? "" : " and n.communityCode = :c");
		long discovered = count("select count(n)" + needs, a, b, c);
		long verifiedInTime = count("select count(n)" + needs
				+ " and n.verifiedAt is not null and n.verifiedAt <= n.verificationDueAt", a, b, c);
		long closed = count("select count(n)" + needs + " and n.status = cn.needsloop.intake.NeedStatus.CLOSED", a, b, c);
		long resolved = count("select count(n)" + needs + " and n.outcome = cn.needsloop.intake.Outcome.RESOLVED", a, b, c);
		long rated = count("select count(n)" + needs + " and n.needScore is not null", a, b, c);
		long satisfied = count("select count(n)" + needs + " and n.needScore >= 4", a, b, c);
		long genuine = count("select count(n)" + needs
				+ " and n.verificationVerdict = cn.needsloop.intake.VerificationVerdict.GENUINE", a, b, c);
		long loopClosed = count("select count(n)" + needs + " and n.outcome is not null and n.evaluatedAt is not null",
				a, b, c);
		Map<String, Long> byChannel = groupCount("select n.channel, count(n)" + needs + " group by n.channel", a, b, c);
		Map<String, Long> byCategory = groupCount(
				"select n.category, count(n)" + needs + " and n.category is not null group by n.category", a, b, c);

		List<Double> hours = new ArrayList<>();
		query("select n.reportedAt, n.categorizedAt" + needs + " and n.categorizedAt is not null", Object[].class, a, b, c)
			.getResultList()
			.forEach(row -> hours.add(Duration.between((Instant) row[0], (Instant) row[1]).toMinutes() / 60.0));
		Collections.sort(hours);

		String projects = " from ServiceProject p where p.createdAt >= :a and p.createdAt < :b"
				+ (c == null ? "" : " and p.communityCode = :c");
		long projectCount = count("select count(p)" + projects, a, b, c);
		long projectNeeds = count("select count(n) from Need n where n.projectId in (select p.id" + projects + ")", a, b, c);
		String published = " from ServiceProject p where p.publishedAt >= :a and p.publishedAt < :b"
				+ (c == null ? "" : " and p.communityCode = :c");
		long publishedCount = count("select count(p)" + published, a, b, c);
		long claimedInTime = count("select count(p)" + published + " and p.claimedInTime = true", a, b, c);
		String completed = " from ServiceProject p where p.completedAt >= :a and p.completedAt < :b"
				+ (c == null ? "" : " and p.communityCode = :c");
		List<Object[]> completions = query("select p.completedAt, p.plannedEnd" + completed, Object[].class, a, b, c)
			.getResultList();
		long onTime = completions.stream()
			.filter(row -> !((Instant) row[0]).atZone(CHINA).toLocalDate().isAfter((LocalDate) row[1]))
			.count();

		// 成果运用率: of the consultations that reached an agreed result in the period, those whose result was
		// applied (a REJECTED consultation has no result to apply)
		String agreed = " from Consultation k where k.concludedAt >= :a and k.concludedAt < :b"
				+ " and k.result = cn.needsloop.consultation.RoundResult.AGREED"
				+ (c == null ? "" : " and k.communityCode = :c");
		long consultationsAgreed = count("select count(k)" + agreed, a, b, c);
		long consultationsApplied = count("select count(k)" + agreed + " and k.appliedAt is not null", a, b, c);

		Map<String, Long> overdueByLine = overdueByLine(c);
		return new Kpis(c, start, end, discovered, byChannel, byCategory, rate(verifiedInTime, discovered),
				rate(resolved, closed), rate(satisfied, rated), rate(loopClosed, genuine), percentile(hours, 0.5),
				percentile(hours, 0.9), projectCount == 0 ? null : (double) projectNeeds / projectCount,
				rate(claimedInTime, publishedCount), rate(onTime, completions.size()),
				overdueByLine.values().stream().mapToLong(Long::longValue).sum(), overdueByLine,
				rate(consultationsApplied, consultationsAgreed));
	}

	private Map<String, Long> overdueByLine(String communityCode) {
		TaskQuery query = tasks.createTaskQuery().dueBefore(TimeLimits.now());
		if (communityCode != null) {
			query.processVariableValueEquals(Var.COMMUNITY_CODE, communityCode);
		}
		List<Task> overdue = query.list();
		Map<String, Map<String, Object>> lines = process.localVariables(overdue.stream().map(Task::getId).toList(),
				Var.LINE);
		Map<String, Long> byLine = new TreeMap<>();
		for (Task task : overdue) {
			Object line = lines.getOrDefault(task.getId(), Map.of()).get(Var.LINE);
			byLine.merge(line == null ? "UNROUTED" : line.toString(), 1L, Long::sum);
		}
		return byLine;
	}

	static Double percentile(List<Double> sorted, double p) {
		if (sorted.isEmpty()) {
			return null;
		}
		double rank = p * (sorted.size() - 1);
		int low = (int) Math.floor(rank);
		int high = (int) Math.ceil(rank);
		double value = sorted.get(low) + (sorted.get(high) - sorted.get(low)) * (rank - low);
		return Math.round(value * 100) / 100.0;
	}

	private static Double rate(long part, long whole) {
		return whole == 0 ? null : Math.round(10000.0 * part / whole) / 10000.0;
	}

	private long count(String jpql, Instant a, Instant b, String c) {
		return query(jpql, Long.class, a, b, c).getSingleResult();
	}

	private Map<String, Long> groupCount(String jpql, Instant a, Instant b, String c) {
		Map<String, Long> result = new TreeMap<>();
		query(jpql, Object[].class, a, b, c).getResultList()
			.forEach(row -> result.put(String.valueOf(row[0]), (Long) row[1]));
		return result;
	}

	private <T> TypedQuery<T> query(String jpql, Class<T> type, Instant a, Instant b, String c) {
		TypedQuery<T> query = em.createQuery(jpql, type).setParameter("a", a).setParameter("b", b);
		if (c != null) {
			query.setParameter("c", c);
		}
		return query;
	}
}
