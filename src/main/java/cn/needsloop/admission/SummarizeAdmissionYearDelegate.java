package cn.needsloop.admission;

import cn.needsloop.shared.ChinaTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.Wording;

/**
 * 每年1月汇总: counts last year's requested, admitted, purchased-service and refused work items
 * (Beijing time) and lists the most asked-for refused items, as the basis for revising the list. The summary and
 * the review's title are for the revision's Tasklist form, which shows them as they are: in the deployment's
 * language (zh-CN).
 */
@Component("summarizeAdmissionYearDelegate")
class SummarizeAdmissionYearDelegate implements JavaDelegate {

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final WorkItems workItems;

	private final AdmissionReviews reviews;

	private final MessageSource messages;

	SummarizeAdmissionYearDelegate(WorkItems workItems, AdmissionReviews reviews, MessageSource messages) {
		this.workItems = workItems;
		this.reviews = reviews;
		this.messages = messages;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Instant now = TimeLimits.nowInstant();
		int year = now.atZone(ChinaTime.ZONE).getYear() - 1;
		Instant from = LocalDate.of(year, 1, 1).atStartOfDay(ChinaTime.ZONE).toInstant();
		Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(ChinaTime.ZONE).toInstant();
		Map<WorkItemStatus, Long> counts = new EnumMap<>(WorkItemStatus.class);
		workItems.countByStatus(from, to).forEach(c -> counts.put(c.getStatus(), c.getCount()));
		int requested = Math.toIntExact(counts.values().stream().mapToLong(Long::longValue).sum());
		int admitted = Math.toIntExact(counts.getOrDefault(WorkItemStatus.ADMITTED, 0L));
		int purchased = Math.toIntExact(counts.getOrDefault(WorkItemStatus.PURCHASED_SERVICE, 0L));
		int refused = Math.toIntExact(counts.getOrDefault(WorkItemStatus.REFUSED, 0L));
		String refusedSummary = workItems.refusedTitles(from, to).stream()
			.limit(20)
			.map(r -> text(Wording.of("admission.review.refusedItem", r.getTitle(), r.getDepartment(), r.getCount())))
			.collect(Collectors.joining(text(Wording.of("list.itemSeparator"))));
		if (refusedSummary.length() > 2000) {
			refusedSummary = refusedSummary.substring(0, 2000);
		}
		AdmissionReview review = reviews.save(new AdmissionReview(execution.getProcessInstanceId(), year, requested,
				admitted, purchased, refused, refusedSummary.isEmpty() ? null : refusedSummary, now));
		execution.setVariable(Var.REVIEW_ID, review.getId());
		execution.setVariable(Var.REVIEW_YEAR, year);
		execution.setVariable(Var.REQUESTED_COUNT, requested);
		execution.setVariable(Var.ADMITTED_COUNT, admitted);
		execution.setVariable(Var.PURCHASED_SERVICE_COUNT, purchased);
		execution.setVariable(Var.REFUSED_COUNT, refused);
		execution.setVariable(Var.REFUSED_SUMMARY,
				refusedSummary.isEmpty() ? text(Wording.of("admission.review.refusedNone")) : refusedSummary);
		execution.setVariable(Var.SUBJECT_TITLE, text(Wording.of("admission.review.subjectTitle", year)));
	}

	private String text(Wording wording) {
		return wording.render(messages, CHINESE);
	}
}
