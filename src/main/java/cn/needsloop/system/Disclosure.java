package cn.needsloop.system;

import cn.needsloop.shared.PersonRole;
import cn.needsloop.shared.Actor;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * What one reader may see of the people in one case (a need, a project, a consultation, a
 * certificate request, a registration, a dispatch). Those who serve the case (managers, the stewards
 * of its community and, where a line runs that kind of case, that line of the community) see who did
 * what by account and the names of the people it is about; everyone else sees a role (居民, 民需管家 …)
 * and masked names. Phone numbers are masked for everyone but their owner: a steward of the community
 * reveals one with a click that is recorded ({@link PersonalData}). Made by {@link Disclosures}.
 */
public final class Disclosure {

	/** The actor of entries the system wrote itself; not a person. */
	public static final String SYSTEM = "system";

	private final Actor reader;

	private final boolean serves;

	private final Disclosures roles;

	private final MessageSource messages;

	private final Locale locale;

	Disclosure(Actor reader, boolean serves, Disclosures roles, MessageSource messages, Locale locale) {
		this.reader = reader;
		this.serves = serves;
		this.roles = roles;
		this.messages = messages;
		this.locale = locale;
	}

	/** Whether the reader serves the case: sees accounts and names in full. */
	public boolean serves() {
		return serves;
	}

	/** A person who acted, by account to those who serve the case (and to themself), by role to everyone else. */
	public String person(String userId) {
		if (userId == null || userId.isBlank() || SYSTEM.equals(userId) || serves || isReader(userId)) {
			return userId;
		}
		PersonRole role = roles.roleOf(userId);
		return messages.getMessage(role.messageKey(), null, role.name(), locale);
	}

	/**
	 * Who acted, for a person reading a timeline: name and role (王芳（民需管家）) to those who serve the case and to
	 * the person themself, the role alone (居民) to everyone else; 系统 for what the system did.
	 */
	public String by(String userId) {
		if (userId == null || userId.isBlank()) {
			return null;
		}
		if (SYSTEM.equals(userId)) {
			return messages.getMessage("person.system", null, SYSTEM, locale);
		}
		PersonRole role = roles.roleOf(userId);
		String roleText = messages.getMessage(role.messageKey(), null, role.name(), locale);
		if (serves || isReader(userId)) {
			return messages.getMessage("person.withRole", new Object[] { roles.nameOf(userId), roleText }, locale);
		}
		return roleText;
	}

	/** The name of the person a case is about: in full to those who serve it and to its owner, else {@code 刘**}. */
	public String name(String name, String ownerUser) {
		return serves || isReader(ownerUser) ? name : Masks.name(name);
	}

	/**
	 * A phone number: in full to its owner, {@code 138****0001} to everyone else. Staff who entered a resident's
	 * number on their behalf (a steward reporting at the station) are the record's owner, but the number is not
	 * theirs: whoever serves the case reads it masked and a steward reveals it, recorded, like any other.
	 */
	public String phone(String phone, String ownerUser) {
		return isReader(ownerUser) && !serves ? phone : Masks.phone(phone);
	}

	private boolean isReader(String userId) {
		return userId != null && userId.equals(reader.userId());
	}
}
