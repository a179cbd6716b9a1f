package cn.needsloop.system;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The reveal log as a page for managers: who saw which phone number in full, and when. */
@Controller
class RevealLogPageController {

	private static final int PAGE = 50;

	private final PersonalData personalData;

	RevealLogPageController(PersonalData personalData) {
		this.personalData = personalData;
	}

	@GetMapping("/manager/reveals")
	String reveals(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("page", personalData.log(CurrentActor.get(), Math.min(Math.max(page, 0), 100000), PAGE));
		return "manager/reveals";
	}
}
