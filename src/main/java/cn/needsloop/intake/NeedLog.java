package cn.needsloop.intake;

import java.util.Locale;

import org.springframework.context.MessageSource;

import cn.needsloop.shared.Wording;

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

	private final MessageSource messages;

	NeedLog(Needs needs, NeedHistory history, MessageSource messages) {
		this.needs = needs;
		this.history = history;
		this.messages = messages;
	}

	/**
	 * Writes what happened as a wording (message key and arguments, {@code history.*} in the messages), so each
	 * reader reads it in their language; the entry keeps its Chinese text too.
	 */
	public void record(Need need, Phase phase, Wording activity, Line line, String actor) {
		record(need, phase, activity, line, actor, TimeLimits.nowInstant());
	}

	public void record(Need need, Phase phase, Wording activity, Line line, String actor, Instant at) {
		history.save(new NeedHistoryEntry(need.getId(), need.getRound(), phase, activity,
				activity.render(messages, Locale.SIMPLIFIED_CHINESE), line, actor, at));
	}

	public void record(Subject subject, Phase phase, Wording activity, Line line, String actor) {
		Wording which = which(subject, activity);
		needsOf(subject).forEach(need -> record(need, phase, which, line, actor));
	}

	/** A task was routed: the needs it is about are in its phase now, on its line. */
	public void stepEntered(Subject subject, Phase phase, Wording activity, Line line, Instant dueAt) {
		Wording which = which(subject, activity);
		for (Need need : needsOf(subject)) {
			if (need.isOpen()) {
				need.enteredStep(phase, line, dueAt);
			}
			record(need, phase, which, line, null);
		}
	}

	/** A project's step, written into each of its needs' histories, says which project it is a step of. */
	private static Wording which(Subject subject, Wording activity) {
		return subject.isNeed() || subject.projectId() == null ? activity
				: Wording.of("history.ofProject", subject.projectId(), activity);
	}

	public List<Need> needsOf(Subject subject) {
		if (subject.isNeed()) {
			return needs.findById(subject.needId()).stream().toList();
		}
		return subject.projectId() == null ? List.of() : needs.findByProjectId(subject.projectId());
	}
}
