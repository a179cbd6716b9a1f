package cn.needsloop.notification;

import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.MessageSource;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.needsloop.process.TimeLimits;
import cn.needsloop.shared.Actor;
import cn.needsloop.system.CurrentActor;
import cn.needsloop.system.PageView;
import cn.needsloop.shared.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@RequestMapping("/api/notifications")
@Tag(name = "notifications", description = "站内通知 (in-app notifications)")
class NotificationController {

	record NotificationView(Long id, String title, String body, Long needId, Long projectId, String taskId,
			String recipientGroup, Instant createdAt, Instant readAt) {
		static NotificationView of(Notification n, MessageSource messages, Locale reader) {
			return new NotificationView(n.getId(), n.titleIn(messages, reader), n.bodyIn(messages, reader), n.getNeedId(),
					n.getProjectId(), n.getTaskId(), n.getRecipientGroup(), n.getCreatedAt(), n.getReadAt());
		}
	}

	private final Notifications notifications;

	private final MessageSource messages;

	NotificationController(Notifications notifications, MessageSource messages) {
		this.notifications = notifications;
		this.messages = messages;
	}

	@GetMapping
	@Transactional(readOnly = true)
	@Operation(summary = "我的通知（含我所在各条线的通知）My notifications and those of my lines")
	PageView<NotificationView> list(@RequestParam(defaultValue = "0") @Min(0) @Max(PageView.MAX_PAGE) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(PageView.MAX_SIZE) int size) {
		Actor actor = CurrentActor.get();
		return PageView.of(notifications.findFor(actor.userId(), groupsOf(actor), PageRequest.of(page, size))
			.map(n -> NotificationView.of(n, messages, LocaleContextHolder.getLocale())));
	}

	@PostMapping("/{id}/read")
	@Transactional
	@Operation(summary = "标为已读 Mark as read")
	ResponseEntity<Void> markRead(@PathVariable Long id) {
		Actor actor = CurrentActor.get();
		Notification notification = notifications.findById(id)
			.orElseThrow(() -> ProblemException.notFound("notification", id));
		if (!actor.userId().equals(notification.getRecipientUser())
				&& !groupsOf(actor).contains(notification.getRecipientGroup())) {
			throw ProblemException.forbidden();
		}
		notification.markRead(TimeLimits.nowInstant());
		return ResponseEntity.noContent().build();
	}

	private static Set<String> groupsOf(Actor actor) {
		Set<String> groups = new HashSet<>(actor.groups());
		groups.add("-none-");
		return groups;
	}
}
