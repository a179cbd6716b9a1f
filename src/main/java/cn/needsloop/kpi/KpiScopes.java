package cn.needsloop.kpi;

import cn.needsloop.shared.ChinaTime;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import cn.needsloop.process.TimeLimits;
import cn.needsloop.shared.Actor;
import cn.needsloop.shared.ProblemException;

/** Who may see the KPIs of which community, and the period they cover. */
@Component
class KpiScopes {

	/** A community (null: the whole district) and a period of days, checked for the actor. */
	public record Scope(String communityCode, LocalDate from, LocalDate to) {

		Instant start() {
			return from.atStartOfDay(ChinaTime.ZONE).toInstant();
		}

		Instant end() {
			return to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant();
		}
	}

	/**
	 * Checks the actor may see KPIs of the community (a manager: any; a steward: their own, which is
	 * the default) and completes the period: {@code to} defaults to today, {@code from} to 29 days earlier.
	 */
	Scope scope(String communityCode, LocalDate from, LocalDate to, Actor actor) {
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
		LocalDate today = TimeLimits.nowInstant().atZone(ChinaTime.ZONE).toLocalDate();
		LocalDate end = to == null ? today : to;
		LocalDate start = from == null ? end.minusDays(29) : from;
		if (start.isAfter(end)) {
			throw ProblemException.badField("from", "problem.kpi.period", start, end);
		}
		return new Scope(communityCode, start, end);
	}

	/** The community a list may show: checked like the KPIs when it or a period is given, or for a non-manager. */
	String checked(String communityCode, LocalDate from, LocalDate to, Actor actor) {
		if (from != null && to != null && from.isAfter(to)) {
			throw ProblemException.badField("from", "problem.kpi.period", from, to);
		}
		if (communityCode != null || !actor.isManager()) {
			return scope(communityCode, from, to, actor).communityCode();
		}
		return null;
	}
}
