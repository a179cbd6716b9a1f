package cn.needsloop.notification;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.needsloop.notification.NotificationSettings.PreferenceForm;
import cn.needsloop.notification.NotificationSettings.PreferenceView;
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

	private final NotificationSettings settings;

	private final Outbox outbox;

	NotificationSettingsController(NotificationSettings settings, Outbox outbox) {
		this.settings = settings;
		this.outbox = outbox;
	}

	@GetMapping("/preferences")
	@Operation(summary = "我的通知设置 My channels, addresses and quiet hours")
	PreferenceView mine() {
		return settings.view(CurrentActor.get().userId());
	}

	@PutMapping("/preferences")
	@Operation(summary = "修改我的通知设置 Change my channels, addresses and quiet hours")
	PreferenceView change(@RequestBody PreferenceForm form) {
		return settings.change(CurrentActor.get().userId(), form);
	}

	@GetMapping("/preferences/{userId}")
	@Operation(summary = "某人的通知设置（仅管理员）A person's settings (administrators only)")
	PreferenceView of(@PathVariable String userId) {
		Actor actor = CurrentActor.get();
		if (!actor.isAdmin() && !actor.userId().equals(userId)) {
			throw ProblemException.forbidden();
		}
		return settings.view(userId);
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
