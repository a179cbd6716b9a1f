package cn.needsloop.board;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.needsloop.community.Communities;
import cn.needsloop.design.ProjectService;
import cn.needsloop.design.ProjectStatus;
import cn.needsloop.design.ProjectView;
import cn.needsloop.design.ProjectView.EvaluationView;
import cn.needsloop.implementation.Organization;
import cn.needsloop.implementation.Organizations;
import cn.needsloop.system.Actor;

/**
 * 阳光社区, the public board: published and finished projects, what they delivered and how they
 * were rated. No personal data: only projects, organisations and average scores are shown, never a
 * resident's name, phone, need text or a rater's account.
 */
@Controller
class PublicBoardController {

	/** A project as the public sees it. */
	record BoardProject(Long id, String title, String community, String category, ProjectStatus status,
			String implementer, String goal, String result, int needsServed, int milestonesReported,
			int milestones, Double residentAverage, int residentRatings, Double communityScore) {
	}

	private static final Set<ProjectStatus> SHOWN = EnumSet.of(ProjectStatus.PUBLISHED, ProjectStatus.IN_PROGRESS,
			ProjectStatus.EVALUATION, ProjectStatus.RECTIFICATION, ProjectStatus.CLOSED, ProjectStatus.FAILED);

	/** The public reads as nobody in particular: no groups, so no case of anyone's is opened. */
	private static final Actor PUBLIC = new Actor("public-board", List.of());

	private final ProjectService projects;

	private final Organizations organizations;

	private final Communities communities;

	PublicBoardController(ProjectService projects, Organizations organizations, Communities communities) {
		this.projects = projects;
		this.organizations = organizations;
		this.communities = communities;
	}

	@GetMapping("/public")
	String board(Model model) {
		Map<String, String> communityNames = new TreeMap<>();
		communities.findAll().forEach(c -> communityNames.put(c.getCode(), c.getName()));
		List<BoardProject> shown = new ArrayList<>();
		for (ProjectView listed : projects.list(null, PUBLIC)) {
			if (!SHOWN.contains(listed.status())) {
				continue;
			}
			ProjectView p = projects.view(listed.id(), PUBLIC);
			List<EvaluationView> ratings = Objects.requireNonNullElse(p.evaluations(), List.of());
			OptionalDouble residents = ratings.stream().filter(e -> "RESIDENT".equals(e.perspective()))
				.mapToInt(EvaluationView::score).average();
			OptionalDouble community = ratings.stream().filter(e -> "COMMUNITY".equals(e.perspective()))
				.mapToInt(EvaluationView::score).average();
			String implementer = p.claimant() == null ? null
					: organizations.findById(p.claimant()).map(Organization::getName).orElse(null);
			shown.add(new BoardProject(p.id(), p.title(), communityNames.getOrDefault(p.communityCode(), p.communityCode()),
					p.category().name(), p.status(), implementer, p.goal(),
					p.rectificationReport() != null ? p.rectificationReport() : p.completionReport(),
					p.needs() == null ? 0 : p.needs().size(),
					(int) p.milestones().stream().filter(m -> m.reportedAt() != null).count(), p.milestones().size(),
					residents.isPresent() ? round(residents.getAsDouble()) : null,
					(int) ratings.stream().filter(e -> "RESIDENT".equals(e.perspective())).count(),
					community.isPresent() ? round(community.getAsDouble()) : null));
		}
		model.addAttribute("open", shown.stream().filter(p -> p.status() != ProjectStatus.CLOSED && p.status() != ProjectStatus.FAILED).toList());
		model.addAttribute("finished", shown.stream().filter(p -> p.status() == ProjectStatus.CLOSED || p.status() == ProjectStatus.FAILED).toList());
		return "board/public";
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}
}
