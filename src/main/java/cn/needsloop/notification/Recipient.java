package cn.needsloop.notification;

/** Who is told: a group (for example {@code steward:xingfu}) or a single user. */
public record Recipient(String group, String user) {

	public static Recipient group(String group) {
		return new Recipient(group, null);
	}

	public static Recipient user(String user) {
		return new Recipient(null, user);
	}
}
