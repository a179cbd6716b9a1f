package cn.needsloop.intake;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A household that said 我也有此需求 (me too) on a need instead of reporting it again: who, how many people, when. */
@Entity
public class NeedSupporter {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long needId;

	private String userId;

	private String name;

	private String phone;

	private int people;

	private Instant joinedAt;

	protected NeedSupporter() {
	}

	NeedSupporter(Long needId, String userId, String name, String phone, int people, Instant joinedAt) {
		this.needId = needId;
		this.userId = userId;
		this.name = name;
		this.phone = phone;
		this.people = people;
		this.joinedAt = joinedAt;
	}

	public Long getId() {
		return id;
	}

	public Long getNeedId() {
		return needId;
	}

	public String getUserId() {
		return userId;
	}

	public String getName() {
		return name;
	}

	public String getPhone() {
		return phone;
	}

	public int getPeople() {
		return people;
	}

	public Instant getJoinedAt() {
		return joinedAt;
	}
}
