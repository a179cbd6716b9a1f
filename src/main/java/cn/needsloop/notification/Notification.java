package cn.needsloop.notification;

import java.util.Locale;
import org.springframework.context.MessageSource;
import cn.needsloop.shared.Wording;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** An in-app notification to a user or to everyone in a group (a line of a community). */
@Entity
public class Notification {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String recipientUser;

	private String recipientGroup;

	private String title;

	private String body;

	/** {@code title} and {@code body} as {@link Wording}s (JSON), for the reader's language; null in older ones. */
	private String titleWording;

	private String bodyWording;

	private Long needId;

	private Long projectId;

	private String taskId;

	private Instant createdAt;

	private Instant readAt;

	protected Notification() {
	}

	private Notification(String recipientUser, String recipientGroup, String title, String body, Long needId,
			Long projectId, String taskId, Instant createdAt) {
		this.recipientUser = recipientUser;
		this.recipientGroup = recipientGroup;
		this.title = cut(title, 200);
		this.body = cut(body, 1000);
		this.needId = needId;
		this.projectId = projectId;
		this.taskId = taskId;
		this.createdAt = createdAt;
	}

	/** Keeps the wordings beside the Chinese text (a wording too long to keep leaves the text alone). */
	Notification worded(Wording title, Wording body) {
		String t = title.toJson();
		String b = body.toJson();
		this.titleWording = t.length() > 1000 ? null : t;
		this.bodyWording = b.length() > 2000 ? null : b;
		return this;
	}

	/** The title in a reader's language (older notifications: as written). */
	public String titleIn(MessageSource messages, Locale locale) {
		Wording w = Wording.fromJson(titleWording);
		return w == null ? title : w.render(messages, locale);
	}

	public String bodyIn(MessageSource messages, Locale locale) {
		Wording w = Wording.fromJson(bodyWording);
		return w == null ? body : w.render(messages, locale);
	}

	public static Notification toGroup(String group, String title, String body, Long needId, Long projectId,
			String taskId, Instant at) {
		return new Notification(null, group, title, body, needId, projectId, taskId, at);
	}

	public static Notification toUser(String user, String title, String body, Long needId, Long projectId,
			String taskId, Instant at) {
		return new Notification(user, null, title, body, needId, projectId, taskId, at);
	}

	private static String cut(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

	public void markRead(Instant at) {
		if (readAt == null) {
			readAt = at;
		}
	}

	public Long getId() {
		return id;
	}

	public String getRecipientUser() {
		return recipientUser;
	}

	public String getRecipientGroup() {
		return recipientGroup;
	}

	public String getTitle() {
		return title;
	}

	public String getBody() {
		return body;
	}

	public Long getNeedId() {
		return needId;
	}

	public Long getProjectId() {
		return projectId;
	}

	public String getTaskId() {
		return taskId;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getReadAt() {
		return readAt;
	}
}
