package cn.needsloop.notification;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * How a person wants to be reached beyond the app: the channels they chose, their addresses (personal data:
 * shown only to them and to administrators), their quiet hours (null: none), whether as a steward they take
 * the morning digest instead of a message per new step, and the language of their messages.
 */
public record Preference(String userId, Set<OutboxChannel> channels, String email, String phone, String wechatOpenId,
		QuietHours quietHours, boolean digest, Locale locale) {

	public Preference {
		channels = channels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(channels));
		locale = locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
	}

	/** Someone who chose nothing yet: in-app only, the digest on, Chinese. */
	public static Preference defaults(String userId, String accountEmail) {
		return new Preference(userId, Set.of(), accountEmail, null, null, null, true, Locale.SIMPLIFIED_CHINESE);
	}

	/** The address of a channel, or null when the person has none. */
	public String addressFor(OutboxChannel channel) {
		String address = switch (channel) {
			case EMAIL -> email;
			case SMS -> phone;
			case WECHAT -> wechatOpenId;
		};
		return address == null || address.isBlank() ? null : address;
	}

	/** Whether the person takes messages on that channel and has an address for it. */
	public boolean reachableBy(OutboxChannel channel) {
		return channels.contains(channel) && addressFor(channel) != null;
	}

	/** When a message written at {@code at} may go: urgent ones at once, others after the quiet hours. */
	public Instant deliverableFrom(Instant at, boolean urgent) {
		return urgent || quietHours == null ? at : quietHours.deliverableFrom(at);
	}
}
