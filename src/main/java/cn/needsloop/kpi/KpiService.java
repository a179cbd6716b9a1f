package cn.needsloop.kpi;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.needsloop.process.OpenTask;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.consultation.Consultation;
import cn.needsloop.consultation.ConsultationRound;
import cn.needsloop.design.ServiceProject;
import cn.needsloop.community.Organization;
import cn.needsloop.community.Organizations;
import cn.needsloop.intake.NeedFilter;
import cn.needsloop.shared.Phase;
import cn.needsloop.kpi.DrillDown.ConsultationQuery;
import cn.needsloop.kpi.DrillDown.ConsultationRow;
import cn.needsloop.kpi.DrillDown.OverdueTask;
import cn.needsloop.kpi.DrillDown.ProjectQuery;
import cn.needsloop.kpi.DrillDown.ProjectRow;
import cn.needsloop.kpi.DrillDown.TaskQuery;
import cn.needsloop.process.ProcessGateway;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.Actor;
import cn.needsloop.shared.ProblemException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/**
 * Computes the KPIs of DESIGN.md from the domain tables (never by scanning Camunda history), and the
 * lists behind them. The needs counted are those reported in the period; the projects, those
 * published, created or completed in it; the consultations, those that reached their result in it;
 * the overdue tasks, the open tasks past due now that were created in it.
 */
@Service
@Transactional(readOnly = true)
public class KpiService {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** Unrouted tasks (no line recorded on the task) are counted under this name. */
	public static final String UNROUTED = "UNROUTED";

	private static final int MAX_BUCKETS = 8;

	/** A community (null: the whole district) and a period of days, checked for the actor. */
	public record Scope(String communityCode, LocalDate from, LocalDate to) {

		Instant start() {
			return from.atStartOfDay(CHINA).toInstant();
		}

		Instant end() {
			return to.plusDays(1).atStartOfDay(CHINA).toInstant();
		}
	}

	/** Needs reported per stretch of the period, by channel and by category (codes), one value per bucket. */
	public record NeedsOverTime(List<Scope> buckets, Map<String, List<Long>> byChannel,
			Map<String, List<Long>> byCategory) {
	}

	/** An implementer's projects completed in the period: how many, how many delivered (closed), their ratings. */
	public record ImplementerRank(String code, String name, long completed, long delivered, Double rating,
			long ratings) {
	}

	private final EntityManager em;

	private final ProcessGateway process;

	private final Organizations organizations;

	KpiService(EntityManager em, ProcessGateway process, Organizations organizations) {
		this.em = em;
		this.process = process;
		this.organizations = organizations;
	}

	/**
	 * Checks the actor may see KPIs of the community (a manager: any; a steward: their own, which is
	 * the default) and completes the period: {@code to} defaults to today, {@code from} to 29 days earlier.
	 */
	public Scope scope(String communityCode, LocalDate from, LocalDate to, Actor actor) {
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
		return new Scope(communityCode, start, end);
	}

	public Kpis compute(String communityCode, LocalDate from, LocalDate to, Actor actor) {
		Scope s = scope(communityCode, from, to, actor);
		Instant a = s.start();
		Instant b = s.end();
		String c = s.communityCode();

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
		// every need in one row: those reported without a grid under NeedFilter.NO_GRID (未分网格), so the rows add up
		Map<String, Long> byGrid = new TreeMap<>();
		query("select n.gridCode, count(n)" + needs + " group by n.gridCode", Object[].class, a, b, c).getResultList()
			.forEach(row -> byGrid.merge(row[0] == null ? NeedFilter.NO_GRID : (String) row[0], (Long) row[1], Long::sum));

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
		long onTime = completions.stream().filter(row -> onTime((Instant) row[0], (LocalDate) row[1])).count();

		// 成果运用率: of the consultations that reached an agreed result in the period, those whose result was
		// applied (a REJECTED consultation has no result to apply)
		String agreed = " from Consultation k where k.concludedAt >= :a and k.concludedAt < :b"
				+ " and k.result = cn.needsloop.consultation.RoundResult.AGREED"
				+ (c == null ? "" : " and k.communityCode = :c");
		long consultationsAgreed = count("select count(k)" + agreed, a, b, c);
		long consultationsApplied = count("select count(k)" + agreed + " and k.appliedAt is not null", a, b, c);

		Map<String, Long> overdueByLine = new TreeMap<>();
		overdueTasks(s, null).forEach(t -> overdueByLine.merge(t.line(), 1L, Long::sum));
		return new Kpis(c, s.from(), s.to(), discovered, byChannel, byCategory, rate(verifiedInTime, discovered),
				rate(resolved, closed), rate(satisfied, rated), rate(loopClosed, genuine), percentile(hours, 0.5),
				percentile(hours, 0.9), projectCount == 0 ? null : (double) projectNeeds / projectCount,
				rate(claimedInTime, publishedCount), rate(onTime, completions.size()),
				overdueByLine.values().stream().mapToLong(Long::longValue).sum(), overdueByLine,
				rate(consultationsApplied, consultationsAgreed), byGrid, consultationsAgreed, consultationsApplied);
	}

