package cn.needsloop.shared;

/** How soon a need must be answered. */
public enum Urgency {
	LOW, NORMAL, HIGH, URGENT
}
