package cn.needsloop.system;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One reveal of a masked phone number: who saw it, when, of which record, which field. Never changed. */
@Entity
public class PersonalDataReveal {

	/** The kinds of record whose phone numbers are masked. */
	public enum Record {
		NEED, CERTIFICATE, REGISTRATION
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String revealedBy;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Record recordType;

	private Long recordId;

	private String field;

	private String communityCode;

	private Instant revealedAt;

	protected PersonalDataReveal() {
	}

	PersonalDataReveal(String revealedBy, Record recordType, Long recordId, String field, String communityCode,
			Instant revealedAt) {
		this.revealedBy = revealedBy;
		this.recordType = recordType;
		this.recordId = recordId;
		this.field = field;
		this.communityCode = communityCode;
		this.revealedAt = revealedAt;
	}

	public Long getId() {
		return id;
	}

	public String getRevealedBy() {
		return revealedBy;
	}

	public Record getRecordType() {
		return recordType;
	}

	public Long getRecordId() {
		return recordId;
	}

	public String getField() {
		return field;
	}

	public String getCommunityCode() {
		return communityCode;
	}

	public Instant getRevealedAt() {
		return revealedAt;
	}
}
