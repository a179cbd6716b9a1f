package cn.needsloop.kpi;

import cn.needsloop.shared.ChinaTime;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.shared.Phase;
import cn.needsloop.kpi.DrillDown.ConsultationQuery;
import cn.needsloop.kpi.DrillDown.ConsultationRow;
import cn.needsloop.kpi.DrillDown.OverdueTask;
import cn.needsloop.kpi.DrillDown.ProjectQuery;
import cn.needsloop.kpi.DrillDown.ProjectRow;
import cn.needsloop.kpi.DrillDown.TaskQuery;
import cn.needsloop.kpi.ImplementerRanking.ImplementerRank;
import cn.needsloop.kpi.KpiScopes.Scope;
import cn.needsloop.kpi.NeedTrends.NeedsOverTime;
import cn.needsloop.shared.Actor;

/**
 * The KPIs of DESIGN.md and the lists behind them, each read checked for the actor ({@link KpiScopes}) and
 * computed by the part that owns it: the headline figures ({@link HeadlineKpis}), the trends
 * ({@link NeedTrends}), the implementers' ranking ({@link ImplementerRanking}), the overdue tasks
 * ({@link OverdueTasks}) and the drill-down lists ({@link DrillDownLists}). All from the domain tables (never by
 * scanning Camunda history), in a fixed number of queries a request. The needs counted are those reported in the
 * period; the projects, those published, created or completed in it; the consultations, those that reached their
 * result in it; the overdue tasks, the open tasks past due now that were created in it.
 */
@Service
@Transactional(readOnly = true)
public class KpiService {

	static final ZoneId CHINA = ChinaTime.ZONE;

	/** Unrouted tasks (no line recorded on the task) are counted under this name. */
	public static final String UNROUTED = "UNROUTED";

	private final KpiScopes scopes;

	private final HeadlineKpis headline;

	private final NeedTrends trends;

	private final ImplementerRanking ranking;

	private final OverdueTasks overdue;

	private final DrillDownLists lists;

	KpiService(KpiScopes scopes, HeadlineKpis headline, NeedTrends trends, ImplementerRanking ranking,
			OverdueTasks overdue, DrillDownLists lists) {
		this.scopes = scopes;
		this.headline = headline;
		this.trends = trends;
		this.ranking = ranking;
		this.overdue = overdue;
		this.lists = lists;
	}

	/** See {@link KpiScopes#scope}. */
	public Scope scope(String communityCode, LocalDate from, LocalDate to, Actor actor) {
		return scopes.scope(communityCode, from, to, actor);
	}

	public Kpis compute(String communityCode, LocalDate from, LocalDate to, Actor actor) {
		return headline.compute(scopes.scope(communityCode, from, to, actor));
	}

	/** See {@link NeedTrends#needsOverTime}. */
	public NeedsOverTime needsOverTime(String communityCode, LocalDate from, LocalDate to, Actor actor) {
		return trends.needsOverTime(scopes.scope(communityCode, from, to, actor));
	}

	/** Needs reported in the period by the phase they are in now, every phase present. */
	public Map<Phase, Long> needsByPhase(String communityCode, LocalDate from, LocalDate to, Actor actor) {
		return trends.needsByPhase(scopes.scope(communityCode, from, to, actor));
	}

	/** See {@link ImplementerRanking#ranking}. */
	public List<ImplementerRank> ranking(String communityCode, LocalDate from, LocalDate to, Actor actor) {
		return ranking.ranking(scopes.scope(communityCode, from, to, actor));
	}

	/** Open tasks past due now, created in the period, of the community; those of one line if {@code line} is given. */
	public List<OverdueTask> overdueTasks(TaskQuery filter, Actor actor) {
		TaskQuery f = filter.clean();
		String c = scopes.checked(f.communityCode(), f.from(), f.to(), actor);
		Date from = f.from() == null ? null : Date.from(f.from().atStartOfDay(CHINA).toInstant());
		Date before = f.to() == null ? null : Date.from(f.to().plusDays(1).atStartOfDay(CHINA).toInstant());
		return overdue.find(c, from, before, f.line());
	}

	/** Service projects whose {@code basis} date falls in the period, newest first. */
	public Page<ProjectRow> projects(ProjectQuery filter, int page, int size, Actor actor) {
		ProjectQuery f = filter.clean();
		return lists.projects(f, scopes.checked(f.communityCode(), f.from(), f.to(), actor), page, size);
	}

	/** Consultations that reached an agreed result in the period, the latest first. */
	public Page<ConsultationRow> consultations(ConsultationQuery filter, int page, int size, Actor actor) {
		ConsultationQuery f = filter.clean();
		return lists.consultations(f, scopes.checked(f.communityCode(), f.from(), f.to(), actor), page, size);
	}
}
