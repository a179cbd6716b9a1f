package cn.needsloop.design;

/** Where a service project stands. */
public enum ProjectStatus {
	DESIGN, CONSULTATION, APPROVAL, PUBLISHED, IN_PROGRESS, EVALUATION, RECTIFICATION, CLOSED, FAILED
}
