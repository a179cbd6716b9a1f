package cn.needsloop.kpi;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

import cn.needsloop.consultation.ConsultationLevel;
import cn.needsloop.consultation.ConsultationStatus;
import cn.needsloop.consultation.RoundResult;
import cn.needsloop.consultation.TopicType;
import cn.needsloop.design.ProjectStatus;
import cn.needsloop.shared.Category;
import cn.needsloop.shared.Channel;
import cn.needsloop.intake.NeedFilter;
import cn.needsloop.intake.NeedStatus;
import cn.needsloop.shared.Phase;

/**
 * The lists behind the dashboard's figures: the filters a figure drills down with (bound from the
 * query string, every one optional; {@code from} and {@code to} are days in Beijing time, both
 * included) and the rows of the lists that are not lists of needs.
 */
public final class DrillDown {

	private DrillDown() {
	}

	/** Needs: reported in the period, of a community, channel, category, grid, status or phase. */
	public record NeedQuery(String communityCode, NeedStatus status, Phase phase, Category category, Channel channel,
			String gridCode, @DateTimeFormat(iso = ISO.DATE) LocalDate from,
			@DateTimeFormat(iso = ISO.DATE) LocalDate to, Phase reached) {

		NeedQuery clean() {
			return new NeedQuery(blankToNull(communityCode), status, phase, category, channel, blankToNull(gridCode), from,
					to, reached);
		}

		NeedFilter toFilter() {
			return new NeedFilter(blankToNull(communityCode), status, phase, category, channel, blankToNull(gridCode), from,
					to, reached);
		}
	}

	/** Overdue tasks (open and past due now) created in the period, of a community, routed to a line. */
	public record TaskQuery(String communityCode, @DateTimeFormat(iso = ISO.DATE) LocalDate from,
			@DateTimeFormat(iso = ISO.DATE) LocalDate to, String line) {

		TaskQuery clean() {
			return new TaskQuery(blankToNull(communityCode), from, to, blankToNull(line));
		}
	}

	/** Which date of a project the period applies to. */
	public enum ProjectBasis {
		/** designed (the aggregation KPI) */
		CREATED,
		/** published in the project hall (the claim rate) */
		PUBLISHED,
		/** completed by its implementer (on-time completion, the implementer ranking) */
		COMPLETED
	}

	/** Service projects of a community, of an implementer, whose {@code basis} date falls in the period. */
	public record ProjectQuery(String communityCode, @DateTimeFormat(iso = ISO.DATE) LocalDate from,
			@DateTimeFormat(iso = ISO.DATE) LocalDate to, String claimant, ProjectBasis basis) {

		ProjectQuery clean() {
			return new ProjectQuery(blankToNull(communityCode), from, to, blankToNull(claimant),
					basis == null ? ProjectBasis.CREATED : basis);
		}
	}

	/**
	 * Consultations of a community that reached an agreed result in the period (the base of the
	 * consultation application rate); {@code applied} keeps those whose result was (or was not yet) applied.
	 */
	public record ConsultationQuery(String communityCode, @DateTimeFormat(iso = ISO.DATE) LocalDate from,
			@DateTimeFormat(iso = ISO.DATE) LocalDate to, Boolean applied) {

		ConsultationQuery clean() {
			return new ConsultationQuery(blankToNull(communityCode), from, to, applied);
		}
	}

	/** An open task past its due date. */
	public record OverdueTask(String id, String name, String taskKey, String line, String phase, String communityCode,
			Long needId, Long projectId, String subject, String assignee, Instant created, Instant due,
			long overdueHours) {
	}

	/** A service project in a list of the dashboard. */
	public record ProjectRow(Long id, String title, String communityCode, Category category, ProjectStatus status,
			String claimant, String claimantName, Instant createdAt, Instant publishedAt, Boolean claimedInTime,
			LocalDate plannedEnd, Instant completedAt, Boolean onTime, String verdict, Double residentAverage,
			Double communityAverage, long ratings) {
	}

	/** A consultation in a list of the dashboard. */
	public record ConsultationRow(Long id, String communityCode, String topic, TopicType topicType,
			ConsultationLevel level, ConsultationStatus status, RoundResult result, int round, Integer attendees,
			Integer votesFor, Integer votesAgainst, Integer votesAbstain, Instant concludedAt, Instant appliedAt,
			String applicationReport, Long projectId) {
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
