package cn.needsloop.field;

import java.time.Instant;
import java.time.LocalDate;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A household (户) of the register: its address in a grid (an urban grid's building, unit and room, or a rural
 * grid's villager group and house number), its head, phone (personal data) and care tags, and when it is next due
 * a visit, and of which kind ({@code visitFrequency.dmn}, decided when its tags are set).
 */
@Entity
public class Household {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String communityCode;

	private String gridCode;

	private String building;

	private String unit;

	private String room;

	private String villagerGroup;

	private String houseNo;

	private String addressKey;

	private String headName;

	private String phone;

	private String careTags;

	private int visitIntervalDays;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private VisitKind visitKind;

	private LocalDate lastVisitedOn;

	private LocalDate nextVisitOn;

	private Instant createdAt;

	protected Household() {
	}

	Household(String communityCode, String gridCode, Address address, Instant createdAt) {
		this.communityCode = communityCode;
		this.gridCode = gridCode;
		this.building = address.building();
		this.unit = address.unit();
		this.room = address.room();
		this.villagerGroup = address.villagerGroup();
		this.houseNo = address.houseNo();
		this.addressKey = address.key();
		this.createdAt = createdAt;
	}

	/** Head, phone and tags, with the visit frequency the tags call for; the next visit falls due from today. */
	void describe(String headName, String phone, String careTags, VisitFrequency.Frequency frequency, LocalDate today) {
		this.headName = headName;
		this.phone = phone;
		this.careTags = careTags;
		this.visitIntervalDays = frequency.intervalDays();
		this.visitKind = frequency.kind();
		// a household never visited is due at once; one visited is due one (new) interval after its last visit
		this.nextVisitOn = lastVisitedOn == null ? today : lastVisitedOn.plusDays(visitIntervalDays);
	}

	/** A visit was made on that day: the next falls due one interval later. */
	void visitedOn(LocalDate day) {
		this.lastVisitedOn = day;
		this.nextVisitOn = day.plusDays(visitIntervalDays);
	}

	public Address address() {
		return new Address(building, unit, room, villagerGroup, houseNo);
	}

	public Long getId() {
		return id;
	}

	public String getCommunityCode() {
		return communityCode;
	}

	public String getGridCode() {
		return gridCode;
	}

	public String getAddressKey() {
		return addressKey;
	}

	public String getHeadName() {
		return headName;
	}

	public String getPhone() {
		return phone;
	}

	public String getCareTags() {
		return careTags;
	}

	public int getVisitIntervalDays() {
		return visitIntervalDays;
	}

	public VisitKind getVisitKind() {
		return visitKind;
	}

	public LocalDate getLastVisitedOn() {
		return lastVisitedOn;
	}

	public LocalDate getNextVisitOn() {
		return nextVisitOn;
	}
}
