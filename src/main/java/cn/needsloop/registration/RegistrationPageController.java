package cn.needsloop.registration;

import cn.needsloop.shared.CommunityGroup;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

import cn.needsloop.community.Communities;
import cn.needsloop.community.Community;
import cn.needsloop.shared.Actor;
import cn.needsloop.system.CurrentActor;
import cn.needsloop.system.FormErrors;
import cn.needsloop.system.PersonalData.Revealed;
import cn.needsloop.system.Pages;
import cn.needsloop.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

/**
 * 双报到 on pages: anyone signed in registers themself as a party member with a community; the party
 * line, stewards and managers register units (and people) and see the community's roster with the
 * dual-registration KPIs as cards. {@link RegistrationService} does the work, as for the API.
 */
@Controller
class RegistrationPageController {

	private final RegistrationService registrations;

	private final Communities communities;

	private final FormErrors formErrors;

	RegistrationPageController(RegistrationService registrations, Communities communities, FormErrors formErrors) {
		this.registrations = registrations;
		this.communities = communities;
		this.formErrors = formErrors;
	}

	@InitBinder
	void setAllowedFields(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	/** The communities where the actor works on the party line or as steward (managers: all). */
	static List<String> staffCommunities(Actor me, Communities communities) {
		if (me.isManager()) {
			return communities.findAll().stream().map(Community::getCode).sorted().toList();
		}
		return me.groups().stream()
			.filter(g -> CommunityGroup.PARTY.is(g) || CommunityGroup.STEWARD.is(g))
			.map(g -> g.substring(g.indexOf(':') + 1))
			.distinct()
			.sorted()
			.toList();
	}

	@GetMapping("/registrations")
	String list(@RequestParam(required = false) String communityCode, @RequestParam(required = false) String skill,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		Actor me = CurrentActor.get();
		List<String> staffOf = staffCommunities(me, communities);
		String community = communityCode != null && !communityCode.isBlank() ? communityCode
				: staffOf.stream().findFirst().orElse(null);
		boolean staff = community != null && RegistrationService.isStaffOf(me, community);
		model.addAttribute("communityCode", community);
		model.addAttribute("staffCommunities", staffOf);
		model.addAttribute("staff", staff);
		model.addAttribute("mine", registrations.list(null, null, me));
		if (staff) {
			List<RegistrationView> roster = registrations.list(community, skill, me);
			model.addAttribute("roster", roster);
			model.addAttribute("skill", skill);
			model.addAttribute("kpis", registrations.kpis(community, from, to, me));
		}
		if (!model.containsAttribute("registrationForm")) {
			RegistrationForm form = new RegistrationForm();
			form.setCommunityCode(community);
			model.addAttribute("registrationForm", form);
		}
		model.addAttribute("communities", communities.findAll().stream()
			.sorted(Comparator.comparing(Community::getCode))
			.toList());
		model.addAttribute("kinds", staffOf.isEmpty() ? List.of(PartyRegistration.Kind.MEMBER)
				: List.of(PartyRegistration.Kind.values()));
		model.addAttribute("styles", PartyRegistration.Style.values());
		return "registrations/list";
	}

	@PostMapping("/registrations")
	String register(@Valid @ModelAttribute("registrationForm") RegistrationForm form, BindingResult result,
			RedirectAttributes flash, HttpServletRequest request) {
		String back = UriComponentsBuilder.fromPath("/registrations")
			.queryParamIfPresent("communityCode", java.util.Optional.ofNullable(form.getCommunityCode()))
			.build()
			.encode()
			.toUriString();
		// the form, then the registration it makes, checked as the API checks it (each skill, how many)
		Optional<String> invalid = formErrors.check(result, form::toRequest, "registration.field.");
		if (invalid.isPresent()) {
			flash.addFlashAttribute("error", invalid.get());
			flash.addFlashAttribute("registrationForm", form);
			return "redirect:" + back;
		}
		try {
			registrations.register(form.toRequest(), CurrentActor.get());
		}
		catch (ProblemException ex) {
			RequestContextUtils.getOutputFlashMap(request).put("registrationForm", form);
			throw ex;
		}
		Pages.flashDone(flash, "registration.done");
		return "redirect:" + back;
	}

	/** The steward of the community sees a registrant's phone number in full, on the roster; recorded. */
	@PostMapping("/registrations/{id}/phone/reveal")
	String revealPhone(@PathVariable Long id, RedirectAttributes flash) {
		Revealed revealed = registrations.revealPhone(id, CurrentActor.get());
		flash.addFlashAttribute("revealed", revealed);
		return "redirect:" + UriComponentsBuilder.fromPath("/registrations")
			.queryParam("communityCode", registrations.view(id, CurrentActor.get()).communityCode())
			.build()
			.encode()
			.toUriString();
	}

	/** The skills offered in a community's roster, for suggestions on the dispatch form. */
	static List<String> skillsOf(List<RegistrationView> roster) {
		return roster.stream()
			.filter(r -> r.status() == PartyRegistration.Status.ACTIVE)
			.flatMap(r -> r.skills() == null ? Stream.empty() : r.skills().stream())
			.collect(java.util.stream.Collectors.toCollection(TreeSet::new))
			.stream()
			.toList();
	}
}
