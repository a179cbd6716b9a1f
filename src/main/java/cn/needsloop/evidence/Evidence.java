package cn.needsloop.evidence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.process.DecisionTables;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.shared.Actor;
import cn.needsloop.shared.Category;
import cn.needsloop.shared.ProblemException;
import cn.needsloop.system.Disclosures;

/**
 * The photos and documents of the loop's cases: uploaded to a step of a need or a project, seen by those who may see
 * the case, taken by the step when it is completed ({@link #requireFor}, which {@code evidence-required.dmn} rules).
 * The API, the pages and the public board all come here, so the same rules hold from every way in.
 */
@Service
public class Evidence {

	/** The decision that says which steps must carry files and how many. */
	public static final String REQUIRED_DECISION = "evidenceRequired";

	private final EvidenceFiles files;

	private final EvidenceStore store;

	private final FileInspector inspector;

	private final DecisionTables decisions;

	private final Disclosures disclosures;

	private final Map<CaseKind, EvidenceCases> cases = new EnumMap<>(CaseKind.class);

	Evidence(EvidenceFiles files, EvidenceStore store, FileInspector inspector, DecisionTables decisions,
			Disclosures disclosures, List<EvidenceCases> cases) {
		this.files = files;
		this.store = store;
		this.inspector = inspector;
		this.decisions = decisions;
		this.disclosures = disclosures;
		cases.forEach(c -> this.cases.put(c.kind(), c));
	}

	/** The largest file taken, in bytes ({@code needsloop.evidence.max-size}). */
	public long maxBytes() {
		return inspector.maxBytes();
	}

	/**
	 * Checks a file by its content and keeps it (re-encoded, if a photo) for a step of a case. A refused file is a
	 * problem and changes nothing.
	 */
	@Transactional
	public EvidenceView upload(CaseKind kind, long caseId, EvidenceStep step, String fileName, byte[] bytes,
			Actor actor) {
		return uploadAll(kind, caseId, step, java.util.Collections.singletonList(fileName), List.of(bytes), actor)
			.get(0);
	}

	/**
	 * Several files for one step at once (the page's upload form): every file is checked before any is kept, so a
	 * bad one keeps none.
	 */
	@Transactional
	public List<EvidenceView> uploadAll(CaseKind kind, long caseId, EvidenceStep step, List<String> fileNames,
			List<byte[]> contents, Actor actor) {
		EvidenceCases owner = owner(kind);
		String community = owner.communityOf(caseId);
		if (!owner.mayAdd(actor, caseId)) {
			throw ProblemException.forbidden("problem.evidence.mayNotAdd", ProblemException.label(kind));
		}
		if (step == null || step.caseKind() != kind) {
			throw ProblemException.badField("step", "problem.evidence.step", step == null ? "-" : step.name());
		}
		if (!owner.mayAdd(actor, caseId, step)) {
			throw ProblemException.forbidden("problem.evidence.notYourStep", ProblemException.label(step));
		}
		List<FileInspector.Inspected> checked = contents.stream().map(inspector::inspect).toList();
		var disclosure = disclosures.ofCommunity(actor, community);
		List<EvidenceView> kept = new java.util.ArrayList<>();
		for (int i = 0; i < checked.size(); i++) {
			FileInspector.Inspected file = checked.get(i);
			String key = UUID.randomUUID().toString();
			store.put(key, file.content(), file.thumbnail());
			EvidenceFile saved = files.save(new EvidenceFile(kind, caseId, community, step, file.contentType(),
					file.content().length, file.width(), file.height(), cleanName(fileNames.get(i), file),
					sha256(file.content()), key, actor.userId(), TimeLimits.nowInstant()));
			kept.add(EvidenceView.of(saved, disclosure));
		}
		return kept;
	}

