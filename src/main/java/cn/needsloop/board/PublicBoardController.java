package cn.needsloop.board;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.needsloop.community.Communities;
import cn.needsloop.consultation.ConsultationLevel;
import cn.needsloop.consultation.ConsultationService;
import cn.needsloop.consultation.ConsultationStatus;
import cn.needsloop.consultation.ConsultationView;
import cn.needsloop.consultation.RoundResult;
import cn.needsloop.consultation.TopicType;
import cn.needsloop.design.ProjectService;
import cn.needsloop.design.ProjectStatus;
import cn.needsloop.design.ProjectView;
import cn.needsloop.design.ProjectView.EvaluationView;
import cn.needsloop.community.Organizations;
import cn.needsloop.shared.Actor;
import cn.needsloop.system.PageView;

/**
 * 阳光社区, the public board: published and finished projects, what they delivered and how they
 * were rated, and the results of community consultations (publicised, agreed and applied, or
 * rejected). No personal data: only projects, organisations, average scores, topics, vote counts and
 * the report of how a result was applied are shown, never a resident's name, phone, need text, a
 * rater's account, a participant, a proposer, an objection or the opinions of a meeting.
 */
@Controller
class PublicBoardController {

	/** A project as the public sees it. */
	record BoardProject(Long id, String title, String community, String category, ProjectStatus status,
			String implementer, String goal, String result, int needsServed, int milestonesReported,
			int milestones, Double residentAverage, int residentRatings, Double communityScore, Instant completedAt,
			String verdict) {
	}

	/** A consultation's result as the public sees it: the votes of its last meeting, never who took part. */
	record BoardConsultation(Long id, String topic, String community, TopicType topicType, ConsultationLevel level,
			ConsultationStatus status, RoundResult result, String reason, int rounds, Integer attendees,
			Integer votesFor, Integer votesAgainst, Integer votesAbstain, Instant concludedAt, Instant publicityEndsAt,
			String applicationReport, Instant appliedAt) {

		/** When the result was reached, or (still publicised) when its publicity ends: the board's order. */
		Instant date() {
			return concludedAt != null ? concludedAt : publicityEndsAt;
		}
	}

	/** Consultations with a result to show: publicised (objections still possible), agreed, applied, rejected. */
	private static final List<ConsultationStatus> RESULTS = List.of(ConsultationStatus.PUBLICITY,
			ConsultationStatus.APPLICATION, ConsultationStatus.APPLIED, ConsultationStatus.REJECTED);

	private static final int CONSULTATIONS_SHOWN = 50;

	/** The projects under way on the board, and those finished (delivered or failed). */
	private static final Set<ProjectStatus> OPEN = EnumSet.of(ProjectStatus.PUBLISHED, ProjectStatus.IN_PROGRESS,
			ProjectStatus.EVALUATION, ProjectStatus.RECTIFICATION);

	private static final Set<ProjectStatus> FINISHED = EnumSet.of(ProjectStatus.CLOSED, ProjectStatus.FAILED);

	/** Projects on a page of each section. */
	private static final int PAGE = 20;

	/** The public reads as nobody in particular: no groups, so no case of anyone's is opened. */
	private static final Actor PUBLIC = new Actor("public-board", List.of());

	private final ProjectService projects;

	private final Organizations organizations;

	private final Communities communities;

	private final ConsultationService consultations;

	PublicBoardController(ProjectService projects, Organizations organizations, Communities communities,
			ConsultationService consultations) {
		this.projects = projects;
		this.organizations = organizations;
		this.communities = communities;
		this.consultations = consultations;
	}

	/**
	 * The board: a page of the open projects and a page of the finished ones (each with its needs and ratings read for
	 * the page in one query each), and the newest consultation results; a fixed number of queries whatever the size of
	 * the district.
	 */
	@GetMapping("/public")
	String board(@RequestParam(defaultValue = "0") int openPage, @RequestParam(defaultValue = "0") int donePage,
			Model model) {
		Map<String, String> communityNames = new TreeMap<>();
		communities.findAll().forEach(c -> communityNames.put(c.getCode(), c.getName()));
		Page<ProjectView> open = projects.inStatus(OPEN, page(openPage), PAGE, PUBLIC);
		Page<ProjectView> finished = projects.inStatus(FINISHED, page(donePage), PAGE, PUBLIC);
		Map<String, String> implementers = new HashMap<>();
		organizations.findAllById(Stream.concat(open.stream(), finished.stream()).map(ProjectView::claimant)
			.filter(Objects::nonNull).distinct().toList()).forEach(o -> implementers.put(o.getCode(), o.getName()));
		model.addAttribute("open", open.map(p -> shown(p, communityNames, implementers)));
		model.addAttribute("finished", finished.map(p -> shown(p, communityNames, implementers)));
		model.addAttribute("consultations", consultations(communityNames));
		return "board/public";
	}

	private static int page(int page) {
		return Math.min(Math.max(page, 0), PageView.MAX_PAGE);
	}

	private static BoardProject shown(ProjectView p, Map<String, String> communityNames,
			Map<String, String> implementers) {
		List<EvaluationView> ratings = Objects.requireNonNullElse(p.evaluations(), List.of());
		OptionalDouble residents = ratings.stream().filter(e -> "RESIDENT".equals(e.perspective()))
			.mapToInt(EvaluationView::score).average();
		OptionalDouble community = ratings.stream().filter(e -> "COMMUNITY".equals(e.perspective()))
			.mapToInt(EvaluationView::score).average();
		String implementer = p.claimant() == null ? null : implementers.get(p.claimant());
		return new BoardProject(p.id(), p.title(), communityNames.getOrDefault(p.communityCode(), p.communityCode()),
				p.category().name(), p.status(), implementer, p.goal(),
				p.rectificationReport() != null ? p.rectificationReport() : p.completionReport(),
				p.needs() == null ? 0 : p.needs().size(),
				(int) p.milestones().stream().filter(m -> m.reportedAt() != null).count(), p.milestones().size(),
				residents.isPresent() ? round(residents.getAsDouble()) : null,
				(int) ratings.stream().filter(e -> "RESIDENT".equals(e.perspective())).count(),
				community.isPresent() ? round(community.getAsDouble()) : null, p.completedAt(), p.verdict());
	}

	private List<BoardConsultation> consultations(Map<String, String> communityNames) {
		List<BoardConsultation> shown = new ArrayList<>();
		for (ConsultationStatus status : RESULTS) {
			for (ConsultationView c : consultations.list(null, status, null, 0, CONSULTATIONS_SHOWN, PUBLIC)
				.getContent()) {
				ConsultationView.VotesView votes = c.votes();
				shown.add(new BoardConsultation(c.id(), c.topic(),
						communityNames.getOrDefault(c.communityCode(), c.communityCode()), c.topicType(), c.level(),
						c.status(), c.result(), c.resultReason(), c.round(), votes == null ? null : votes.attendees(),
						votes == null ? null : votes.votesFor(), votes == null ? null : votes.votesAgainst(),
						votes == null ? null : votes.votesAbstain(), c.concludedAt(), c.publicityEndsAt(),
						c.applicationReport(), c.appliedAt()));
			}
		}
		shown.sort(Comparator.comparing(BoardConsultation::date, Comparator.nullsLast(Comparator.reverseOrder())));
		return shown.size() > CONSULTATIONS_SHOWN ? shown.subList(0, CONSULTATIONS_SHOWN) : shown;
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}
}
