package cn.needsloop.kpi;

import java.time.LocalDate;
import java.util.Map;

/**
 * The process KPIs of one community (or the whole district) over a period. Rates are null with nothing to count.
 * {@code consultationsAgreed} is the base of {@code consultationApplicationRate}: consultations that reached an
 * agreed result in the period; {@code consultationsApplied}, those of them whose result was applied.
 */
public record Kpis(String communityCode, LocalDate from, LocalDate to, long needsDiscovered,
		Map<String, Long> needsByChannel, Map<String, Long> needsByCategory, Double responseRate,
		Double resolutionRate, Double satisfactionRate, Double loopClosureRate, Double medianHoursToCategorize,
		Double p90HoursToCategorize, Double needsPerProject, Double claimRate, Double onTimeCompletionRate,
		long overdueTasks, Map<String, Long> overdueTasksByLine, Double consultationApplicationRate,
		Map<String, Long> needsByGrid, long consultationsAgreed, long consultationsApplied) {
}
