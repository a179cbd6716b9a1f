package cn.needsloop.routing;

/** 重新派单: what the steward does with a returned task. */
public enum RerouteDecision {
	/** 改派: to another line, which then holds the step. */
	ANOTHER_LINE,
	/** 重新分类: back to classification, and routing by the new category. */
	RECLASSIFY,
	/** 转办: to another community, which verifies it anew. */
	TRANSFER
}
