package cn.needsloop.notification;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.needsloop.shared.Actor;
import cn.needsloop.shared.ProblemException;
import cn.needsloop.system.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A person's notification settings (their own; an administrator may read anyone's: the addresses are personal
 * data), and for the manager the messages that did not go out as they should, with retry and dismiss.
 */
@RestController
@RequestMapping("/api/notifications")
@Tag(name = "notifications", description = "通知设置与外发通知 (channels, quiet hours, failed deliveries)")
class NotificationSettingsController {

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

	NotificationSettingsController(Preferences preferences, Outbox outbox) {
		this.preferences = preferences;
		this.outbox = outbox;
	}

	@GetMapping("/preferences")
	@Operation(summary = "我的通知设置 My channels, addresses and quiet hours")
	PreferenceView mine() {
		return PreferenceView.of(preferences.forSettings(CurrentActor.get().userId()), outbox.channels());
	}

	@PutMapping("/preferences")
	@Operation(summary = "修改我的通知设置 Change my channels, addresses and quiet hours")
	PreferenceView change(@RequestBody PreferenceForm form) {
		Preference preference = validated(CurrentActor.get().userId(), form);
		preferences.save(preference);
		return PreferenceView.of(preference, outbox.channels());
	}

	@GetMapping("/preferences/{userId}")
	@Operation(summary = "某人的通知设置（仅管理员）A person's settings (administrators only)")
	PreferenceView of(@PathVariable String userId) {
		Actor actor = CurrentActor.get();
		if (!actor.isAdmin() && !actor.userId().equals(userId)) {
			throw ProblemException.forbidden();
		}
		return PreferenceView.of(preferences.forSettings(userId), outbox.channels());
	}

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

	@GetMapping("/deliveries/troubled")
	@Operation(summary = "发送失败或待确认的外发通知（管理者）Messages that failed or may have gone out (managers)")
	List<Outbox.Trouble> troubled() {
		requireManager();
		return outbox.troubles(200);
	}

	@PostMapping("/deliveries/{id}/retry")
	@Operation(summary = "重新发送（管理者）Send again (managers)")
	ResponseEntity<Void> retry(@PathVariable long id) {
		requireManager();
		if (!outbox.retry(id)) {
			throw ProblemException.conflict("problem.notification.notTroubled");
		}
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/deliveries/{id}/dismiss")
	@Operation(summary = "不再发送（管理者）Give up on the message (managers)")
	ResponseEntity<Void> dismiss(@PathVariable long id) {
		requireManager();
		if (!outbox.dismiss(id)) {
			throw ProblemException.conflict("problem.notification.notTroubled");
		}
		return ResponseEntity.noContent().build();
	}

	private static void requireManager() {
		if (!CurrentActor.get().isManager()) {
			throw ProblemException.forbidden();
		}
	}
}
