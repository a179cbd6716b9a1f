-- Needs Loop domain schema. Runs unchanged on H2 (embedded default) and MySQL 8 / MariaDB.
-- Camunda's ACT_* tables are created by the engine itself.

create table community (
    code varchar(32) not null primary key,
    name varchar(100) not null,
    kind varchar(16) not null
);

create table grid (
    code varchar(32) not null primary key,
    community_code varchar(32) not null,
    name varchar(100) not null,
    constraint fk_grid_community foreign key (community_code) references community (code)
);

create table organization (
    code varchar(32) not null primary key,
    name varchar(100) not null,
    kind varchar(32) not null,
    account_user varchar(64) not null,
    constraint uk_organization_account unique (account_user)
);

create table organization_category (
    organization_code varchar(32) not null,
    category varchar(32) not null,
    primary key (organization_code, category),
    constraint fk_orgcat_organization foreign key (organization_code) references organization (code)
);

create table need (
    id bigint auto_increment primary key,
    process_instance_id varchar(64),
    community_code varchar(32) not null,
    grid_code varchar(32),
    channel varchar(32) not null,
    title varchar(200) not null,
    description varchar(2000) not null,
    reporter_name varchar(50) not null,
    reporter_phone varchar(30) not null,
    reporter_user varchar(64) not null,
    household_count int,
    status varchar(16) not null,
    phase varchar(16) not null,
    line varchar(32),
    category varchar(32),
    urgency varchar(16),
    scope varchar(16),
    proposed_category varchar(32),
    proposed_urgency varchar(16),
    proposed_scope varchar(16),
    proposed_line varchar(32),
    pooled boolean not null,
    project_id bigint,
    duplicate_of_id bigint,
    outcome varchar(16),
    round int not null,
    verification_verdict varchar(16),
    verification_note varchar(1000),
    resolution_note varchar(1000),
    need_score int,
    confirmation_comment varchar(1000),
    reported_at datetime(3) not null,
    verification_due_at datetime(3),
    verified_at datetime(3),
    categorized_at datetime(3),
    evaluated_at datetime(3),
    closed_at datetime(3),
    version int not null,
    constraint fk_need_community foreign key (community_code) references community (code)
);
create index ix_need_community_status on need (community_code, status, phase);
create index ix_need_reported_at on need (reported_at);
create index ix_need_project on need (project_id);
create index ix_need_reporter on need (reporter_user);

create table need_history (
    id bigint auto_increment primary key,
    need_id bigint not null,
    round int not null,
    phase varchar(16) not null,
    activity varchar(200) not null,
    line varchar(32),
    actor varchar(64),
    at datetime(3) not null,
    constraint fk_history_need foreign key (need_id) references need (id)
);
create index ix_history_need on need_history (need_id, at);

create table service_project (
    id bigint auto_increment primary key,
    process_instance_id varchar(64),
    community_code varchar(32) not null,
    title varchar(200) not null,
    goal varchar(1000) not null,
    plan varchar(4000) not null,
    category varchar(32) not null,
    budget_yuan decimal(14, 2) not null,
    household_count int not null,
    public_affairs boolean not null,
    planned_end date not null,
    status varchar(16) not null,
    approval_note varchar(1000),
    claimant_code varchar(32),
    implementer_user varchar(64),
    claim_deadline datetime(3),
    published_at datetime(3),
    claimed_at datetime(3),
    claimed_in_time boolean,
    completed_at datetime(3),
    completion_report varchar(4000),
    rectification_report varchar(4000),
    evaluation_round int not null,
    verdict varchar(16),
    created_by varchar(64) not null,
    created_at datetime(3) not null,
    closed_at datetime(3),
    version int not null,
    constraint fk_project_community foreign key (community_code) references community (code)
);
create index ix_project_status on service_project (status, community_code);
create index ix_project_claimant on service_project (claimant_code);

create table project_milestone (
    project_id bigint not null,
    idx int not null,
    title varchar(200) not null,
    note varchar(2000),
    social_workers int,
    volunteers int,
    reported_by varchar(64),
    reported_at datetime(3),
    primary key (project_id, idx),
    constraint fk_milestone_project foreign key (project_id) references service_project (id)
);

create table evaluation (
    id bigint auto_increment primary key,
    project_id bigint not null,
    need_id bigint,
    perspective varchar(16) not null,
    evaluation_round int not null,
    score int not null,
    comment varchar(1000),
    rater varchar(64) not null,
    created_at datetime(3) not null,
    constraint fk_evaluation_project foreign key (project_id) references service_project (id)
);
create index ix_evaluation_project on evaluation (project_id, evaluation_round);

create table notification (
    id bigint auto_increment primary key,
    recipient_user varchar(64),
    recipient_group varchar(64),
    title varchar(200) not null,
    body varchar(1000) not null,
    need_id bigint,
    project_id bigint,
    task_id varchar(64),
    created_at datetime(3) not null,
    read_at datetime(3)
);
create index ix_notification_user on notification (recipient_user, created_at);
create index ix_notification_group on notification (recipient_group, created_at);
