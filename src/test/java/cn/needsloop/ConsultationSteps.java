package cn.needsloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

import cn.needsloop.calendar.WorkingCalendar;
import cn.needsloop.consultation.ConsultationRequests.FixParticipants;
import cn.needsloop.consultation.ConsultationRequests.Participant;
import cn.needsloop.consultation.ConsultationRequests.PublishAgenda;
import cn.needsloop.consultation.ConsultationRequests.RecordMeeting;
import cn.needsloop.consultation.ConsultationService;
import cn.needsloop.consultation.ParticipantKind;
import cn.needsloop.system.Actor;

/**
 * Runs a consultation round for process tests of projects that go through consultation: the
 * self-governance line fixes ten participants, publishes the agenda with notice, the meeting timer
 * fires and the votes are recorded.
 */
final class ConsultationSteps {

	static final Actor SELFGOV = new Actor("selfgov1", List.of("selfgov:xingfu"));

	private final ConsultationService consultations;

	private final ManagementService management;

	private final WorkingCalendar calendar;

	ConsultationSteps(ConsultationService consultations, ManagementService management, WorkingCalendar calendar) {
		this.consultations = consultations;
		this.management = management;
		this.calendar = calendar;
	}

	void consult(Long consultationId, int attendees, int votesFor, int votesAgainst, int votesAbstain) {
		consultations.fixParticipants(consultationId, new FixParticipants(List.of(
				new Participant("王建国", ParticipantKind.RESIDENT_REPRESENTATIVE),
				new Participant("刘芳", ParticipantKind.RESIDENT_REPRESENTATIVE),
				new Participant("李红", ParticipantKind.PARTY_MEMBER),
				new Participant("阳光社工服务中心", ParticipantKind.SOCIAL_ORGANIZATION),
				new Participant("2号楼住户", ParticipantKind.STAKEHOLDER),
				new Participant("陈明", ParticipantKind.STAKEHOLDER),
				new Participant("赵强", ParticipantKind.PARTY_MEMBER),
				new Participant("孙丽", ParticipantKind.STAKEHOLDER),
				new Participant("周敏", ParticipantKind.RESIDENT_REPRESENTATIVE),
				new Participant("吴刚", ParticipantKind.STAKEHOLDER))), SELFGOV);
		ZonedDateTime now = ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), WorkingCalendar.CHINA);
		consultations.publishAgenda(consultationId, new PublishAgenda(List.of("项目方案说明", "表决"),
				calendar.plusWorkingDays(now, 5).toLocalDate().atTime(9, 30).atZone(WorkingCalendar.CHINA).toOffsetDateTime()),
				SELFGOV);
		fire(consultationId, "timer_untilMeeting");
		consultations.recordMeeting(consultationId,
				new RecordMeeting(attendees, "各方意见", votesFor, votesAgainst, votesAbstain), SELFGOV);
	}

	void passPublicity(Long consultationId) {
		fire(consultationId, "timer_publicityPeriod");
	}

	void fire(Long consultationId, String timer) {
		String pid = consultations.view(consultationId).processInstanceId();
		Job job = management.createJobQuery().processInstanceId(pid).activityId(timer).singleResult();
		assertThat(job).as("timer %s", timer).isNotNull();
		ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 60_000));
		management.executeJob(job.getId());
	}
}
