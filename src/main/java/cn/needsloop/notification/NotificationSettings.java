package cn.needsloop.notification;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import cn.needsloop.shared.ProblemException;

/**
 * A person's notification settings, read and changed the same way by the API ({@code /api/notifications/preferences})
 * and by their settings page ({@code /settings/notifications}): one check, one save.
 */
@Component
class NotificationSettings {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]{1,64}@[^@\\s<>\"]{1,189}\\.[^@\\s<>\"]{2,63}");

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{6,20}");

	private static final Pattern OPEN_ID = Pattern.compile("[A-Za-z0-9_-]{6,64}");

	/** Settings as the person sees them; {@code available}: the channels this deployment sends on. */
	record PreferenceView(Set<OutboxChannel> available, Set<OutboxChannel> channels, String email, String phone,
			String wechatOpenId, String quietFrom, String quietUntil, boolean digest, String locale) {

		static PreferenceView of(Preference p, Set<OutboxChannel> available) {
			return new PreferenceView(available, p.channels(), p.email(), p.phone(), p.wechatOpenId(),
					p.quietHours() == null ? null : p.quietHours().startTime().toString(),
					p.quietHours() == null ? null : p.quietHours().endTime().toString(), p.digest(),
					p.locale().toLanguageTag());
		}
	}

	/** What a person may set; quiet hours are "22:00" and "07:00", China time, both or neither. */
	record PreferenceForm(Set<OutboxChannel> channels, String email, String phone, String wechatOpenId, String quietFrom,
			String quietUntil, Boolean digest, String locale) {
	}

	private final Preferences preferences;

	private final Outbox outbox;

	NotificationSettings(Preferences preferences, Outbox outbox) {
		this.preferences = preferences;
		this.outbox = outbox;
	}

	/** The channels this deployment sends on. */
	Set<OutboxChannel> available() {
		return outbox.channels();
	}

	/** The person's settings (or the defaults, with their account's e-mail address offered). */
	PreferenceView view(String userId) {
		return PreferenceView.of(preferences.forSettings(userId), outbox.channels());
	}

	/** Checks and saves the person's settings; refuses (changing nothing) with the field that is wrong. */
	PreferenceView change(String userId, PreferenceForm form) {
		Preference preference = validated(userId, form);
		preferences.save(preference);
		return PreferenceView.of(preference, outbox.channels());
	}

	/** The person's settings checked as the API and the page check them; a {@link ProblemException} names the field. */
	Preference validated(String userId, PreferenceForm form) {
		Set<OutboxChannel> channels = form.channels() == null || form.channels().isEmpty()
				? EnumSet.noneOf(OutboxChannel.class) : EnumSet.copyOf(form.channels());
		for (OutboxChannel channel : channels) {
			if (!outbox.channels().contains(channel)) {
				throw ProblemException.badField("channels", "problem.notification.channelOff", channel.name());
			}
		}
		String email = blankToNull(form.email());
		String phone = blankToNull(form.phone());
		String openId = blankToNull(form.wechatOpenId());
		if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
			throw ProblemException.badField("email", "problem.notification.email");
		}
		if (phone != null && !PHONE.matcher(phone).matches()) {
			throw ProblemException.badField("phone", "problem.notification.phone");
		}
		if (openId != null && !OPEN_ID.matcher(openId).matches()) {
			throw ProblemException.badField("wechatOpenId", "problem.notification.wechat");
		}
		if (channels.contains(OutboxChannel.EMAIL) && email == null) {
			throw ProblemException.badField("email", "problem.notification.addressMissing");
		}
		if (channels.contains(OutboxChannel.SMS) && phone == null) {
			throw ProblemException.badField("phone", "problem.notification.addressMissing");
		}
		if (channels.contains(OutboxChannel.WECHAT) && openId == null) {
			throw ProblemException.badField("wechatOpenId", "problem.notification.addressMissing");
		}
		String from = blankToNull(form.quietFrom());
		String until = blankToNull(form.quietUntil());
		QuietHours quiet = null;
		if (from != null || until != null) {
			if (from == null || until == null) {
				throw ProblemException.badField(from == null ? "quietFrom" : "quietUntil", "problem.notification.quietHours");
			}
			try {
				quiet = QuietHours.of(LocalTime.parse(from), LocalTime.parse(until));
			}
			catch (DateTimeParseException ex) {
				throw ProblemException.badField("quietFrom", "problem.notification.quietHours");
			}
		}
		String language = blankToNull(form.locale());
		Locale locale = Locale.SIMPLIFIED_CHINESE;
		if (language != null) {
			if (!List.of("zh", "zh-CN", "en").contains(language)) {
				throw ProblemException.badField("locale", "problem.notification.locale");
			}
			locale = language.startsWith("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
		}
		return new Preference(userId, channels, email, phone, openId, quiet, form.digest() == null || form.digest(), locale);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
