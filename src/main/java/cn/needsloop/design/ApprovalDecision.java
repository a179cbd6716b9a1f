package cn.needsloop.design;

/** The party organisation's decision on a project ({@code approvalDecision}: the model's gateway reads its name). */
public enum ApprovalDecision {
	APPROVED, RETURNED
}
