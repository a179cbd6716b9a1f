package cn.needsloop.community;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import cn.needsloop.shared.Category;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An implementer of service projects: a social organisation qualified for some categories, or a
 * party-member volunteer team (党员志愿服务队, 双报到) that a manager can hand a project to.
 */
@Entity
public class Organization {

	public enum Kind {
		SOCIAL_ORGANIZATION, PARTY_VOLUNTEER_TEAM
	}

	@Id
	private String code;

	private String name;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Kind kind;

	/** The Camunda user who acts for the organisation. */
	private String accountUser;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "organization_category", joinColumns = @JoinColumn(name = "organization_code"))
	@Column(name = "category")
	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Set<Category> categories = new HashSet<>();

	protected Organization() {
	}

	public Organization(String code, String name, Kind kind, String accountUser, Set<Category> categories) {
		this.code = code;
		this.name = name;
		this.kind = kind;
		this.accountUser = accountUser;
		this.categories = categories.isEmpty() ? new HashSet<>() : EnumSet.copyOf(categories);
	}

	public boolean isQualifiedFor(Category category) {
		return kind == Kind.PARTY_VOLUNTEER_TEAM || categories.contains(category);
	}

	public String getCode() {
		return code;
	}

	public String getName() {
		return name;
	}

	public Kind getKind() {
		return kind;
	}

	public String getAccountUser() {
		return accountUser;
	}

	public Set<Category> getCategories() {
		return Set.copyOf(categories);
	}
}
