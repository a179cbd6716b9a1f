package cn.needsloop.consultation;

import cn.needsloop.shared.Wording;
import cn.needsloop.shared.CommunityGroup;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.needsloop.process.Subject;
import cn.needsloop.notification.Notifier;
import cn.needsloop.notification.Recipient;

/**
 * Tells the people of a consultation what happened: the proposer, the community's self-governance
 * line (which relays it to the participants, who are not necessarily users of the system) and its
 * steward station.
 */
@Component
class ConsultationNotices {

	private final Notifier notifier;

	ConsultationNotices(Notifier notifier) {
		this.notifier = notifier;
	}

	void toProposer(Consultation consultation, Wording title, Wording body) {
		notifier.notifyUser(consultation.getProposedBy(), title(consultation, title), body, subject(consultation));
	}

	void toEveryone(Consultation consultation, Wording title, Wording body) {
		List<Recipient> recipients = new ArrayList<>();
		recipients.add(Recipient.group(CommunityGroup.SELF_GOVERNANCE.of(consultation.getCommunityCode())));
		recipients.add(Recipient.group(CommunityGroup.STEWARD.of(consultation.getCommunityCode())));
		recipients.add(Recipient.user(consultation.getProposedBy()));
		notifier.notify(recipients, title(consultation, title), body, subject(consultation), null);
	}

	/** Only the community's self-governance line and steward station, for what is not for the proposer's eyes. */
	void toLines(Consultation consultation, Wording title, Wording body) {
		notifier.notify(List.of(Recipient.group(CommunityGroup.SELF_GOVERNANCE.of(consultation.getCommunityCode())),
				Recipient.group(CommunityGroup.STEWARD.of(consultation.getCommunityCode()))), title(consultation, title), body,
				subject(consultation), null);
	}

	private static Wording title(Consultation consultation, Wording title) {
		return Wording.of("notification.consultation.title", title, consultation.getId(), consultation.getTopic());
	}

	static Subject subject(Consultation consultation) {
		return new Subject(null, consultation.getProjectId());
	}
}
