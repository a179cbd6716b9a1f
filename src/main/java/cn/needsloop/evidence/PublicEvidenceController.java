package cn.needsloop.evidence;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The photos of the public board, for anyone: only a photo a steward marked public; any other file is not found,
 * whether it exists or not.
 */
@RestController
class PublicEvidenceController {

	private final Evidence evidence;

	PublicEvidenceController(Evidence evidence) {
		this.evidence = evidence;
	}

	@GetMapping("/public/evidence/{fileId}")
	ResponseEntity<byte[]> photo(@PathVariable long fileId) {
		return EvidenceController.send(evidence.download(fileId, false, null));
	}

	@GetMapping("/public/evidence/{fileId}/thumbnail")
	ResponseEntity<byte[]> thumbnail(@PathVariable long fileId) {
		return EvidenceController.send(evidence.download(fileId, true, null));
	}
}
