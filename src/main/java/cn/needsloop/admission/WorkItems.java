package cn.needsloop.admission;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import cn.needsloop.shared.ProblemException;

public interface WorkItems extends JpaRepository<WorkItem, Long> {

	default WorkItem require(Long id) {
		return findById(id).orElseThrow(() -> ProblemException.notFound("workItem", id));
	}

	/** The items a department submitted or that concern one of the communities, newest first. */
	@Query("select distinct w from WorkItem w left join w.communityCodes c where w.submittedBy = :user or c in :communities order by w.id desc")
	List<WorkItem> findSubmittedByOrConcerning(String user, Collection<String> communities, Limit limit);

	List<WorkItem> findAllByOrderByIdDesc(Limit limit);

	/** How many items of a period ended in each status, for the annual review. */
	@Query("select w.status as status, count(w) as count from WorkItem w where w.submittedAt >= :from and w.submittedAt < :to group by w.status")
	List<StatusCount> countByStatus(Instant from, Instant to);

	/** The refused items of a period, most asked-for title first: candidates for the revised list. */
	@Query("select w.title as title, w.department as department, count(w) as count from WorkItem w where w.submittedAt >= :from and w.submittedAt < :to and w.status = cn.needsloop.admission.WorkItemStatus.REFUSED group by w.title, w.department order by count(w) desc, w.title")
	List<RefusedTitle> refusedTitles(Instant from, Instant to);

	interface StatusCount {

		WorkItemStatus getStatus();

		long getCount();
	}

	interface RefusedTitle {

		String getTitle();

		String getDepartment();

		long getCount();
	}
}
