package cn.needsloop.evidence;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.needsloop.process.Workflow.Step;
import cn.needsloop.system.CurrentActor;

/**
 * What the pages of a need and a project show of their files ({@code fragments/evidence.html}, as
 * {@code @evidencePages}): the files the reader may see, whether they may add and publish, the steps to choose.
 */
@Component("evidencePages")
public class EvidencePages {

	private final Evidence evidence;

	EvidencePages(Evidence evidence) {
		this.evidence = evidence;
	}

	public List<EvidenceView> files(String kind, long caseId) {
		return evidence.list(CaseKind.valueOf(kind), caseId, CurrentActor.get());
	}

	/** The files of the cases this one came from that the reader may see (the visit a need was found on). */
	public List<EvidenceView> linkedFiles(String kind, long caseId) {
		return evidence.linkedFiles(CaseKind.valueOf(kind), caseId, CurrentActor.get());
	}

	/** The public photos of a case, for the public board. */
	public List<Long> publicPhotos(String kind, long caseId) {
		return evidence.publicPhotos(CaseKind.valueOf(kind), caseId);
	}

	public boolean mayAdd(String kind, long caseId) {
		return evidence.mayAdd(CaseKind.valueOf(kind), caseId, CurrentActor.get());
	}

	public boolean mayPublish(String kind, long caseId) {
		return evidence.mayPublish(CaseKind.valueOf(kind), caseId, CurrentActor.get());
	}

	public List<EvidenceStep> steps(String kind) {
		CaseKind caseKind = CaseKind.valueOf(kind);
		return Arrays.stream(EvidenceStep.values()).filter(s -> s.caseKind() == caseKind).toList();
	}

	/** The steps of a case the reader may add files to: all of its steps, or the ones of the step they hold. */
	public List<EvidenceStep> steps(String kind, long caseId) {
		CaseKind caseKind = CaseKind.valueOf(kind);
		return steps(kind).stream().filter(s -> evidence.mayAdd(caseKind, caseId, s, CurrentActor.get())).toList();
	}

	/** The step a new file most likely belongs to: the open step of the reader, else the case's first. */
	public EvidenceStep suggestedStep(String kind, Collection<String> openTaskKeys) {
		if (openTaskKeys != null) {
			if (openTaskKeys.contains(Step.SETTLE_ON_SPOT)) {
				return EvidenceStep.SPOT_SETTLEMENT;
			}
			if (openTaskKeys.contains(Step.RESOLVE_NEED)) {
				return EvidenceStep.RESOLUTION_AFTER;
			}
			if (openTaskKeys.contains(Step.VERIFY_NEED)) {
				return EvidenceStep.VERIFICATION;
			}
			if (openTaskKeys.contains(Step.RECTIFY_PROJECT)) {
				return EvidenceStep.RECTIFICATION;
			}
			if (openTaskKeys.contains(Step.COMPLETE_PROJECT)) {
				return EvidenceStep.COMPLETION;
			}
		}
		return steps(kind).get(0);
	}

	/** The largest file, as people read it ("10 MB"). */
	public String maxSize() {
		return FileInspector.megabytes(evidence.maxBytes());
	}
}
