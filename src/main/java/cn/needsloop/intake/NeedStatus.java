package cn.needsloop.intake;

/** Whether a need still has work ahead of it. */
public enum NeedStatus {
	OPEN, CLOSED
}
