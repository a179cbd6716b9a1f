package cn.needsloop.consultation;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One participant of a consultation (协商主体): a person or body, and the kind they take part as. */
@Embeddable
public class ConsultationParticipant {

	private String name;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private ParticipantKind kind;

	protected ConsultationParticipant() {
	}

	public ConsultationParticipant(String name, ParticipantKind kind) {
		this.name = name;
		this.kind = kind;
	}

	public String getName() {
		return name;
	}

	public ParticipantKind getKind() {
		return kind;
	}
}
