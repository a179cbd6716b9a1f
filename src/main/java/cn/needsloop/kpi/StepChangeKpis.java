package cn.needsloop.kpi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.routing.StepChange;
import cn.needsloop.routing.StepChanges;
import cn.needsloop.shared.Actor;
import cn.needsloop.shared.Category;
import cn.needsloop.shared.Line;

/**
 * 延期、退单、转办 on the dashboard: steps extended (counted apart from overdue ones: an extended step is due later,
 * not late), extensions asked and refused, needs transferred out, and returns per line and category, most first, so
 * that a routing rule that keeps being returned shows. Read from {@code step_change}, never from the engine's history.
 */
@Component("stepChangeKpis")
public class StepChangeKpis {

	/** Returns of one line and category. */
	public record Returns(Line line, Category category, long count) {
	}

	/** The counts of one community (null: the whole district) over a period. */
	public record Summary(String communityCode, LocalDate from, LocalDate to, long extensionsAsked, long extensionsGranted,
			long extensionsRefused, long transfers, List<Returns> returns) {
	}

	private final StepChanges changes;

	private final KpiScopes scopes;

	StepChangeKpis(StepChanges changes, KpiScopes scopes) {
		this.changes = changes;
		this.scopes = scopes;
	}

	/** For the person signed in (the dashboard asks from its page, after it checked the same scope). */
	@Transactional(readOnly = true)
	public Summary of(String communityCode, LocalDate from, LocalDate to) {
		return of(communityCode, from, to, cn.needsloop.system.CurrentActor.get());
	}

	/** For the person, as the KPIs: a manager any community or the district, a steward their own. */
	@Transactional(readOnly = true)
	public Summary of(String communityCode, LocalDate from, LocalDate to, Actor actor) {
		KpiScopes.Scope scope = scopes.scope(communityCode, from, to, actor);
		long asked = 0;
		long granted = 0;
		long refused = 0;
		long transfers = 0;
		List<Returns> returns = new ArrayList<>();
		for (StepChanges.Count c : changes.counts(scope.start(), scope.end(), scope.communityCode() == null,
				scope.communityCode() == null ? List.of("-") : List.of(scope.communityCode()))) {
			switch (c.getKind()) {
				case EXTENSION -> {
					asked += c.getCount();
					if (c.getStatus() == StepChange.Status.GRANTED) {
						granted += c.getCount();
					}
					else if (c.getStatus() == StepChange.Status.REFUSED) {
						refused += c.getCount();
					}
				}
				case TRANSFER -> transfers += c.getCount();
				case RETURN -> returns.add(new Returns(c.getLine(), c.getCategory(), c.getCount()));
			}
		}
		// one row per line and category (a category may be unknown): merged, most returned first
		List<Returns> merged = new ArrayList<>();
		for (Returns r : returns) {
			int at = -1;
			for (int i = 0; i < merged.size(); i++) {
				if (merged.get(i).line() == r.line() && merged.get(i).category() == r.category()) {
					at = i;
				}
			}
			if (at < 0) {
				merged.add(r);
			}
			else {
				merged.set(at, new Returns(r.line(), r.category(), merged.get(at).count() + r.count()));
			}
		}
		merged.sort(Comparator.comparingLong(Returns::count).reversed());
		return new Summary(scope.communityCode(), scope.from(), scope.to(), asked, granted, refused, transfers, merged);
	}
}
