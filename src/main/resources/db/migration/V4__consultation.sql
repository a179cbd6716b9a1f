-- Community consultation (社区协商): a topic, its catalog check, participants, rounds (agenda,
-- meeting, votes, result), objections against the publicised result, its application and history.
-- Runs unchanged on H2 and MySQL 8 / MariaDB.

create table consultation (
    id bigint auto_increment primary key,
    process_instance_id varchar(64),
    community_code varchar(32) not null,
    topic varchar(200) not null,
    topic_type varchar(32) not null,
    description varchar(2000) not null,
    project_id bigint,
    proposed_by varchar(64) not null,
    status varchar(16) not null,
    in_catalog boolean,
    catalog_reason varchar(1000),
    consultation_level varchar(16),
    required_kinds varchar(200),
    notice_days int,
    publicity_days int,
    round int not null,
    result varchar(16),
    result_reason varchar(1000),
    publicity_ends_at datetime(3),
    application_report varchar(4000),
    applied_by varchar(64),
    applied_at datetime(3),
    reported_back_at datetime(3),
    concluded_at datetime(3),
    closed_at datetime(3),
    created_at datetime(3) not null,
    version int not null,
    constraint fk_consultation_community foreign key (community_code) references community (code)
);
create index ix_consultation_community_status on consultation (community_code, status);
create index ix_consultation_project on consultation (project_id);
create index ix_consultation_concluded on consultation (concluded_at);

create table consultation_participant (
    consultation_id bigint not null,
    idx int not null,
    name varchar(100) not null,
    kind varchar(32) not null,
    primary key (consultation_id, idx),
    constraint fk_participant_consultation foreign key (consultation_id) references consultation (id)
);

create table consultation_round (
    consultation_id bigint not null,
    idx int not null,
    round_no int not null,
    agenda varchar(4000) not null,
    meeting_at datetime(3) not null,
    published_by varchar(64),
    published_at datetime(3) not null,
    attendees int,
    opinions varchar(4000),
    votes_for int,
    votes_against int,
    votes_abstain int,
    recorded_by varchar(64),
    recorded_at datetime(3),
    result varchar(16),
    reason varchar(1000),
    primary key (consultation_id, idx),
    constraint fk_round_consultation foreign key (consultation_id) references consultation (id)
);

create table consultation_objection (
    consultation_id bigint not null,
    idx int not null,
    round_no int not null,
    objection_text varchar(2000) not null,
    raised_by varchar(64) not null,
    raised_at datetime(3) not null,
    primary key (consultation_id, idx),
    constraint fk_objection_consultation foreign key (consultation_id) references consultation (id)
);

create table consultation_history (
    consultation_id bigint not null,
    idx int not null,
    activity varchar(200) not null,
    actor varchar(64),
    at datetime(3) not null,
    primary key (consultation_id, idx),
    constraint fk_consultation_history foreign key (consultation_id) references consultation (id)
);

-- A service project that goes through consultation: the consultation, and its reasons when it did not agree.
alter table service_project add consultation_id bigint;
alter table service_project add consultation_note varchar(1000);