	@Transactional(readOnly = true)
	public List<EvidenceView> list(CaseKind kind, long caseId, Actor actor) {
		EvidenceCases owner = owner(kind);
		String community = owner.communityOf(caseId);
		if (!owner.maySee(actor, caseId)) {
			throw ProblemException.forbidden("problem.evidence.caseNotYours", ProblemException.label(kind), caseId);
		}
		var disclosure = disclosures.ofCommunity(actor, community);
		return files.findByCaseKindAndCaseIdOrderByIdAsc(kind, caseId).stream()
			.map(f -> EvidenceView.of(f, disclosure))
			.toList();
	}

	/**
	 * The files of the cases another case came from (the photos of the household visit a need was found on), each
	 * shown only to those who may see its own case; the others see none of them.
	 */
	@Transactional(readOnly = true)
	public List<EvidenceView> linkedFiles(CaseKind kind, long caseId, Actor actor) {
		List<EvidenceView> linked = new java.util.ArrayList<>();
		for (EvidenceCases other : cases.values()) {
			if (other.kind() == kind) {
				continue;
			}
			for (Long id : other.linkedTo(kind, caseId)) {
				if (other.maySee(actor, id)) {
					var disclosure = disclosures.ofCommunity(actor, other.communityOf(id));
					files.findByCaseKindAndCaseIdOrderByIdAsc(other.kind(), id).stream()
						.map(f -> EvidenceView.of(f, disclosure))
						.forEach(linked::add);
				}
			}
		}
		return linked;
	}

	/** The public photos of a case, for the public board: only those a steward marked public. */
	@Transactional(readOnly = true)
	public List<Long> publicPhotos(CaseKind kind, long caseId) {
		return files.findByCaseKindAndCaseIdOrderByIdAsc(kind, caseId).stream()
			.filter(f -> f.isPublicPhoto() && f.image())
			.map(EvidenceFile::getId)
			.toList();
	}

	/** A file to be read by a person: its bytes, or the thumbnail of a photo. */
	@Transactional(readOnly = true)
	public Download download(long fileId, boolean thumbnail, Actor actor) {
		EvidenceFile file = files.findById(fileId).orElseThrow(() -> ProblemException.notFound("evidence", fileId));
		if (actor == null ? !file.isPublicPhoto() : !owner(file.getCaseKind()).maySee(actor, file.getCaseId())) {
			if (actor == null) {
				throw ProblemException.notFound("evidence", fileId);
			}
			throw ProblemException.forbidden("problem.evidence.notYours", fileId);
		}
		if (thumbnail) {
			if (!file.image()) {
				throw ProblemException.notFound("evidence", fileId);
			}
			byte[] bytes = store.thumbnail(file.getStorageKey())
				.orElseThrow(() -> ProblemException.notFound("evidence", fileId));
			return new Download("image/jpeg", "thumbnail-" + fileId + ".jpg", bytes);
		}
		byte[] bytes = store.content(file.getStorageKey())
			.orElseThrow(() -> ProblemException.notFound("evidence", fileId));
		return new Download(file.getContentType(), file.getFileName(), bytes);
	}

	/** A file's bytes with the type and name to send them with. */
	public record Download(String contentType, String fileName, byte[] bytes) {
	}

	/** The community's steward (or a manager) shows a photo on the public board, or takes it off. */
	@Transactional
	public EvidenceView markPublic(long fileId, boolean publicPhoto, Actor actor) {
		EvidenceFile file = files.findById(fileId).orElseThrow(() -> ProblemException.notFound("evidence", fileId));
		if (!owner(file.getCaseKind()).maySee(actor, file.getCaseId())) {
			throw ProblemException.forbidden("problem.evidence.notYours", fileId);
		}
		if (!mayPublish(file.getCaseKind(), file.getCaseId(), actor)) {
			throw ProblemException.forbidden("problem.evidence.mayNotPublish");
		}
		if (publicPhoto && !file.image()) {
			throw ProblemException.badField("public", "problem.evidence.publicOnlyImages");
		}
		file.markPublic(publicPhoto);
		return EvidenceView.of(file, disclosures.ofCommunity(actor, file.getCommunityCode()));
	}

