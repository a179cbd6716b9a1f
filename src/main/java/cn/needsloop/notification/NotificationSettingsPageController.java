package cn.needsloop.notification;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.needsloop.notification.NotificationSettings.PreferenceForm;
import cn.needsloop.notification.NotificationSettings.PreferenceView;
import cn.needsloop.shared.Actor;
import cn.needsloop.shared.ProblemException;
import cn.needsloop.system.CurrentActor;
import cn.needsloop.system.FormErrors;
import cn.needsloop.system.Pages;

/**
 * Everyone's own notification settings page (phone-friendly): the channels the deployment sends on, an address for
 * each, quiet hours, the language of the messages, and for stewards the morning digest. Checked and saved as the API
 * does it ({@link NotificationSettings}); the addresses are shown to the signed-in person only (their own).
 */
@Controller
class NotificationSettingsPageController {

	static final String PATH = "/settings/notifications";

	private static final String LABELS = "notificationSettings.field.";

	/**
	 * The page's form: checkboxes for the channels and the digest (unticked: {@code _channels}, {@code _digest});
	 * serializable, as it is flashed into the shared session after an error.
	 */
	public static class SettingsForm implements java.io.Serializable {

		private static final long serialVersionUID = 1L;

		private List<OutboxChannel> channels = new ArrayList<>();

		private String email;

		private String phone;

		private String wechatOpenId;

		private String quietFrom;

		private String quietUntil;

		private String locale;

		private boolean digest;

		static SettingsForm of(PreferenceView view) {
			SettingsForm form = new SettingsForm();
			form.channels = new ArrayList<>(view.channels());
			form.email = view.email();
			form.phone = view.phone();
			form.wechatOpenId = view.wechatOpenId();
			form.quietFrom = view.quietFrom();
			form.quietUntil = view.quietUntil();
			form.locale = view.locale();
			form.digest = view.digest();
			return form;
		}

		PreferenceForm toRequest(boolean digestShown, boolean savedDigest) {
			Set<OutboxChannel> chosen = channels == null || channels.isEmpty() ? Set.of() : EnumSet.copyOf(channels);
			return new PreferenceForm(chosen, email, phone, wechatOpenId, quietFrom, quietUntil,
					digestShown ? digest : savedDigest, locale);
		}

		public boolean chose(OutboxChannel channel) {
			return channels != null && channels.contains(channel);
		}

		public List<OutboxChannel> getChannels() {
			return channels;
		}

		public void setChannels(List<OutboxChannel> channels) {
			this.channels = channels == null ? new ArrayList<>() : new ArrayList<>(channels);
		}

		public String getEmail() {
			return email;
		}

		public void setEmail(String email) {
			this.email = email;
		}

		public String getPhone() {
			return phone;
		}

		public void setPhone(String phone) {
			this.phone = phone;
		}

		public String getWechatOpenId() {
			return wechatOpenId;
		}

		public void setWechatOpenId(String wechatOpenId) {
			this.wechatOpenId = wechatOpenId;
		}

		public String getQuietFrom() {
			return quietFrom;
		}

		public void setQuietFrom(String quietFrom) {
			this.quietFrom = quietFrom;
		}

		public String getQuietUntil() {
			return quietUntil;
		}

		public void setQuietUntil(String quietUntil) {
			this.quietUntil = quietUntil;
		}

		public String getLocale() {
			return locale;
		}

		public void setLocale(String locale) {
			this.locale = locale;
		}

		public boolean isDigest() {
			return digest;
		}

		public void setDigest(boolean digest) {
			this.digest = digest;
		}
	}

	private final NotificationSettings settings;

	private final FormErrors formErrors;

	private final MessageSource messages;

	NotificationSettingsPageController(NotificationSettings settings, FormErrors formErrors, MessageSource messages) {
		this.settings = settings;
		this.formErrors = formErrors;
		this.messages = messages;
	}

	@GetMapping(PATH)
	String page(Model model) {
		Actor me = CurrentActor.get();
		if (!model.containsAttribute("settingsForm")) {
			model.addAttribute("settingsForm", SettingsForm.of(settings.view(me.userId())));
		}
		model.addAttribute("available", List.copyOf(EnumSet.copyOf(available())));
		model.addAttribute("digestShown", me.isSteward());
		return "settings/notifications";
	}

	private Set<OutboxChannel> available() {
		Set<OutboxChannel> channels = EnumSet.noneOf(OutboxChannel.class);
		channels.addAll(settings.available());
		return channels;
	}

	@PostMapping(PATH)
	String change(@ModelAttribute("settingsForm") SettingsForm form, BindingResult result, RedirectAttributes flash) {
		Actor me = CurrentActor.get();
		if (result.hasErrors()) {
			formErrors.flash(result, LABELS, flash);
			flash.addFlashAttribute("settingsForm", form);
			return "redirect:" + PATH;
		}
		try {
			settings.change(me.userId(), form.toRequest(me.isSteward(), settings.view(me.userId()).digest()));
		}
		catch (ProblemException ex) {
			// the reason in the person's language; the form keeps what was typed
			flash.addFlashAttribute("error", text(ex));
			flash.addFlashAttribute("settingsForm", form);
			return "redirect:" + PATH;
		}
		Pages.flashDone(flash, "notificationSettings.saved");
		return "redirect:" + PATH;
	}

	/** "电子邮箱：请填写有效的电子邮箱地址。": the field's label and the reason. */
	private String text(ProblemException ex) {
		var locale = LocaleContextHolder.getLocale();
		if (ex.fieldProblems().isEmpty()) {
			return messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(), locale);
		}
		return ex.fieldProblems().stream().map(p -> {
			String reason = messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale);
			String label = messages.getMessage(LABELS + p.field(), null, null, locale);
			return label == null ? reason : messages.getMessage("form.fieldError", new Object[] { label, reason.strip() }, locale);
		}).collect(Collectors.joining(" "));
	}
}