	/**
	 * Needs reported in the period, by channel and by category, in at most eight stretches of at
	 * least a week each (a short period is one stretch).
	 */
	public NeedsOverTime needsOverTime(String communityCode, LocalDate from, LocalDate to, Actor actor) {
		Scope s = scope(communityCode, from, to, actor);
		long days = ChronoUnit.DAYS.between(s.from(), s.to()) + 1;
		long step = Math.max(7, (days + MAX_BUCKETS - 1) / MAX_BUCKETS);
		List<Scope> buckets = new ArrayList<>();
		for (LocalDate start = s.from(); !start.isAfter(s.to()); start = start.plusDays(step)) {
			LocalDate end = start.plusDays(step - 1);
			buckets.add(new Scope(s.communityCode(), start, end.isAfter(s.to()) ? s.to() : end));
		}
		Map<String, List<Long>> byChannel = new TreeMap<>();
		Map<String, List<Long>> byCategory = new TreeMap<>();
		String c = s.communityCode();
		String needs = " from Need n where n.reportedAt >= :a and n.reportedAt < :b"
				+ (c == null ? "" : " and n.communityCode = :c");
		for (int i = 0; i < buckets.size(); i++) {
			Scope bucket = buckets.get(i);
			int at = i;
			groupCount("select n.channel, count(n)" + needs + " group by n.channel", bucket.start(), bucket.end(), c)
				.forEach((code, n) -> series(byChannel, code, buckets.size()).set(at, n));
			groupCount("select n.category, count(n)" + needs + " and n.category is not null group by n.category",
					bucket.start(), bucket.end(), c)
				.forEach((code, n) -> series(byCategory, code, buckets.size()).set(at, n));
		}
		return new NeedsOverTime(buckets, byChannel, byCategory);
	}

	/** Needs reported in the period by the phase they are in now, every phase present. */
	public Map<Phase, Long> needsByPhase(String communityCode, LocalDate from, LocalDate to, Actor actor) {
		Scope s = scope(communityCode, from, to, actor);
		String c = s.communityCode();
		Map<Phase, Long> byPhase = new EnumMap<>(Phase.class);
		for (Phase phase : Phase.values()) {
			byPhase.put(phase, 0L);
		}
		query("select n.phase, count(n) from Need n where n.reportedAt >= :a and n.reportedAt < :b"
				+ (c == null ? "" : " and n.communityCode = :c") + " group by n.phase", Object[].class, s.start(),
				s.end(), c)
			.getResultList()
			.forEach(row -> byPhase.put((Phase) row[0], (Long) row[1]));
		return byPhase;
	}

	/**
	 * Implementers by the projects they completed in the period: delivered (closed as satisfactory)
	 * first, then the average of the residents' and the community's ratings of those projects.
	 */
	public List<ImplementerRank> ranking(String communityCode, LocalDate from, LocalDate to, Actor actor) {
		Scope s = scope(communityCode, from, to, actor);
		String c = s.communityCode();
		String completed = " from ServiceProject p where p.completedAt >= :a and p.completedAt < :b"
				+ " and p.claimantCode is not null" + (c == null ? "" : " and p.communityCode = :c");
		Map<String, long[]> counts = new TreeMap<>();
		query("select p.claimantCode, count(p), sum(case when p.status = cn.needsloop.design.ProjectStatus.CLOSED"
				+ " then 1 else 0 end)" + completed + " group by p.claimantCode", Object[].class, s.start(), s.end(), c)
			.getResultList()
			.forEach(row -> counts.put((String) row[0],
					new long[] { ((Number) row[1]).longValue(), row[2] == null ? 0 : ((Number) row[2]).longValue() }));
		Map<String, Object[]> ratings = new HashMap<>();
		query("select p.claimantCode, avg(e.score), count(e) from Evaluation e, ServiceProject p where e.projectId = p.id"
				+ " and e.perspective <> cn.needsloop.evaluation.Perspective.IMPLEMENTER"
				+ completed.replaceFirst(" from ServiceProject p where", " and") + " group by p.claimantCode",
				Object[].class, s.start(), s.end(), c)
			.getResultList()
			.forEach(row -> ratings.put((String) row[0], row));
		List<ImplementerRank> ranks = new ArrayList<>();
		counts.forEach((code, n) -> {
			Object[] r = ratings.get(code);
			ranks.add(new ImplementerRank(code, organizations.findById(code).map(Organization::getName).orElse(code), n[0],
					n[1], r == null || r[1] == null ? null : round2(((Number) r[1]).doubleValue()),
					r == null ? 0 : ((Number) r[2]).longValue()));
		});
		ranks.sort((x, y) -> {
			int byDelivered = Long.compare(y.delivered(), x.delivered());
			if (byDelivered != 0) {
				return byDelivered;
			}
			return Double.compare(y.rating() == null ? -1 : y.rating(), x.rating() == null ? -1 : x.rating());
		});
		return ranks;
	}

