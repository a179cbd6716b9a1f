package cn.needsloop.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.needsloop.process.Accounts;

/** Each person's {@link Preference}, kept in {@code notification_preference}. */
@Component
public class Preferences {

	private final JdbcTemplate jdbc;

	private final Accounts accounts;

	Preferences(JdbcTemplate jdbc, Accounts accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	/** The person's choices, or the defaults (in-app only) when they made none. */
	public Preference of(String userId) {
		Preference saved = saved(userId);
		return saved != null ? saved : Preference.defaults(userId, null);
	}

	/**
	 * The person's choices, or the defaults with the e-mail address their account has (Camunda Admin) as the
	 * suggestion, for their settings page.
	 */
	public Preference forSettings(String userId) {
		Preference saved = saved(userId);
		return saved != null ? saved : Preference.defaults(userId, accounts.emailOf(userId));
	}

	/** The choices of several people at once (the members of a group), by account. */
	public java.util.Map<String, Preference> of(java.util.Collection<String> userIds) {
		java.util.Map<String, Preference> result = new java.util.LinkedHashMap<>();
		List<String> ids = List.copyOf(userIds);
		for (int from = 0; from < ids.size(); from += 500) {
			List<String> slice = ids.subList(from, Math.min(ids.size(), from + 500));
			String marks = String.join(", ", java.util.Collections.nCopies(slice.size(), "?"));
			jdbc.query("select user_id, email_enabled, sms_enabled, wechat_enabled, email, phone, wechat_open_id,"
					+ " quiet_start_min, quiet_end_min, digest, locale from notification_preference where user_id in (" + marks
					+ ")", rs -> {
						Preference p = read(rs);
						result.put(p.userId(), p);
					}, slice.toArray());
		}
		ids.forEach(id -> result.putIfAbsent(id, Preference.defaults(id, null)));
		return result;
	}

	private Preference saved(String userId) {
		List<Preference> rows = jdbc.query("select user_id, email_enabled, sms_enabled, wechat_enabled, email, phone,"
				+ " wechat_open_id, quiet_start_min, quiet_end_min, digest, locale from notification_preference where user_id = ?",
				(rs, n) -> read(rs), userId);
		return rows.isEmpty() ? null : rows.get(0);
	}

	public void save(Preference p) {
		Object[] values = { p.channels().contains(OutboxChannel.EMAIL), p.channels().contains(OutboxChannel.SMS),
				p.channels().contains(OutboxChannel.WECHAT), p.email(), p.phone(), p.wechatOpenId(),
				p.quietHours() == null ? null : p.quietHours().start(), p.quietHours() == null ? null : p.quietHours().end(),
				p.digest(), p.locale().toLanguageTag(), Timestamp.from(Instant.now()), p.userId() };
		int updated = jdbc.update("update notification_preference set email_enabled = ?, sms_enabled = ?, wechat_enabled = ?,"
				+ " email = ?, phone = ?, wechat_open_id = ?, quiet_start_min = ?, quiet_end_min = ?, digest = ?, locale = ?,"
				+ " updated_at = ? where user_id = ?", values);
		if (updated == 0) {
			jdbc.update("insert into notification_preference (email_enabled, sms_enabled, wechat_enabled, email, phone,"
					+ " wechat_open_id, quiet_start_min, quiet_end_min, digest, locale, updated_at, user_id)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
		}
	}

	private static Preference read(ResultSet rs) throws SQLException {
		Set<OutboxChannel> channels = EnumSet.noneOf(OutboxChannel.class);
		if (rs.getBoolean("email_enabled")) {
			channels.add(OutboxChannel.EMAIL);
		}
		if (rs.getBoolean("sms_enabled")) {
			channels.add(OutboxChannel.SMS);
		}
		if (rs.getBoolean("wechat_enabled")) {
			channels.add(OutboxChannel.WECHAT);
		}
		int start = rs.getInt("quiet_start_min");
		boolean quiet = !rs.wasNull();
		int end = rs.getInt("quiet_end_min");
		quiet = quiet && !rs.wasNull();
		String locale = rs.getString("locale");
		return new Preference(rs.getString("user_id"), channels, rs.getString("email"), rs.getString("phone"),
				rs.getString("wechat_open_id"), quiet ? new QuietHours(start, end) : null, rs.getBoolean("digest"),
				locale == null ? null : Locale.forLanguageTag(locale));
	}
}
