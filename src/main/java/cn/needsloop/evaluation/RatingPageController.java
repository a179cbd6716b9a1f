package cn.needsloop.evaluation;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.needsloop.system.CurrentActor;
import cn.needsloop.system.Pages;
import cn.needsloop.shared.ProblemException;

/** 双向评估 on the project's page: a resident, the community or the implementer rates, 1 to 5. */
@Controller
class RatingPageController {

	private final EvaluationService evaluations;

	RatingPageController(EvaluationService evaluations) {
		this.evaluations = evaluations;
	}

	@PostMapping("/projects/{id}/evaluations")
	String rate(@PathVariable Long id, @RequestParam Perspective perspective, @RequestParam(required = false) Long needId,
			@RequestParam int score, @RequestParam(required = false) String comment, RedirectAttributes flash) {
		if (score < 1 || score > 5) {
			throw ProblemException.badField("score", "problem.field.score", score);
		}
		evaluations.rate(id, perspective, needId, score, comment, CurrentActor.get());
		Pages.flashDone(flash, "rating.done");
		return "redirect:/projects/" + id;
	}
}
