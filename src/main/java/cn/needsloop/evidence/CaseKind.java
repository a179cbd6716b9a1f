package cn.needsloop.evidence;

/** The kinds of case a file can belong to. */
public enum CaseKind {
	/** 民需: a need, from its report to its outcome. */
	NEED,
	/** 服务项目: a service project, from its design to its evaluation. */
	PROJECT,
	/** 走访: a grid worker's visit to a household (module {@code field}). */
	VISIT
}
