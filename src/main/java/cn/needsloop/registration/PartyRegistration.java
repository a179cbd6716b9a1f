package cn.needsloop.registration;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * 双报到: a party organisation of an agency or enterprise (a unit), or one party member, registered
 * with the community where it lives or works, offering services from the community's menu
 * (菜单式), as a team (组团式) or as an alliance of units (联盟式).
 */
@Entity
public class PartyRegistration {

	public enum Kind {
		/** 机关、企事业单位党组织. */
		ORGANIZATION,
		/** 在职党员. */
		MEMBER
	}

	public enum Style {
		/** 菜单式: picks services from the community's menu. */
		MENU,
		/** 组团式: serves as a party-member volunteer team. */
		TEAM,
		/** 联盟式: serves in an alliance of units. */
		ALLIANCE
	}

	public enum Status {
		ACTIVE, WITHDRAWN
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String communityCode;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Kind kind;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Style style;

	private String name;

	/** The agency or enterprise the organisation or member belongs to. */
	private String unit;

	private String phone;

	/** The Camunda user who answers dispatches for this registrant; none for people without an account. */
	private String username;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "party_registration_skill", joinColumns = @JoinColumn(name = "registration_id"))
	@Column(name = "skill")
	private Set<String> skills = new TreeSet<>();

	private String offers;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Status status;

	/** For a team (组团式 organisation): the implementer a manager can hand an unclaimed project to. */
	private String organizationCode;

	private String registeredBy;

	private Instant registeredAt;

	@Version
	private int version;

	protected PartyRegistration() {
	}

	public PartyRegistration(String communityCode, Kind kind, Style style, String name, String unit, String phone,
			String username, Set<String> skills, String offers, String registeredBy, Instant registeredAt) {
		this.communityCode = communityCode;
		this.kind = kind;
		this.style = style;
		this.name = name;
		this.unit = unit;
		this.phone = phone;
		this.username = username;
		this.skills = new TreeSet<>(skills);
		this.offers = offers;
		this.status = Status.ACTIVE;
		this.registeredBy = registeredBy;
		this.registeredAt = registeredAt;
	}

	/** A team (组团式 party organisation) can implement a project a manager hands it. */
	public boolean isTeam() {
		return kind == Kind.ORGANIZATION && style == Style.TEAM;
	}

	void actsAsOrganization(String organizationCode) {
		this.organizationCode = organizationCode;
	}

	public boolean isAnsweredBy(String userId) {
		return username != null && username.equals(userId);
	}

	public Long getId() {
		return id;
	}

	public String getCommunityCode() {
		return communityCode;
	}

	public Kind getKind() {
		return kind;
	}

	public Style getStyle() {
		return style;
	}

	public String getName() {
		return name;
	}

	public String getUnit() {
		return unit;
	}

	public String getPhone() {
		return phone;
	}

	public String getUsername() {
		return username;
	}

	public Set<String> getSkills() {
		return Set.copyOf(skills);
	}

	public String getOffers() {
		return offers;
	}

	public Status getStatus() {
		return status;
	}

	public String getOrganizationCode() {
		return organizationCode;
	}

	public String getRegisteredBy() {
		return registeredBy;
	}

	public Instant getRegisteredAt() {
		return registeredAt;
	}
}
