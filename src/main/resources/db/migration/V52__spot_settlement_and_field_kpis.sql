-- Settled on the spot (就地办结): a small need a grid worker found on patrol and settled at once
-- (spot-settlement.dmn), with its after-photo; the resident still confirms it and may reopen it. One row a need,
-- written when the worker's step is completed; the field KPIs read it (on-the-spot rate, discovery to settlement).
-- patrol.due_count: how many households were due a visit when the patrol was planned, for visit coverage.
-- Runs unchanged on H2 and MySQL 8 / MariaDB.

create table spot_settlement (
    id bigint auto_increment primary key,
    need_id bigint not null,
    community_code varchar(32) not null,
    grid_code varchar(32),
    settled_by varchar(64) not null,
    category varchar(32) not null,
    estimated_cost decimal(12,2) not null,
    note varchar(2000) not null,
    found_at datetime(3) not null,
    settled_at datetime(3) not null,
    constraint uq_spot_settlement_need unique (need_id)
);
create index ix_spot_settlement_community on spot_settlement (community_code, settled_at);

alter table patrol add column due_count int;
