package cn.needsloop.evaluation;

/** Who rates whom in the two-way evaluation (双向评估). */
public enum Perspective {
	/** A resident served rates the result. */
	RESIDENT,
	/** The community rates the implementer. */
	COMMUNITY,
	/** The implementer rates the community's support. */
	IMPLEMENTER
}
