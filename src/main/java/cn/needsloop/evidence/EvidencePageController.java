package cn.needsloop.evidence;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.needsloop.shared.ProblemException;
import cn.needsloop.system.CurrentActor;
import cn.needsloop.system.Pages;

/**
 * The upload form on a need's and a project's page (phones first: the file field offers the camera). Several files
 * at once: each is checked before any is kept, so a bad one keeps none and says why.
 */
@Controller
class EvidencePageController {

	private final Evidence evidence;

	EvidencePageController(Evidence evidence) {
		this.evidence = evidence;
	}

	@PostMapping("/needs/{id}/evidence")
	String uploadToNeed(@PathVariable long id, @RequestParam EvidenceStep step,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes flash)
			throws IOException {
		upload(CaseKind.NEED, id, step, files, flash);
		return "redirect:/needs/" + id + "#evidence";
	}

	@PostMapping("/projects/{id}/evidence")
	String uploadToProject(@PathVariable long id, @RequestParam EvidenceStep step,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes flash)
			throws IOException {
		upload(CaseKind.PROJECT, id, step, files, flash);
		return "redirect:/projects/" + id + "#evidence";
	}

	@PostMapping("/evidence/{fileId}/public")
	String markPublic(@PathVariable long fileId, @RequestParam boolean publicPhoto, RedirectAttributes flash) {
		EvidenceView file = evidence.markPublic(fileId, publicPhoto, CurrentActor.get());
		Pages.flashDone(flash, "step.done");
		return "redirect:/" + (file.caseKind() == CaseKind.NEED ? "needs/" : "projects/") + file.caseId() + "#evidence";
	}

	private void upload(CaseKind kind, long id, EvidenceStep step, List<MultipartFile> files, RedirectAttributes flash)
			throws IOException {
		List<MultipartFile> chosen = files == null ? List.of()
				: files.stream().filter(f -> f != null && !f.isEmpty()).toList();
		if (chosen.isEmpty()) {
			throw ProblemException.badField("files", "problem.evidence.noFile");
		}
		List<byte[]> contents = new ArrayList<>();
		for (MultipartFile file : chosen) {
			contents.add(file.getBytes());
		}
		evidence.uploadAll(kind, id, step, chosen.stream().map(MultipartFile::getOriginalFilename).toList(), contents,
				CurrentActor.get());
		Pages.flashDone(flash, "evidence.uploaded");
	}
}
