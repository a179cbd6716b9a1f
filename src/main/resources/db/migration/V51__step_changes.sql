-- Extension, return and transfer of a need's steps (延期、退单、转办): one row per request, return or transfer,
-- in the community the need was in when it happened, for the rules (at most one extension per step, by
-- stepExtension.dmn) and the dashboard (extended steps beside overdue ones; returns per line and category).
-- Runs unchanged on H2 and MySQL 8 / MariaDB.

create table step_change (
    id bigint auto_increment primary key,
    kind varchar(16) not null,
    status varchar(16) not null,
    need_id bigint not null,
    community_code varchar(32) not null,
    step varchar(64) not null,
    task_id varchar(64),
    line varchar(32),
    category varchar(32),
    reason varchar(1000) not null,
    requested_by varchar(64) not null,
    requested_at datetime(3) not null,
    due_before datetime(3),
    due_asked datetime(3),
    target_community varchar(32),
    decided_by varchar(64),
    decided_at datetime(3),
    decision_note varchar(1000)
);
create index ix_step_change_task on step_change (task_id, kind);
create index ix_step_change_need on step_change (need_id, kind);
create index ix_step_change_community on step_change (community_code, kind, requested_at);
