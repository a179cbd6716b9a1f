package cn.needsloop.community;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Names of communities and grids for pages: a steward reads “幸福社区 · 第一网格”, not
 * “xingfu xingfu-01”. Pages call it as {@code ${@places.community(code)}}; an unknown code reads as
 * itself. A name, once found, is kept (communities and grids are reference data).
 */
@Component("places")
public class Places {

	private final Communities communities;

	private final Grids grids;

	private final Map<String, String> communityNames = new ConcurrentHashMap<>();

	private final Map<String, String> gridNames = new ConcurrentHashMap<>();

	Places(Communities communities, Grids grids) {
		this.communities = communities;
		this.grids = grids;
	}

	public String community(String code) {
		if (code == null || code.isBlank()) {
			return "";
		}
		String name = communityNames.get(code);
		if (name == null) {
			name = communities.findById(code).map(Community::getName).orElse(null);
			if (name == null) {
				return code;
			}
			communityNames.put(code, name);
		}
		return name;
	}

	public String grid(String code) {
		if (code == null || code.isBlank()) {
			return "";
		}
		String name = gridNames.get(code);
		if (name == null) {
			name = grids.findById(code).map(Grid::getName).orElse(null);
			if (name == null) {
				return code;
			}
			gridNames.put(code, name);
		}
		return name;
	}

	/** Every community's name by its code, as the register lists them (for choices, tables and exports). */
	public Map<String, String> communityNames() {
		Map<String, String> names = new java.util.LinkedHashMap<>();
		communities.findAll().forEach(c -> names.put(c.getCode(), c.getName()));
		return names;
	}

	/** Every grid's name by its code, as the register lists them. */
	public Map<String, String> gridNames() {
		Map<String, String> names = new java.util.LinkedHashMap<>();
		grids.findAll().forEach(g -> names.put(g.getCode(), g.getName()));
		return names;
	}
}
