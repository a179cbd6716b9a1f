package cn.needsloop.evaluation;

/** What a project's conclusion means for one of its needs ({@code evaluation-verdict.dmn}, output {@code needOutcome}). */
enum NeedOutcome {
	RESOLVED, REOPEN
}
