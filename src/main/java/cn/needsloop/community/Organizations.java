package cn.needsloop.community;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Organizations extends JpaRepository<Organization, String> {

	Optional<Organization> findByAccountUser(String accountUser);
}
