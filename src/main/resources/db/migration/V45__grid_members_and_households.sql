-- Field work (全科网格): the grid workers (网格员) of each grid and the register of households (户) with their
-- addresses (urban: building / unit / room; rural: villager group / house number), head, phone (personal
-- data) and care tags (关爱对象标签); every view of a household's record is logged.
-- Runs unchanged on H2 and MySQL 8 / MariaDB.

create table grid_member (
    id bigint auto_increment primary key,
    grid_code varchar(32) not null,
    community_code varchar(32) not null,
    user_id varchar(64) not null,
    added_by varchar(64) not null,
    added_at datetime(3) not null,
    constraint uq_grid_member unique (grid_code, user_id)
);
create index ix_grid_member_user on grid_member (user_id);

create table household (
    id bigint auto_increment primary key,
    community_code varchar(32) not null,
    grid_code varchar(32) not null,
    building varchar(32),
    unit varchar(16),
    room varchar(16),
    villager_group varchar(32),
    house_no varchar(16),
    address_key varchar(120) not null,
    head_name varchar(50) not null,
    phone varchar(30),
    care_tags varchar(200) not null,
    visit_interval_days int not null,
    visit_kind varchar(16) not null,
    last_visited_on date,
    next_visit_on date not null,
    created_at datetime(3) not null,
    constraint uq_household_address unique (grid_code, address_key)
);
create index ix_household_due on household (grid_code, next_visit_on);
create index ix_household_community on household (community_code, grid_code);

-- who looked at a household's personal data: one row per record opened, one per list (household_id null)
create table household_view (
    id bigint auto_increment primary key,
    viewed_by varchar(64) not null,
    household_id bigint,
    grid_code varchar(32) not null,
    community_code varchar(32) not null,
    record_count int not null,
    what varchar(32) not null,
    viewed_at datetime(3) not null
);
create index ix_household_view_at on household_view (viewed_at);
create index ix_household_view_household on household_view (household_id);
