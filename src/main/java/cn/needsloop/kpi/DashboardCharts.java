package cn.needsloop.kpi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import cn.needsloop.kpi.ImplementerRanking.ImplementerRank;
import cn.needsloop.kpi.KpiScopes.Scope;
import cn.needsloop.kpi.NeedTrends.NeedsOverTime;
import cn.needsloop.shared.Actor;
import cn.needsloop.shared.Phase;

/**
 * The figures of the dashboard's charts (needs by channel and category over time, the loop as a funnel by
 * phase, overdue tasks by line, implementer ranking, needs by grid), each with the list behind it.
 */
@Component
class DashboardCharts {

	/**
	 * The figures of the charts, with the list behind each (a path under the context). The needs by grid are a table
	 * only, not a chart: they stay out of the figures the page gives its charts (a district has a thousand grids,
	 * which made most of the dashboard's half a megabyte); {@code grids} is how many grids had needs.
	 */
	record Charts(List<Bucket> buckets, List<Series> byChannel, List<Series> byCategory, List<FunnelStep> funnel,
			List<Bar> overdueByLine, List<Rank> ranking, @com.fasterxml.jackson.annotation.JsonIgnore List<Bar> byGrid,
			@com.fasterxml.jackson.annotation.JsonIgnore int grids) {
	}

	/** How many grids the district-wide table shows, those with most needs (all of them for one community). */
	static final int GRIDS_SHOWN = 30;

	record Bucket(String label, LocalDate from, LocalDate to) {
	}

	/** One channel or category: its count per bucket, each with its list, and over the whole period. */
	record Series(String code, String name, List<Long> values, List<String> urls, long total, String url) {
	}

	/** A phase of the loop: needs that reached it (this phase or a later one) and needs in it now. */
	record FunnelStep(String code, String name, long reached, String url, long current, String currentUrl) {
	}

	record Bar(String code, String name, long value, String url) {
	}

	record Rank(String code, String name, long completed, long delivered, Double rating, long ratings, String url) {
	}

	private final KpiService kpis;

	private final KpiTexts texts;

	DashboardCharts(KpiService kpis, KpiTexts texts) {
		this.kpis = kpis;
		this.texts = texts;
	}

	Charts of(Kpis k, Actor me) {
		Locale locale = LocaleContextHolder.getLocale();
		String c = k.communityCode();
		LocalDate from = k.from();
		LocalDate to = k.to();
		// needs by channel and by category over time, each bar a list of needs of that stretch
		NeedsOverTime overTime = kpis.needsOverTime(c, from, to, me);
		List<Bucket> buckets = overTime.buckets().stream()
			.map(b -> new Bucket(b.from().toString(), b.from(), b.to()))
			.toList();
		List<Series> byChannel = series(overTime.byChannel(), overTime.buckets(), "channel", "enum.Channel.", k, locale);
		List<Series> byCategory = series(overTime.byCategory(), overTime.buckets(), "category", "enum.Category.", k,
				locale);
		// the loop as a funnel: needs of the period that reached each phase (they are in it now or a later one)
		Map<Phase, Long> byPhase = kpis.needsByPhase(c, from, to, me);
		List<FunnelStep> funnel = new ArrayList<>();
		Phase[] phases = Phase.values();
		for (int i = 0; i < phases.length; i++) {
			long reached = 0;
			for (int j = i; j < phases.length; j++) {
				reached += byPhase.get(phases[j]);
			}
			funnel.add(new FunnelStep(phases[i].name(), texts.label("enum.Phase.", phases[i], locale), reached,
					Links.needs(c, from, to, "reached", phases[i].name()), byPhase.get(phases[i]),
					Links.needs(c, from, to, "phase", phases[i].name())));
		}
		List<Bar> overdue = new ArrayList<>();
		k.overdueTasksByLine().forEach((line, n) -> overdue.add(new Bar(line,
				texts.line(line, locale), n,
				Links.tasks(c, from, to, line))));
		List<Rank> ranking = new ArrayList<>();
		for (ImplementerRank r : kpis.ranking(c, from, to, me)) {
			ranking.add(new Rank(r.code(), r.name(), r.completed(), r.delivered(), r.rating(), r.ratings(),
					Links.implementerProjects(c, from, to, r.code())));
		}
		// the grids with most needs first; district-wide only the first GRIDS_SHOWN (a district has a thousand grids:
		// a community's page shows all of its own)
		Map<String, String> gridNames = texts.gridNames();
		List<Bar> byGrid = k.needsByGrid()
			.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.limit(c == null ? GRIDS_SHOWN : Long.MAX_VALUE)
			.map(e -> new Bar(e.getKey(), gridNames.getOrDefault(e.getKey(), e.getKey()), e.getValue(),
					Links.needs(c, from, to, "gridCode", e.getKey())))
			.toList();
		return new Charts(buckets, byChannel, byCategory, funnel, overdue, ranking, byGrid, k.needsByGrid().size());
	}

	private List<Series> series(Map<String, List<Long>> counts, List<Scope> buckets, String param, String labels, Kpis k,
			Locale locale) {
		List<Series> series = new ArrayList<>();
		counts.forEach((code, values) -> {
			List<String> urls = buckets.stream()
				.map(b -> Links.needs(k.communityCode(), b.from(), b.to(), param, code))
				.toList();
			series.add(new Series(code, texts.label(labels, code, locale), values, urls,
					values.stream().mapToLong(Long::longValue).sum(),
					Links.needs(k.communityCode(), k.from(), k.to(), param, code)));
		});
		return series;
	}
}
