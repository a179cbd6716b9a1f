package cn.needsloop.shared;

/** How a need came in: the three lines and one station (三线一站), the one-window desk, or online. */
public enum Channel {
	STEWARD_STATION, PARTY, SELF_GOVERNANCE, SOCIAL_ORGANIZATION, ONE_WINDOW, ONLINE
}
