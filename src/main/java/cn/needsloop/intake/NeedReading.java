package cn.needsloop.intake;

import cn.needsloop.shared.Category;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.needsloop.process.Workflow.Var;
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

	/** For a steward: 建议类别：邻里纠纷（把握 93%）；依据：楼上、半夜蹦跶；紧急：否. */
	public String summary(Need need) {
		if (need.getProposedCategory() == null) {
			return null;
		}
		StringBuilder s = new StringBuilder("建议类别：")
			.append(messages.getMessage("enum.Category." + need.getProposedCategory().name(), null, CHINESE));
		if (need.getProposalConfidence() != null) {
			s.append("（把握 ").append(Math.round(need.getProposalConfidence() * 100)).append("%）");
		}
		if (!need.getDecisiveWords().isEmpty()) {
			s.append("；依据：").append(String.join("、", need.getDecisiveWords()));
		}
		s.append("；紧急：");
		if (need.isTextUrgent()) {
			s.append("是").append(need.getUrgencyWords().isEmpty() ? ""
					: "（" + String.join("、", need.getUrgencyWords()) + "）");
		}
		else {
			s.append("否");
		}
		if (need.isReportedUrgent()) {
			s.append("；上报人标记为紧急");
		}
		if (Boolean.TRUE.equals(need.getStewardLook())) {
			s.append("；请民需管家仔细判断类别");
		}
		return s.toString();
	}
}
