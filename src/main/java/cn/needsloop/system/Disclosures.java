package cn.needsloop.system;

import cn.needsloop.process.Accounts;
import cn.needsloop.shared.PersonRole;
import cn.needsloop.shared.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Makes the {@link Disclosure} of a case for its reader, in the reader's language. Knows each person's
 * role from their groups in Camunda's identity service; a role, once read, is kept for a minute, so that
 * a page listing many ratings asks once per person.
 */
@Component
public class Disclosures {

	private static final Duration KEPT = Duration.ofMinutes(1);

	private static final int MAX_KEPT = 10_000;

	private record Known(PersonRole role, String name, Instant until) {
	}

	private final Accounts accounts;

	private final MessageSource messages;

	private final Map<String, Known> known = new ConcurrentHashMap<>();

	Disclosures(Accounts accounts, MessageSource messages) {
		this.accounts = accounts;
		this.messages = messages;
	}

	/** Whether the actor serves a case of the community: a manager or one of its stewards. */
	public static boolean servesCommunity(Actor actor, String communityCode) {
		return actor.isManager() || (communityCode != null && actor.isStewardOf(communityCode));
	}

	/** The disclosure of a case of a community for one reader; {@code serves} says whether they serve it. */
	public Disclosure of(Actor reader, boolean serves) {
		return new Disclosure(reader, serves, this, messages, LocaleContextHolder.getLocale());
	}

	/** The disclosure of a case of a community that its stewards and managers serve. */
	public Disclosure ofCommunity(Actor reader, String communityCode) {
		return of(reader, servesCommunity(reader, communityCode));
	}

	PersonRole roleOf(String userId) {
		return known(userId).role();
	}

	/** The person's name in the identity service (given and family name), or the account when it has none. */
	String nameOf(String userId) {
		return known(userId).name();
	}

	private Known known(String userId) {
		Instant now = Instant.now();
		Known role = known.get(userId);
		if (role == null || role.until().isBefore(now)) {
			if (known.size() > MAX_KEPT) {
				known.clear();
			}
			role = new Known(PersonRole.of(accounts.actor(userId).groups()), accounts.nameOf(userId), now.plus(KEPT));
			known.put(userId, role);
		}
		return role;
	}
}
