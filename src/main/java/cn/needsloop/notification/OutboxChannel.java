package cn.needsloop.notification;

/** The ways a message leaves the app (in-app notifications stay in {@link Notification}). */
public enum OutboxChannel {
	EMAIL, SMS, WECHAT
}
