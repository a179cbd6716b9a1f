package cn.needsloop.design;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.community.Organization;
import cn.needsloop.community.Organizations;

/**
 * Names for pages: a project by its title ("项目 #2 老年助餐点", not "项目 #2") and its implementer by name
 * ("阳光社工服务中心", not "yangguang"). Pages call it as {@code ${@projectNames.title(id)}} and
 * {@code ${@projectNames.implementer(code)}}; an unknown project has no title, an unknown implementer reads as
 * its code.
 */
@Component("projectNames")
@Transactional(readOnly = true)
public class ProjectNames {

	private final Projects projects;

	private final Organizations organizations;

	ProjectNames(Projects projects, Organizations organizations) {
		this.projects = projects;
		this.organizations = organizations;
	}

	public String title(Long projectId) {
		return projectId == null ? "" : projects.findById(projectId).map(ServiceProject::getTitle).orElse("");
	}

	public String implementer(String code) {
		if (code == null || code.isBlank()) {
			return "";
		}
		return organizations.findById(code).map(Organization::getName).orElse(code);
	}
}
