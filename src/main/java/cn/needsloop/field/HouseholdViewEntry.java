package cn.needsloop.field;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One look at households' personal data: who opened which household's record (or a list of a grid's households,
 * with how many records it showed), and when. Rows are only ever added.
 */
@Entity
@Table(name = "household_view")
public class HouseholdViewEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String viewedBy;

	private Long householdId;

	private String gridCode;

	private String communityCode;

	private int recordCount;

	private String what;

	private Instant viewedAt;

	protected HouseholdViewEntry() {
	}

	HouseholdViewEntry(String viewedBy, Long householdId, String gridCode, String communityCode, int recordCount,
			String what, Instant viewedAt) {
		this.viewedBy = viewedBy;
		this.householdId = householdId;
		this.gridCode = gridCode;
		this.communityCode = communityCode;
		this.recordCount = recordCount;
		this.what = what;
		this.viewedAt = viewedAt;
	}

	public Long getId() {
		return id;
	}

	public String getViewedBy() {
		return viewedBy;
	}

	public Long getHouseholdId() {
		return householdId;
	}

	public String getGridCode() {
		return gridCode;
	}

	public int getRecordCount() {
		return recordCount;
	}

	public String getWhat() {
		return what;
	}

	public Instant getViewedAt() {
		return viewedAt;
	}
}
