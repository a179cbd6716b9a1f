package cn.needsloop.registration;

import cn.needsloop.shared.ChinaTime;
import java.time.LocalDateTime;

import org.springframework.format.annotation.DateTimeFormat;

import cn.needsloop.registration.RegistrationRequests.RequestDispatch;
import cn.needsloop.system.PageDates;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The page form for a dispatch: the fields of {@link RequestDispatch}, the service time in Beijing time. */
public class DispatchForm implements java.io.Serializable {

	/** Kept in the session (in the database) as a flash attribute after a refused form. */
	private static final long serialVersionUID = 1L;

	@NotBlank
	@Size(max = 32)
	private String communityCode;

	private Long needId;

	private Long projectId;

	@NotBlank
	@Size(max = 50)
	private String skill;

	@NotNull
	@Min(1)
	@Max(100)
	private Integer people = 1;

	@NotNull
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private LocalDateTime at;

	RequestDispatch toRequest() {
		return new RequestDispatch(communityCode, needId, projectId, skill, people, at.atZone(ChinaTime.ZONE).toInstant());
	}

	public String getCommunityCode() {
		return communityCode;
	}

	public void setCommunityCode(String communityCode) {
		this.communityCode = communityCode;
	}

	public Long getNeedId() {
		return needId;
	}

	public void setNeedId(Long needId) {
		this.needId = needId;
	}

	public Long getProjectId() {
		return projectId;
	}

	public void setProjectId(Long projectId) {
		this.projectId = projectId;
	}

	public String getSkill() {
		return skill;
	}

	public void setSkill(String skill) {
		this.skill = skill;
	}

	public Integer getPeople() {
		return people;
	}

	public void setPeople(Integer people) {
		this.people = people;
	}

	public LocalDateTime getAt() {
		return at;
	}

	public void setAt(LocalDateTime at) {
		this.at = at;
	}
}