	/** Open tasks past due now, created in the period, of the community; those of one line if {@code line} is given. */
	public List<OverdueTask> overdueTasks(TaskQuery filter, Actor actor) {
		TaskQuery f = filter.clean();
		String c = checked(f.communityCode(), f.from(), f.to(), actor);
		Date from = f.from() == null ? null : Date.from(f.from().atStartOfDay(CHINA).toInstant());
		Date before = f.to() == null ? null : Date.from(f.to().plusDays(1).atStartOfDay(CHINA).toInstant());
		return overdue(c, from, before, f.line());
	}

	private List<OverdueTask> overdueTasks(Scope s, String line) {
		return overdue(s.communityCode(), Date.from(s.start()), Date.from(s.end()), line);
	}

	private List<OverdueTask> overdue(String communityCode, Date from, Date before, String line) {
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
			String lineName = taskLine == null ? UNROUTED : taskLine.toString();
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

	/** Service projects whose {@code basis} date falls in the period, newest first. */
	public Page<ProjectRow> projects(ProjectQuery filter, int page, int size, Actor actor) {
		ProjectQuery f = filter.clean();
		String c = checked(f.communityCode(), f.from(), f.to(), actor);
		String date = switch (f.basis()) {
			case CREATED -> "p.createdAt";
			case PUBLISHED -> "p.publishedAt";
			case COMPLETED -> "p.completedAt";
		};
		StringBuilder where = new StringBuilder(" from ServiceProject p where " + date + " is not null");
		Map<String, Object> params = new LinkedHashMap<>();
		period(where, params, date, f.from(), f.to());
		if (c != null) {
			where.append(" and p.communityCode = :c");
			params.put("c", c);
		}
		if (f.claimant() != null) {
			where.append(" and p.claimantCode = :claimant");
			params.put("claimant", f.claimant());
		}
		long total = bind(em.createQuery("select count(p)" + where, Long.class), params).getSingleResult();
		List<ServiceProject> found = bind(em.createQuery("select p" + where + " order by " + date + " desc, p.id desc",
				ServiceProject.class), params)
			.setFirstResult(page * size)
			.setMaxResults(size)
			.getResultList();
		Map<Long, Map<String, double[]>> ratings = new HashMap<>();
		if (!found.isEmpty()) {
			em.createQuery("select e.projectId, e.perspective, avg(e.score), count(e) from Evaluation e"
					+ " where e.projectId in :ids and e.perspective <> cn.needsloop.evaluation.Perspective.IMPLEMENTER"
					+ " group by e.projectId, e.perspective", Object[].class)
				.setParameter("ids", found.stream().map(ServiceProject::getId).toList())
				.getResultList()
				.forEach(row -> ratings.computeIfAbsent((Long) row[0], id -> new HashMap<>())
					.put(row[1].toString(), new double[] { ((Number) row[2]).doubleValue(), ((Number) row[3]).doubleValue() }));
		}
		Map<String, String> names = new HashMap<>();
		List<ProjectRow> rows = found.stream().map(p -> {
			Map<String, double[]> r = ratings.getOrDefault(p.getId(), Map.of());
			double[] residents = r.get("RESIDENT");
			double[] community = r.get("COMMUNITY");
			String claimant = p.getClaimantCode();
			String claimantName = claimant == null ? null : names.computeIfAbsent(claimant,
					code -> organizations.findById(code).map(Organization::getName).orElse(code));
			return new ProjectRow(p.getId(), p.getTitle(), p.getCommunityCode(), p.getCategory(), p.getStatus(), claimant,
					claimantName, p.getCreatedAt(), p.getPublishedAt(), p.getClaimedInTime(), p.getPlannedEnd(),
					p.getCompletedAt(), p.getCompletedAt() == null ? null : onTime(p.getCompletedAt(), p.getPlannedEnd()),
					p.getVerdict(), residents == null ? null : round2(residents[0]),
					community == null ? null : round2(community[0]),
					(long) ((residents == null ? 0 : residents[1]) + (community == null ? 0 : community[1])));
		}).toList();
		return new PageImpl<>(rows, PageRequest.of(page, size), total);
	}

	/** Consultations that reached an agreed result in the period, the latest first. */
	public Page<ConsultationRow> consultations(ConsultationQuery filter, int page, int size, Actor actor) {
		ConsultationQuery f = filter.clean();
		String c = checked(f.communityCode(), f.from(), f.to(), actor);
		StringBuilder where = new StringBuilder(
				" from Consultation k where k.result = cn.needsloop.consultation.RoundResult.AGREED");
		Map<String, Object> params = new LinkedHashMap<>();
		period(where, params, "k.concludedAt", f.from(), f.to());
		if (c != null) {
			where.append(" and k.communityCode = :c");
			params.put("c", c);
		}
		if (f.applied() != null) {
			where.append(f.applied() ? " and k.appliedAt is not null" : " and k.appliedAt is null");
		}
		long total = bind(em.createQuery("select count(k)" + where, Long.class), params).getSingleResult();
		List<ConsultationRow> rows = bind(em.createQuery("select k" + where + " order by k.concludedAt desc, k.id desc",
				Consultation.class), params)
			.setFirstResult(page * size)
			.setMaxResults(size)
			.getResultList()
			.stream()
			.map(KpiService::row)
			.toList();
		return new PageImpl<>(rows, PageRequest.of(page, size), total);
	}

	static ConsultationRow row(Consultation k) {
		ConsultationRound voted = k.getRounds().stream().filter(r -> r.getRecordedAt() != null).reduce((x, y) -> y)
			.orElse(null);
		return new ConsultationRow(k.getId(), k.getCommunityCode(), k.getTopic(), k.getTopicType(), k.getLevel(),
				k.getStatus(), k.getResult(), k.getRound(), voted == null ? null : voted.getAttendees(),
				voted == null ? null : voted.getVotesFor(), voted == null ? null : voted.getVotesAgainst(),
				voted == null ? null : voted.getVotesAbstain(), k.getConcludedAt(), k.getAppliedAt(),
				k.getApplicationReport(), k.getProjectId());
	}

	/** The community a list may show: checked like the KPIs when it or a period is given, or for a non-manager. */
	private String checked(String communityCode, LocalDate from, LocalDate to, Actor actor) {
		if (from != null && to != null && from.isAfter(to)) {
			throw ProblemException.badField("from", "problem.kpi.period", from, to);
		}
		if (communityCode != null || !actor.isManager()) {
			return scope(communityCode, from, to, actor).communityCode();
		}
		return null;
	}

	private static void period(StringBuilder where, Map<String, Object> params, String date, LocalDate from,
			LocalDate to) {
		if (from != null) {
			where.append(" and ").append(date).append(" >= :a");
			params.put("a", from.atStartOfDay(CHINA).toInstant());
		}
		if (to != null) {
			where.append(" and ").append(date).append(" < :b");
			params.put("b", to.plusDays(1).atStartOfDay(CHINA).toInstant());
		}
	}

	private static <T> TypedQuery<T> bind(TypedQuery<T> query, Map<String, Object> params) {
		params.forEach(query::setParameter);
		return query;
	}

	/** Completed by the planned end: on or before that day in Beijing time. */
	static boolean onTime(Instant completedAt, LocalDate plannedEnd) {
		return plannedEnd != null && !completedAt.atZone(CHINA).toLocalDate().isAfter(plannedEnd);
	}

	private static List<Long> series(Map<String, List<Long>> all, String code, int size) {
		return all.computeIfAbsent(code, n -> new ArrayList<>(Collections.nCopies(size, 0L)));
	}

	private static Long asLong(Object value) {
		return value instanceof Number n ? n.longValue() : null;
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

	private static double round2(double value) {
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
