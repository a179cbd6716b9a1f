package cn.needsloop.consultation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.ProblemException;

/**
 * Participants as text, one a line: {@code 姓名，类别}, the kind by its Chinese name or its code
 * ({@code 王建国，居民代表} or {@code 王建国,RESIDENT_REPRESENTATIVE}). The form in Tasklist and the API
 * both hand the participants to the process this way.
 */
final class ParticipantList {

	private static final int MAX = 200;

	private ParticipantList() {
	}

	static List<ConsultationParticipant> parse(String text) {
		List<ConsultationParticipant> result = new ArrayList<>();
		for (String line : text == null ? new String[0] : text.split("\\R")) {
			if (line.isBlank()) {
				continue;
			}
			String[] parts = line.strip().split("\\s*[,，:：|\\t]\\s*", 2);
			ParticipantKind kind = parts.length < 2 ? null : ParticipantKind.parse(parts[1]).orElse(null);
			String name = parts[0].strip();
			if (kind == null || name.isEmpty() || name.length() > 100) {
				throw ProblemException.badField(Var.PARTICIPANTS, "problem.consultation.participantLine", line.strip());
			}
			result.add(new ConsultationParticipant(name, kind));
		}
		if (result.isEmpty()) {
			throw ProblemException.badField(Var.PARTICIPANTS, "problem.field.required");
		}
		if (result.size() > MAX) {
			throw ProblemException.badField(Var.PARTICIPANTS, "problem.consultation.tooManyParticipants", MAX);
		}
		return result;
	}

	static String format(List<ConsultationParticipant> participants) {
		return participants.stream().map(p -> p.getName() + "，" + p.getKind().label())
			.collect(Collectors.joining("\n"));
	}
}
