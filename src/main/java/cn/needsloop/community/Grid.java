package cn.needsloop.community;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A grid (网格) of a community, served by an all-round grid worker. */
@Entity
public class Grid {

	@Id
	private String code;

	private String communityCode;

	private String name;

	protected Grid() {
	}

	public Grid(String code, String communityCode, String name) {
		this.code = code;
		this.communityCode = communityCode;
		this.name = name;
	}

	public String getCode() {
		return code;
	}

	public String getCommunityCode() {
		return communityCode;
	}

	public String getName() {
		return name;
	}
}
