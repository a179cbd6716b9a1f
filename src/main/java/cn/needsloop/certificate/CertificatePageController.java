package cn.needsloop.certificate;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import cn.needsloop.process.OpenTask;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

import cn.needsloop.certificate.CertificateRequests.Decision;
import cn.needsloop.certificate.CertificateRequests.RequestCertificate;
import cn.needsloop.community.Communities;
import cn.needsloop.community.Community;
import cn.needsloop.intake.HomeCommunity;
import cn.needsloop.process.ProcessGateway;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.shared.Actor;
import cn.needsloop.system.CurrentActor;
import cn.needsloop.system.FormErrors;
import cn.needsloop.system.Pages;
import cn.needsloop.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

/**
 * 证明 on pages: a resident requests a certificate from the catalog and follows their requests; a kind the
 * catalog does not list is answered at once on the request's page with the rule and where to go. The steward of
 * the community sees its requests and issues or declines each on its page. {@link CertificateService} does the
 * work and checks who may see and decide what, as for the API.
 */
@Controller
class CertificatePageController {

	private static final int MAX = 200;

	private final CertificateService certificates;

	private final CertificateCatalog catalog;

	private final ProcessGateway process;

	private final Communities communities;

	private final HomeCommunity homeCommunity;

	private final FormErrors errors;

	CertificatePageController(CertificateService certificates, CertificateCatalog catalog, ProcessGateway process,
			Communities communities, HomeCommunity homeCommunity, FormErrors errors) {
		this.certificates = certificates;
		this.catalog = catalog;
		this.process = process;
		this.communities = communities;
		this.homeCommunity = homeCommunity;
		this.errors = errors;
	}

	@InitBinder
	void setAllowedFields(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	/** My requests; for a steward also their communities' requests (a manager: all), optionally of one status. */
	@GetMapping("/certificates")
	String list(@RequestParam(required = false) String status, Model model) {
		Actor me = CurrentActor.get();
		CertificateStatus wanted = Arrays.stream(CertificateStatus.values())
			.filter(s -> s.name().equals(status))
			.findFirst()
			.orElse(null);
		boolean oversees = me.isSteward() || me.isManager();
		model.addAttribute("mine", certificates.requestedBy(me, MAX));
		model.addAttribute("oversees", oversees);
		model.addAttribute("overseen", oversees ? certificates.toOversee(wanted, me, MAX) : List.of());
		model.addAttribute("status", wanted);
		model.addAttribute("statuses", CertificateStatus.values());
		return "certificates/list";
	}

	@GetMapping("/certificates/new")
	String initRequestForm(Model model) {
		model.addAttribute("communities",
				communities.findAll().stream().sorted(Comparator.comparing(Community::getCode)).toList());
		model.addAttribute("home", homeCommunity.of(CurrentActor.get()).orElse(null));
		model.addAttribute("listed", catalog.listed());
		model.addAttribute("unlisted", catalog.unlisted());
		model.addAttribute("other", CertificateCatalog.OTHER);
		return "certificates/new";
	}

	@PostMapping("/certificates")
	String processRequestForm(@Valid RequestCertificate form, BindingResult result, HttpServletRequest request,
			RedirectAttributes flash) {
		if (result.hasErrors()) {
			flash.addFlashAttribute("error", errors.text(result, "certificate.field."));
			flash.addFlashAttribute("values", FormErrors.values(request));
			return "redirect:/certificates/new";
		}
		Certificate certificate;
		try {
			certificate = certificates.request(form, CurrentActor.get());
		}
		catch (RuntimeException ex) {
			keepValues(request, ex);
			throw ex;
		}
		Pages.flashDone(flash, certificate.isListed() ? "certificate.requested" : "certificate.answered");
		return "redirect:/certificates/" + certificate.getId();
	}

	@GetMapping("/certificates/{id}")
	String show(@PathVariable Long id, Model model) {
		Actor me = CurrentActor.get();
		CertificateView certificate = certificates.view(id, me);
		boolean mayDecide = process.workableTasks(certificate.processInstanceId(), me).stream()
			.map(OpenTask::getTaskDefinitionKey)
			.anyMatch(Step.ISSUE_CERTIFICATE::equals) && me.isStewardOf(certificate.communityCode());
		model.addAttribute("certificate", certificate);
		model.addAttribute("mayDecide", mayDecide);
		model.addAttribute("mayReveal", me.isStewardOf(certificate.communityCode()));
		return "certificates/show";
	}

	/** The steward of the community sees the applicant's phone number in full, once, on the page; recorded. */
	@PostMapping("/certificates/{id}/applicant-phone/reveal")
	String revealApplicantPhone(@PathVariable Long id, RedirectAttributes flash) {
		flash.addFlashAttribute("revealedPhone", certificates.revealApplicantPhone(id, CurrentActor.get()).value());
		return "redirect:/certificates/" + id;
	}

	/** The steward issues the certificate or declines it with a reason the applicant reads. */
	@PostMapping("/certificates/{id}/decision")
	String decide(@PathVariable Long id, @Valid Decision form, BindingResult result, HttpServletRequest request,
			RedirectAttributes flash) {
		if (result.hasErrors()) {
			flash.addFlashAttribute("error", errors.text(result, "certificate.field."));
			flash.addFlashAttribute("values", FormErrors.values(request));
			return "redirect:/certificates/" + id;
		}
		try {
			certificates.decide(id, form, CurrentActor.get());
		}
		catch (RuntimeException ex) {
			keepValues(request, ex);
			throw ex;
		}
		Pages.flashDone(flash, Boolean.TRUE.equals(form.issued()) ? "certificate.issued" : "certificate.declined");
		return "redirect:/certificates/" + id;
	}

	/** A refusal (also one the engine wrapped) goes back to the form with what was typed. */
	private static void keepValues(HttpServletRequest request, RuntimeException ex) {
		if (ProblemException.find(ex) != null) {
			RequestContextUtils.getOutputFlashMap(request).put("values", FormErrors.values(request));
		}
	}
}