	/** May this person add files to the case? */
	@Transactional(readOnly = true)
	public boolean mayAdd(CaseKind kind, long caseId, Actor actor) {
		return owner(kind).mayAdd(actor, caseId);
	}

	/** May this person add files of this step to the case? */
	@Transactional(readOnly = true)
	public boolean mayAdd(CaseKind kind, long caseId, EvidenceStep step, Actor actor) {
		return owner(kind).mayAdd(actor, caseId, step);
	}

	/** May this person show the case's photos on the public board (its community's steward, a manager)? */
	@Transactional(readOnly = true)
	public boolean mayPublish(CaseKind kind, long caseId, Actor actor) {
		return actor.isManager() || actor.isStewardOf(owner(kind).communityOf(caseId));
	}

	/** The case a file belongs to. */
	@Transactional(readOnly = true)
	public CaseKind caseKindOf(long fileId) {
		return files.findById(fileId).orElseThrow(() -> ProblemException.notFound("evidence", fileId)).getCaseKind();
	}

	/** The id of the case a file belongs to. */
	@Transactional(readOnly = true)
	public long caseIdOf(long fileId) {
		return files.findById(fileId).orElseThrow(() -> ProblemException.notFound("evidence", fileId)).getCaseId();
	}

	/** What {@code evidence-required.dmn} asks of a step of a case of a category (unknown before classification). */
	public Requirement requirement(EvidenceStep step, Category category) {
		Map<String, Object> input = new HashMap<>();
		input.put("step", step.name());
		input.put("category", category == null ? null : category.name());
		Map<String, Object> result = decisions.evaluate(REQUIRED_DECISION, input).result();
		boolean required = Boolean.TRUE.equals(result.get("evidenceRequired"));
		Number minimum = (Number) result.get("minimumFiles");
		return new Requirement(required, required && minimum != null ? Math.max(1, minimum.intValue()) : 0);
	}

	/** Whether a step must carry files, and at least how many. */
	public record Requirement(boolean required, int minimum) {
	}

	/**
	 * The step's rule, called by the step when its task is completed (through the API, the pages or Tasklist): the
	 * files uploaded for it must be as many as {@code evidence-required.dmn} asks; then the task takes them, so that
	 * the next round of the same step needs its own. Too few is a problem and the task stays open.
	 */
	@Transactional
	public void requireFor(CaseKind kind, long caseId, EvidenceStep step, Category category, String taskId) {
		Requirement requirement = requirement(step, category);
		List<EvidenceFile> waiting = files.findByCaseKindAndCaseIdAndStepAndTaskIdIsNullOrderByIdAsc(kind, caseId,
				step);
		if (waiting.size() < requirement.minimum()) {
			throw new ProblemException(HttpStatus.CONFLICT, "problem.evidence.required", ProblemException.label(step),
					requirement.minimum(), waiting.size());
		}
		waiting.forEach(f -> f.takenBy(taskId));
	}

	private EvidenceCases owner(CaseKind kind) {
		EvidenceCases owner = cases.get(kind);
		if (owner == null) {
			throw new IllegalStateException("No EvidenceCases bean for " + kind);
		}
		return owner;
	}

	/** The name to download the file as: the uploader's name without a path, with the extension of what it is. */
	private static String cleanName(String fileName, FileInspector.Inspected checked) {
		String extension = switch (checked.contentType()) {
			case "image/jpeg" -> ".jpg";
			case "image/png" -> ".png";
			default -> ".pdf";
		};
		String name = fileName == null ? "" : fileName.replaceAll(".*[/\\\\]", "");
		int dot = name.lastIndexOf('.');
		String base = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[\\p{Cntrl}\"]", "").strip();
		if (base.isEmpty()) {
			base = "evidence";
		}
		if (base.length() > 100) {
			base = base.substring(0, 100);
		}
		return base + extension;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
