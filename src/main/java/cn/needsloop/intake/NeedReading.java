package cn.needsloop.intake;

import cn.needsloop.shared.Category;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.Wording;
import cn.needsloop.understanding.NeedUnderstanding;
import cn.needsloop.understanding.Understanding;

/**
 * Has the text model read a need when it is reported: the proposed category, its confidence and decisive words,
 * and whether the text is urgent; and gives the process what the steward's forms show of it.
 */
@Component
public class NeedReading {

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final NeedUnderstanding understanding;

	private final MessageSource messages;

	NeedReading(NeedUnderstanding understanding, MessageSource messages) {
		this.understanding = understanding;
		this.messages = messages;
	}

	/** Reads the need's title and description and records the reading on the need. */
	public void read(Need need) {
		Understanding u = understanding.read(need.getTitle(), need.getDescription());
		need.read(Category.valueOf(u.category()), u.confidence(), u.decisiveWords(), u.urgent(), u.urgencyWords(),
				u.modelVersion());
	}

	/**
	 * Process variables: {@code urgent} (due dates, notifications), {@code proposedCategory} (the time limits before
	 * the steward classifies) and {@code textReading} (the forms).
	 */
	public Map<String, Object> variables(Need need) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(Var.URGENT, need.isUrgent());
		variables.put(Var.PROPOSED_CATEGORY, need.getProposedCategory() == null ? null : need.getProposedCategory().name());
		variables.put(Var.TEXT_READING, summary(need));
		return variables;
	}

	/**
	 * For a steward's Tasklist form, which shows it as it is (in the deployment's language, zh-CN):
	 * 建议类别：邻里纠纷（把握 93%）；依据：楼上、半夜蹦跶；紧急：否.
	 */
	public String summary(Need need) {
		if (need.getProposedCategory() == null) {
			return null;
		}
		String and = text(Wording.of("list.separator"));
		StringBuilder s = new StringBuilder(
				text(Wording.of("reading.summary.proposal", Wording.of("enum.Category." + need.getProposedCategory().name()))));
		if (need.getProposalConfidence() != null) {
			s.append(text(Wording.of("reading.summary.confidence", Math.round(need.getProposalConfidence() * 100))));
		}
		if (!need.getDecisiveWords().isEmpty()) {
			s.append(text(Wording.of("reading.summary.words", String.join(and, need.getDecisiveWords()))));
		}
		if (!need.isTextUrgent()) {
			s.append(text(Wording.of("reading.summary.notUrgent")));
		}
		else if (need.getUrgencyWords().isEmpty()) {
			s.append(text(Wording.of("reading.summary.urgent")));
		}
		else {
			s.append(text(Wording.of("reading.summary.urgentWords", String.join(and, need.getUrgencyWords()))));
		}
		if (need.isReportedUrgent()) {
			s.append(text(Wording.of("reading.summary.reportedUrgent")));
		}
		if (Boolean.TRUE.equals(need.getStewardLook())) {
			s.append(text(Wording.of("reading.summary.stewardLook")));
		}
		return s.toString();
	}

	private String text(Wording wording) {
		return wording.render(messages, CHINESE);
	}
}
