package cn.needsloop.design;

/** Where a service project stands. */
public enum ProjectStatus {
	DESIGN, APPROVAL, PUBLISHED, IN_PROGRESS, EVALUATION, RECTIFICATION, CLOSED, FAILED
}
