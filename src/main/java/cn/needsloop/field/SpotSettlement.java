package cn.needsloop.field;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import cn.needsloop.shared.Category;

/**
 * A need a grid worker settled on the spot (就地办结, {@code spot-settlement.dmn}): who, what it was, what it cost,
 * when it was found and when settled. Written when the worker's step {@code userTask_settleOnSpot} is completed.
 */
@Entity
public class SpotSettlement {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long needId;

	private String communityCode;

	private String gridCode;

	private String settledBy;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Category category;

	private BigDecimal estimatedCost;

	private String note;

	private Instant foundAt;

	private Instant settledAt;

	protected SpotSettlement() {
	}

	SpotSettlement(Long needId, String communityCode, String gridCode, String settledBy, Category category,
			BigDecimal estimatedCost, String note, Instant foundAt, Instant settledAt) {
		this.needId = needId;
		this.communityCode = communityCode;
		this.gridCode = gridCode;
		this.settledBy = settledBy;
		this.category = category;
		this.estimatedCost = estimatedCost;
		this.note = note;
		this.foundAt = foundAt;
		this.settledAt = settledAt;
	}

	public Long getId() {
		return id;
	}

	public Long getNeedId() {
		return needId;
	}

	public String getCommunityCode() {
		return communityCode;
	}

	public String getGridCode() {
		return gridCode;
	}

	public String getSettledBy() {
		return settledBy;
	}

	public Category getCategory() {
		return category;
	}

	public BigDecimal getEstimatedCost() {
		return estimatedCost;
	}

	public String getNote() {
		return note;
	}

	public Instant getFoundAt() {
		return foundAt;
	}

	public Instant getSettledAt() {
		return settledAt;
	}
}
