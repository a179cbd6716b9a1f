package cn.needsloop.evidence;

/**
 * The step of a case a file is evidence of. {@code evidence-required.dmn} says, per step and category, whether the
 * step must carry files and how many; a file uploaded for a step waits for it and is taken when it is completed.
 */
public enum EvidenceStep {
	/** 上报: the resident's or worker's report of a need. */
	REPORT(CaseKind.NEED),
	/** 核实: the steward's verification on the spot. */
	VERIFICATION(CaseKind.NEED),
	/** 办理前: an individual need before it is settled. */
	RESOLUTION_BEFORE(CaseKind.NEED),
	/** 办理后: an individual need after it is settled. */
	RESOLUTION_AFTER(CaseKind.NEED),
	/** 就地办结: a small need a grid worker settled on the spot (spot-settlement.dmn), after it was settled. */
	SPOT_SETTLEMENT(CaseKind.NEED),
	/** 阶段进展: a project's milestone. */
	MILESTONE(CaseKind.PROJECT),
	/** 项目完成: a project's completion. */
	COMPLETION(CaseKind.PROJECT),
	/** 整改: a project's rectification. */
	RECTIFICATION(CaseKind.PROJECT),
	/** 入户走访: a grid worker's visit to a household on patrol. */
	VISIT(CaseKind.VISIT);

	private final CaseKind caseKind;

	EvidenceStep(CaseKind caseKind) {
		this.caseKind = caseKind;
	}

	/** The kind of case this step belongs to. */
	public CaseKind caseKind() {
		return caseKind;
	}
}
