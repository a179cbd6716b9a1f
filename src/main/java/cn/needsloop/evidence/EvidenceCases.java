package cn.needsloop.evidence;

import cn.needsloop.shared.Actor;

/**
 * Who may see and add the files of one kind of case, answered by the module that owns the case ({@code intake} for
 * needs, {@code design} for projects): a file is seen by exactly those who may see its case, through the API, the
 * pages and the public board alike.
 */
public interface EvidenceCases {

	CaseKind kind();

	/** The community of the case; a case that does not exist is a {@code 404} problem. */
	String communityOf(long caseId);

	/** May this person see the case, and so its files? */
	boolean maySee(Actor actor, long caseId);

	/** May this person add files to the case (those who work it)? */
	boolean mayAdd(Actor actor, long caseId);

	/**
	 * May this person add files of this step to the case? Those who serve the case add to any step; those who only
	 * hold one step of it (a line that settles a need) to that step. By default, as {@link #mayAdd(Actor, long)}.
	 */
	default boolean mayAdd(Actor actor, long caseId, EvidenceStep step) {
		return mayAdd(actor, caseId);
	}

	/**
	 * The cases of this kind that a case of another kind came from (the household visit a need was found on): their
	 * files are shown with that case, to those who may see them by this kind's rules. By default none.
	 */
	default java.util.List<Long> linkedTo(CaseKind kind, long caseId) {
		return java.util.List.of();
	}
}
