package cn.needsloop.design;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.needsloop.shared.Category;
import cn.needsloop.intake.Need;
import cn.needsloop.intake.NeedStatus;
import cn.needsloop.intake.Outcome;

/** A service project as the API shows it. */
public record ProjectView(Long id, String processInstanceId, String communityCode, String title, String goal,
		String plan, Category category, BigDecimal budgetYuan, int householdCount, boolean publicAffairs,
		LocalDate plannedEnd, ProjectStatus status, String approvalNote, String claimant, Instant claimDeadline,
		Instant publishedAt, Instant claimedAt, Boolean claimedInTime, Instant completedAt, String completionReport,
		String rectificationReport, int evaluationRound, String verdict, Instant closedAt, List<NeedRef> needs,
		List<MilestoneView> milestones, List<EvaluationView> evaluations, Long consultationId,
		String consultationNote) {

	public record NeedRef(Long id, String title, NeedStatus status, Outcome outcome) {
		static NeedRef of(Need need) {
			return new NeedRef(need.getId(), need.getTitle(), need.getStatus(), need.getOutcome());
		}
	}

	public record MilestoneView(int index, String title, String note, Integer socialWorkers, Integer volunteers,
			String reportedBy, Instant reportedAt) {
	}

	public record EvaluationView(String perspective, Long needId, int round, int score, String comment, String rater,
			Instant at) {
	}
}
