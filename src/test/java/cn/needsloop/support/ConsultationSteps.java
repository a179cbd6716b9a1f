package cn.needsloop.support;

import cn.needsloop.shared.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

import cn.needsloop.calendar.WorkingCalendar;
import cn.needsloop.community.Communities;
import cn.needsloop.community.Community;
import cn.needsloop.consultation.ConsultationRequests.FixParticipants;
import cn.needsloop.consultation.ConsultationRequests.Participant;
import cn.needsloop.consultation.ConsultationRequests.PublishAgenda;
import cn.needsloop.consultation.ConsultationRequests.RecordMeeting;
import cn.needsloop.consultation.ConsultationService;
import cn.needsloop.consultation.ParticipantKind;
import cn.needsloop.process.AccessBootstrap;
import cn.needsloop.shared.Actor;

/**
 * Runs a consultation round for process tests of projects that go through consultation: the
 * self-governance line fixes ten participants, publishes the agenda with notice, the meeting timer
 * fires and the votes are recorded. Also what every consultation test needs first: the community
 * 幸福社区 and the groups that act in it, with their authorizations.
 */
public final class ConsultationSteps {

	/** Ten participants covering every kind of 协商主体 the catalog may require. */
	public static final List<Participant> PARTICIPANTS = List.of(
			new Participant("王建国", ParticipantKind.RESIDENT_REPRESENTATIVE),
			new Participant("李红", ParticipantKind.PARTY_MEMBER),
			new Participant("幸福物业", ParticipantKind.PROPERTY_COMPANY),
			new Participant("阳光社工服务中心", ParticipantKind.SOCIAL_ORGANIZATION),
			new Participant("3号楼住户代表", ParticipantKind.STAKEHOLDER),
			new Participant("张伟", ParticipantKind.RESIDENT_REPRESENTATIVE),
			new Participant("刘芳", ParticipantKind.RESIDENT_REPRESENTATIVE),
			new Participant("陈明", ParticipantKind.STAKEHOLDER),
			new Participant("赵强", ParticipantKind.PARTY_MEMBER),
			new Participant("孙丽", ParticipantKind.STAKEHOLDER));

	public static final Actor SELFGOV = new Actor("selfgov1", List.of("selfgov:xingfu"));

	private final ConsultationService consultations;

	private final ManagementService management;

	private final WorkingCalendar calendar;

	/** 幸福社区 and the given groups exist, each with its default authorizations. */
	public static void community(Communities communities, IdentityService identity, AccessBootstrap access,
			String... groups) {
		if (!communities.existsById("xingfu")) {
			communities.save(new Community("xingfu", "幸福社区", Community.Kind.URBAN));
		}
		for (String group : groups) {
			if (identity.createGroupQuery().groupId(group).count() == 0) {
				identity.saveGroup(identity.newGroup(group));
			}
			access.grantDefaults(group);
		}
	}

	public ConsultationSteps(ConsultationService consultations, ManagementService management, WorkingCalendar calendar) {
		this.consultations = consultations;
		this.management = management;
		this.calendar = calendar;
	}

	public void consult(Long consultationId, int attendees, int votesFor, int votesAgainst, int votesAbstain) {
		consultations.fixParticipants(consultationId, new FixParticipants(PARTICIPANTS), SELFGOV);
		ZonedDateTime now = ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ChinaTime.ZONE);
		consultations.publishAgenda(consultationId, new PublishAgenda(List.of("项目方案说明", "表决"),
				calendar.plusWorkingDays(now, 5).toLocalDate().atTime(9, 30).atZone(ChinaTime.ZONE).toOffsetDateTime()),
				SELFGOV);
		fire(consultationId, "timer_untilMeeting");
		consultations.recordMeeting(consultationId,
				new RecordMeeting(attendees, "各方意见", votesFor, votesAgainst, votesAbstain), SELFGOV);
	}

	public void passPublicity(Long consultationId) {
		fire(consultationId, "timer_publicityPeriod");
	}

	public void fire(Long consultationId, String timer) {
		String pid = consultations.view(consultationId, SELFGOV).processInstanceId();
		Job job = management.createJobQuery().processInstanceId(pid).activityId(timer).singleResult();
		assertThat(job).as("timer %s", timer).isNotNull();
		ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 60_000));
		management.executeJob(job.getId());
	}
}
