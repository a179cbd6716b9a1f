package cn.needsloop.shared;

/**
 * How a need came in: the three lines and one station (三线一站), the one-window desk, online, found by a grid
 * worker on patrol (网格巡查发现), or passed on by the 12345 government service hotline (12345 热线转办).
 */
public enum Channel {
	STEWARD_STATION, PARTY, SELF_GOVERNANCE, SOCIAL_ORGANIZATION, ONE_WINDOW, ONLINE, GRID_PATROL, HOTLINE_12345
}
