package cn.needsloop.registration;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * Hours one registrant served on one dispatch, recorded by the party line afterwards. The unit is
 * kept with the record so that hours add up per person (registration) and per unit.
 */
@Entity
public class ServiceHours {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long dispatchId;

	private Long registrationId;

	private String communityCode;

	private String unit;

	private BigDecimal hours;

	private String recordedBy;

	private Instant recordedAt;

	protected ServiceHours() {
	}

	ServiceHours(Long dispatchId, Long registrationId, String communityCode, String unit, BigDecimal hours,
			String recordedBy, Instant recordedAt) {
		this.dispatchId = dispatchId;
		this.registrationId = registrationId;
		this.communityCode = communityCode;
		this.unit = unit;
		this.hours = hours;
		this.recordedBy = recordedBy;
		this.recordedAt = recordedAt;
	}

	public Long getId() {
		return id;
	}

	public Long getDispatchId() {
		return dispatchId;
	}

	public Long getRegistrationId() {
		return registrationId;
	}

	public String getCommunityCode() {
		return communityCode;
	}

	public String getUnit() {
		return unit;
	}

	public BigDecimal getHours() {
		return hours;
	}

	public String getRecordedBy() {
		return recordedBy;
	}

	public Instant getRecordedAt() {
		return recordedAt;
	}
}
