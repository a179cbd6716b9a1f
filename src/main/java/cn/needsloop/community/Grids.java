package cn.needsloop.community;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Grids extends JpaRepository<Grid, String> {
}
