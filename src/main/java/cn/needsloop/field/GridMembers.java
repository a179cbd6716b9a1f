package cn.needsloop.field;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface GridMembers extends JpaRepository<GridMember, Long> {

	List<GridMember> findByGridCodeOrderByUserId(String gridCode);

	List<GridMember> findByUserId(String userId);

	Optional<GridMember> findByGridCodeAndUserId(String gridCode, String userId);

	List<GridMember> findAllByOrderByGridCodeAscUserIdAsc();
}
