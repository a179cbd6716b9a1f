package cn.needsloop.shared;

/** The five steps of the loop: 精准发现, 分类汇总, 统筹设计, 联动实施, 双向评估. */
public enum Phase {
	DISCOVER, CATEGORIZE, DESIGN, IMPLEMENT, EVALUATE
}
