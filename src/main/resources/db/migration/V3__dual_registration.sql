-- 双报到 dual registration of party organisations and members, volunteer dispatch and hours served.
-- Runs unchanged on H2 and MySQL 8 / MariaDB.

create table party_registration (
    id bigint auto_increment primary key,
    community_code varchar(32) not null,
    kind varchar(16) not null,
    style varchar(16) not null,
    name varchar(100) not null,
    unit varchar(100) not null,
    phone varchar(30) not null,
    username varchar(64),
    offers varchar(2000),
    status varchar(16) not null,
    organization_code varchar(32),
    registered_by varchar(64) not null,
    registered_at datetime(3) not null,
    version int not null,
    constraint fk_registration_community foreign key (community_code) references community (code)
);
create index ix_registration_community on party_registration (community_code, status, kind);
create index ix_registration_username on party_registration (username);
create index ix_registration_registered_at on party_registration (registered_at);

create table party_registration_skill (
    registration_id bigint not null,
    skill varchar(50) not null,
    primary key (registration_id, skill),
    constraint fk_regskill_registration foreign key (registration_id) references party_registration (id)
);
create index ix_regskill_skill on party_registration_skill (skill);

create table dispatch (
    id bigint auto_increment primary key,
    process_instance_id varchar(64),
    community_code varchar(32) not null,
    need_id bigint,
    project_id bigint,
    skill varchar(50) not null,
    people int not null,
    service_at datetime(3) not null,
    status varchar(16) not null,
    round int not null,
    accepted_count int not null,
    resolution varchar(16),
    resolution_note varchar(1000),
    requested_by varchar(64) not null,
    requested_at datetime(3) not null,
    closed_at datetime(3),
    version int not null,
    constraint fk_dispatch_community foreign key (community_code) references community (code)
);
create index ix_dispatch_community on dispatch (community_code, requested_at);

create table dispatch_offer (
    id bigint auto_increment primary key,
    dispatch_id bigint not null,
    registration_id bigint not null,
    round int not null,
    status varchar(16) not null,
    invited_at datetime(3) not null,
    due_at datetime(3) not null,
    answered_at datetime(3),
    answered_by varchar(64),
    note varchar(1000),
    version int not null,
    constraint uk_offer_dispatch_registration unique (dispatch_id, registration_id),
    constraint fk_offer_dispatch foreign key (dispatch_id) references dispatch (id),
    constraint fk_offer_registration foreign key (registration_id) references party_registration (id)
);
create index ix_offer_invited_at on dispatch_offer (invited_at);
create index ix_offer_registration on dispatch_offer (registration_id);

create table service_hours (
    id bigint auto_increment primary key,
    dispatch_id bigint not null,
    registration_id bigint not null,
    community_code varchar(32) not null,
    unit varchar(100) not null,
    hours decimal(6, 2) not null,
    recorded_by varchar(64) not null,
    recorded_at datetime(3) not null,
    constraint uk_hours_dispatch_registration unique (dispatch_id, registration_id),
    constraint fk_hours_dispatch foreign key (dispatch_id) references dispatch (id),
    constraint fk_hours_registration foreign key (registration_id) references party_registration (id)
);
create index ix_hours_community on service_hours (community_code, recorded_at);
