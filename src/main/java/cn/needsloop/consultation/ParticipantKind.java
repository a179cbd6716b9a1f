package cn.needsloop.consultation;

import java.util.Arrays;
import java.util.Optional;

/** Who takes part in a consultation (协商主体). */
public enum ParticipantKind {
	RESIDENT_REPRESENTATIVE("居民代表"),
	PARTY_MEMBER("党员"),
	PROPERTY_COMPANY("物业企业"),
	SOCIAL_ORGANIZATION("社会组织"),
	STAKEHOLDER("利益相关方");

	private final String label;

	ParticipantKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** A body (a company, an organisation) rather than a person: its name is not personal data. */
	public boolean isBody() {
		return this == PROPERTY_COMPANY || this == SOCIAL_ORGANIZATION;
	}

	/** A kind by its code ({@code PARTY_MEMBER}) or its Chinese name ({@code 党员}), as typed in Tasklist. */
	public static Optional<ParticipantKind> parse(String text) {
		String value = text == null ? "" : text.strip();
		return Arrays.stream(values())
			.filter(k -> k.name().equalsIgnoreCase(value) || k.label.equals(value))
			.findFirst();
	}
}
