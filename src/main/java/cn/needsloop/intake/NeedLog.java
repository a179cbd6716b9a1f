package cn.needsloop.intake;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.needsloop.process.Subject;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.routing.Line;

/**
 * Writes each need's history. A project's steps are written into the history of every need the
 * project serves, so a resident following a need sees the whole way it went.
 */
@Component
public class NeedLog {

	private final Needs needs;

	private final NeedHistory history;

	NeedLog(Needs needs, NeedHistory history) {
		this.needs = needs;
		this.history = history;
	}

	public void record(Need need, Phase phase, String activity, Line line, String actor) {
		history.save(new NeedHistoryEntry(need.getId(), need.getRound(), phase, activity, line, actor,
				TimeLimits.nowInstant()));
	}

	public void record(Subject subject, Phase phase, String activity, Line line, String actor) {
		needsOf(subject).forEach(need -> record(need, phase, activity, line, actor));
	}

	/** A task was routed: the needs it is about are in its phase now, on its line. */
	public void stepEntered(Subject subject, Phase phase, String activity, Line line, Instant dueAt) {
		for (Need need : needsOf(subject)) {
			if (need.isOpen()) {
				need.enteredStep(phase, line, dueAt);
			}
			record(need, phase, activity, line, null);
		}
	}

	public List<Need> needsOf(Subject subject) {
		if (subject.isNeed()) {
			return needs.findById(subject.needId()).stream().toList();
		}
		return subject.projectId() == null ? List.of() : needs.findByProjectId(subject.projectId());
	}
}
