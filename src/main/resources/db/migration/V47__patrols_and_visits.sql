-- Patrols (巡查) and visits (入户走访 / 电话回访): each working day each grid worker's patrol of the households
-- due a visit (visitFrequency.dmn), the visits recorded on it and the needs found. The households of a patrol
-- are not copied: they are the grid's households due on the patrol's day (household.next_visit_on).
-- Runs unchanged on H2 and MySQL 8 / MariaDB.

create table patrol (
    id bigint auto_increment primary key,
    grid_code varchar(32) not null,
    community_code varchar(32) not null,
    worker_user varchar(64) not null,
    patrol_day date not null,
    status varchar(16) not null,
    process_instance_id varchar(64),
    due_at datetime(3) not null,
    escalated_to varchar(16),
    done_at datetime(3),
    note varchar(1000),
    constraint uq_patrol_worker_day unique (worker_user, patrol_day)
);
create index ix_patrol_grid_day on patrol (grid_code, patrol_day);

create table visit (
    id bigint auto_increment primary key,
    patrol_id bigint not null,
    household_id bigint not null,
    worker_user varchar(64) not null,
    kind varchar(16) not null,
    result varchar(16) not null,
    note varchar(1000),
    need_id bigint,
    visited_at datetime(3) not null,
    constraint fk_visit_patrol foreign key (patrol_id) references patrol (id),
    constraint fk_visit_household foreign key (household_id) references household (id)
);
create index ix_visit_patrol on visit (patrol_id);
create index ix_visit_household on visit (household_id, visited_at);
