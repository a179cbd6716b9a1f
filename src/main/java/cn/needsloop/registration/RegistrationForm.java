package cn.needsloop.registration;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import cn.needsloop.registration.RegistrationRequests.Register;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The page form for 双报到: the fields of {@link Register}, with the skills typed as one line
 * (separated by commas, 、 or spaces).
 */
public class RegistrationForm implements java.io.Serializable {

	/** Kept in the session (in the database) as a flash attribute after a refused form. */
	private static final long serialVersionUID = 1L;

	@NotBlank
	@Size(max = 32)
	private String communityCode;

	@NotNull
	private PartyRegistration.Kind kind = PartyRegistration.Kind.MEMBER;

	private PartyRegistration.Style style = PartyRegistration.Style.MENU;

	@NotBlank
	@Size(max = 100)
	private String name;

	@NotBlank
	@Size(max = 100)
	private String unit;

	@NotBlank
	@Pattern(regexp = "^[0-9+\\- ]{5,30}$", message = "{registration.phone.pattern}")
	private String phone;

	@NotBlank
	@Size(max = 1000)
	private String skills;

	@Size(max = 2000)
	private String offers;

	@Size(max = 64)
	private String username;

	/** The skills as a set: the line split at commas (also Chinese ones), 、, semicolons and white space. */
	Set<String> skillSet() {
		return skills == null ? Set.of()
				: Arrays.stream(skills.split("[,，、;；\\s]+"))
					.map(String::trim)
					.filter(s -> !s.isEmpty())
					.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	Register toRequest() {
		return new Register(communityCode, kind, style, name, unit, phone, skillSet(), offers, username);
	}

	public String getCommunityCode() {
		return communityCode;
	}

	public void setCommunityCode(String communityCode) {
		this.communityCode = communityCode;
	}

	public PartyRegistration.Kind getKind() {
		return kind;
	}

	public void setKind(PartyRegistration.Kind kind) {
		this.kind = kind;
	}

	public PartyRegistration.Style getStyle() {
		return style;
	}

	public void setStyle(PartyRegistration.Style style) {
		this.style = style;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getUnit() {
		return unit;
	}

	public void setUnit(String unit) {
		this.unit = unit;
	}

	public String getPhone() {
		return phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public String getSkills() {
		return skills;
	}

	public void setSkills(String skills) {
		this.skills = skills;
	}

	public String getOffers() {
		return offers;
	}

	public void setOffers(String offers) {
		this.offers = offers;
	}

	public String getUsername() {
		return username;
	}

	public void setUsername(String username) {
		this.username = username;
	}
}
