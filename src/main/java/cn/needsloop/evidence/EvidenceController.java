package cn.needsloop.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.needsloop.system.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

@RestController
@Tag(name = "evidence", description = "现场照片与凭证：上传、查看、下载 (photos and documents of a need or a project)")
class EvidenceController {

	private final Evidence evidence;

	EvidenceController(Evidence evidence) {
		this.evidence = evidence;
	}

	@PostMapping(path = "/api/needs/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "为民需上传照片或 PDF Upload a photo or PDF to a need (step: REPORT, VERIFICATION, RESOLUTION_BEFORE, RESOLUTION_AFTER, SPOT_SETTLEMENT)")
	ResponseEntity<EvidenceView> uploadToNeed(@PathVariable long id, @RequestParam EvidenceStep step,
			@RequestPart("file") MultipartFile file) throws IOException {
		return created(evidence.upload(CaseKind.NEED, id, step, file.getOriginalFilename(), file.getBytes(),
				CurrentActor.get()));
	}

	@PostMapping(path = "/api/projects/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "为服务项目上传照片或 PDF Upload a photo or PDF to a project (step: MILESTONE, COMPLETION, RECTIFICATION)")
	ResponseEntity<EvidenceView> uploadToProject(@PathVariable long id, @RequestParam EvidenceStep step,
			@RequestPart("file") MultipartFile file) throws IOException {
		return created(evidence.upload(CaseKind.PROJECT, id, step, file.getOriginalFilename(), file.getBytes(),
				CurrentActor.get()));
	}

	@PostMapping(path = "/api/visits/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "为入户走访上传照片 Upload a photo to a household visit (seen by the grid's workers, the community's stewards and managers)")
	ResponseEntity<EvidenceView> uploadToVisit(@PathVariable long id, @RequestPart("file") MultipartFile file)
			throws IOException {
		return created(evidence.upload(CaseKind.VISIT, id, EvidenceStep.VISIT, file.getOriginalFilename(), file.getBytes(),
				CurrentActor.get()));
	}

	@GetMapping("/api/visits/{id}/evidence")
	@Operation(summary = "入户走访的照片 The photos of a household visit")
	List<EvidenceView> ofVisit(@PathVariable long id) {
		return evidence.list(CaseKind.VISIT, id, CurrentActor.get());
	}

	@GetMapping("/api/needs/{id}/evidence")
	@Operation(summary = "民需的照片与文件 The files of a need")
	List<EvidenceView> ofNeed(@PathVariable long id) {
		return evidence.list(CaseKind.NEED, id, CurrentActor.get());
	}

	@GetMapping("/api/projects/{id}/evidence")
	@Operation(summary = "服务项目的照片与文件 The files of a project")
	List<EvidenceView> ofProject(@PathVariable long id) {
		return evidence.list(CaseKind.PROJECT, id, CurrentActor.get());
	}

	@GetMapping("/api/evidence/{fileId}")
	@Operation(summary = "打开或下载文件 A file (photos re-encoded, without their metadata)")
	ResponseEntity<byte[]> download(@PathVariable long fileId) {
		return send(evidence.download(fileId, false, CurrentActor.get()));
	}

	@GetMapping("/api/evidence/{fileId}/thumbnail")
	@Operation(summary = "照片缩略图 The thumbnail of a photo")
	ResponseEntity<byte[]> thumbnail(@PathVariable long fileId) {
		return send(evidence.download(fileId, true, CurrentActor.get()));
	}

	@PutMapping("/api/evidence/{fileId}/public")
	@Operation(summary = "在公示栏公开或撤下照片（本社区民需管家）Show a photo on the public board or take it off (the community's steward)")
	EvidenceView markPublic(@PathVariable long fileId, @Valid @RequestBody PublicPhoto request) {
		return evidence.markPublic(fileId, request.publicPhoto(), CurrentActor.get());
	}

	record PublicPhoto(@NotNull Boolean publicPhoto) {
	}

	private static ResponseEntity<EvidenceView> created(EvidenceView view) {
		return ResponseEntity.created(java.net.URI.create(view.url())).body(view);
	}

	/**
	 * A file as it is sent: photos inline (pages show them), documents as attachments; never guessed at by the
	 * browser, kept only in the reader's own cache.
	 */
	static ResponseEntity<byte[]> send(Evidence.Download file) {
		boolean image = file.contentType().startsWith("image/");
		ContentDisposition disposition = (image ? ContentDisposition.inline() : ContentDisposition.attachment())
			.filename(file.fileName(), StandardCharsets.UTF_8)
			.build();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; img-src 'self'; sandbox")
			.cacheControl(CacheControl.noCache().cachePrivate())
			.body(file.bytes());
	}
}
