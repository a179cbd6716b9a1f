package cn.needsloop.system;

import java.util.List;

import org.springframework.data.domain.Page;

/** One page of a list, in a stable JSON shape. */
public record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

	/**
	 * The highest page number any list answers (API and pages): 10,000 pages of the largest size, 200, reach
	 * two million rows, far more than a district has, and an offset the database counts without overflowing.
	 */
	public static final int MAX_PAGE = 10_000;

	/** The largest page of the API's lists. */
	public static final int MAX_SIZE = 200;

	public static <T> PageView<T> of(Page<T> page) {
		return new PageView<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
				page.getTotalPages());
	}
}
