package cn.needsloop.field;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A grid worker (网格员) of a grid: a member of the group {@code grid:<gridCode>}, on the steward line. */
@Entity
public class GridMember {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String gridCode;

	private String communityCode;

	private String userId;

	private String addedBy;

	private Instant addedAt;

	protected GridMember() {
	}

	GridMember(String gridCode, String communityCode, String userId, String addedBy, Instant addedAt) {
		this.gridCode = gridCode;
		this.communityCode = communityCode;
		this.userId = userId;
		this.addedBy = addedBy;
		this.addedAt = addedAt;
	}

	public Long getId() {
		return id;
	}

	public String getGridCode() {
		return gridCode;
	}

	public String getCommunityCode() {
		return communityCode;
	}

	public String getUserId() {
		return userId;
	}

	public Instant getAddedAt() {
		return addedAt;
	}
}
