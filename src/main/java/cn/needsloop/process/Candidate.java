package cn.needsloop.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * Who may take a task besides its assignee: a candidate group or a candidate user, read from a task in a
 * listener so that the engine's identity links stay behind the process module.
 */
public record Candidate(String group, String user) {

	/** The candidate groups and users of a task, in the engine's order. */
	public static List<Candidate> of(DelegateTask task) {
		List<Candidate> candidates = new ArrayList<>();
		for (IdentityLink link : task.getCandidates()) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
				candidates.add(new Candidate(link.getGroupId(), link.getUserId()));
			}
		}
		return candidates;
	}
}
