package cn.needsloop.routing;

import cn.needsloop.shared.Actor;
import cn.needsloop.shared.Line;
import cn.needsloop.shared.Phase;
import cn.needsloop.shared.Wording;

/**
 * The cases of one kind whose steps may be extended: needs here, service projects and consultations in their own
 * modules (a later module answers this interface, so routing never depends on them). One bean per
 * {@link StepChange.CaseKind}.
 */
public interface ExtensionCases {

	StepChange.CaseKind kind();

	/** The case for a person who asks or decides: 404 when there is none, 403 when the person may not see it. */
	ExtensionCase require(Long id, Actor actor);

	/** The case, for a step of the process (no person to check). */
	ExtensionCase find(Long id);

	/** Writes what happened into the case's history (a project's: each of its needs'; a consultation's: its own). */
	void record(ExtensionCase of, Phase phase, Wording activity, Line line, String actor);
}
