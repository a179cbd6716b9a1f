package cn.needsloop.intake;

import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.needsloop.intake.NeedRequests.ReportNeed;
import cn.needsloop.system.CurrentActor;
import cn.needsloop.system.FormErrors;
import cn.needsloop.system.Pages;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The pages' way to similar needs: the report form's "先看看有没有一样的诉求" (the page's script asks the API as the
 * resident types; this is the same without a script) and 我也有此需求 on a suggestion. The steward's ranked
 * suggestions are on the need's page at verification ({@link NeedPageController}); marking one a duplicate posts the
 * verification form. {@link SimilarNeeds} does the work, as for the API.
 */
@Controller
class SimilarNeedPageController {

	private final SimilarNeeds similar;

	private final FormErrors errors;

	SimilarNeedPageController(SimilarNeeds similar, FormErrors errors) {
		this.similar = similar;
		this.errors = errors;
	}

	/** 我也有此需求 from a page: who has it too, and how many people of their household. */
	record MeTooForm(@NotBlank @Size(max = 50) String reporterName,
			@NotBlank @Pattern(regexp = "^[0-9+\\- ]{5,30}$", message = "{need.reporterPhone.pattern}") String reporterPhone,
			@Min(1) @Max(50) Integer people) {
	}

	/** The report form as written so far, back with the open needs like it; nothing is reported. */
	@PostMapping("/resident/report/similar")
	String findSimilar(ReportNeed form, RedirectAttributes flash) {
		flash.addFlashAttribute("form", form);
		flash.addFlashAttribute("similar", similar.whileReporting(
				new SimilarNeeds.Draft(form.communityCode(), form.gridCode(), form.title(), form.description())));
		return "redirect:/resident/report";
	}

	@PostMapping("/needs/{id}/me-too")
	String meToo(@PathVariable Long id, @Valid MeTooForm form, BindingResult result, RedirectAttributes flash) {
		if (result.hasErrors()) {
			errors.flash(result, FormErrors.FIELD, flash);
			return "redirect:/resident/report";
		}
		SimilarNeeds.Joined joined = similar.meToo(id, new SimilarNeeds.MeToo(form.reporterName(), form.reporterPhone(),
				form.people() == null ? 1 : form.people()), CurrentActor.get());
		flash.addFlashAttribute("joined", joined);
		Pages.flashDone(flash, "similar.joined");
		return "redirect:/resident";
	}
}
