package cn.needsloop.notification;

import java.util.Collection;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Notifications extends JpaRepository<Notification, Long> {

	@Query("select n from Notification n where n.recipientUser = :user or n.recipientGroup in :groups order by n.createdAt desc, n.id desc")
	Page<Notification> findFor(String user, Collection<String> groups, Pageable pageable);
}
