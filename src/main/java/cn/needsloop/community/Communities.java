package cn.needsloop.community;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Communities extends JpaRepository<Community, String> {
}
