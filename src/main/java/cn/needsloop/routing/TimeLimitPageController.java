package cn.needsloop.routing;

import java.io.IOException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.needsloop.shared.Actor;
import cn.needsloop.shared.ProblemException;
import cn.needsloop.system.CurrentActor;
import cn.needsloop.system.Pages;

/** The manager's page of the time-limits table: the rows in force, the versions, and the upload of a revision. */
@Controller
class TimeLimitPageController {

	private final TimeLimitTable table;

	TimeLimitPageController(TimeLimitTable table) {
		this.table = table;
	}

	@GetMapping("/manager/time-limits")
	String show(Model model) {
		Actor me = CurrentActor.get();
		model.addAttribute("table", table.current());
		model.addAttribute("mayRevise", me.isManager());
		return "manager/time-limits";
	}

	@PostMapping("/manager/time-limits")
	String revise(@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes flash)
			throws IOException {
		Actor me = CurrentActor.get();
		if (!me.isManager()) {
			throw ProblemException.forbidden("problem.timeLimits.managerOnly");
		}
		return Pages.uploadNewVersion(file, flash, "/manager/time-limits", "timeLimits", xml -> table.revise(xml, me));
	}
}
