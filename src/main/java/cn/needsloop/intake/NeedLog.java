package cn.needsloop.intake;

import cn.needsloop.shared.Phase;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.needsloop.process.Subject;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.shared.Line;

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
		String which = which(subject, activity);
		needsOf(subject).forEach(need -> record(need, phase, which, line, actor));
	}

	/** A task was routed: the needs it is about are in its phase now, on its line. */
	public void stepEntered(Subject subject, Phase phase, String activity, Line line, Instant dueAt) {
		String which = which(subject, activity);
		for (Need need : needsOf(subject)) {
			if (need.isOpen()) {
				need.enteredStep(phase, line, dueAt);
			}
			record(need, phase, which, line, null);
		}
	}

	/** A project's step, written into each of its needs' histories, says which project it is a step of. */
	private static String which(Subject subject, String activity) {
		return subject.isNeed() || subject.projectId() == null ? activity
				: "项目 #" + subject.projectId() + " · " + activity;
	}

	public List<Need> needsOf(Subject subject) {
		if (subject.isNeed()) {
			return needs.findById(subject.needId()).stream().toList();
		}
		return subject.projectId() == null ? List.of() : needs.findByProjectId(subject.projectId());
	}
}
