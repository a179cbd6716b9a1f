-- Work-item admission (社区工作事项准入) and the certificate catalog (证明材料清单).
-- Runs unchanged on H2 (embedded default) and MySQL 8 / MariaDB, like V1.

create table work_item (
    id bigint auto_increment primary key,
    process_instance_id varchar(64),
    department varchar(100) not null,
    title varchar(200) not null,
    legal_basis varchar(1000) not null,
    item_type varchar(40),
    purchased_service boolean not null,
    funding_yuan decimal(14, 2),
    status varchar(32) not null,
    admitted boolean,
    rule_id varchar(40),
    rule_text varchar(1000),
    decision_definition_id varchar(64),
    decision_definition_key varchar(64),
    decision_version int,
    contract_note varchar(1000),
    contract_reviewed_by varchar(64),
    submitted_by varchar(64) not null,
    submitted_at datetime(3) not null,
    decided_at datetime(3),
    concluded_at datetime(3),
    version int not null
);
create index ix_work_item_submitted_at on work_item (submitted_at, status);
create index ix_work_item_submitted_by on work_item (submitted_by);

create table work_item_community (
    work_item_id bigint not null,
    community_code varchar(32) not null,
    primary key (work_item_id, community_code),
    constraint fk_wic_work_item foreign key (work_item_id) references work_item (id),
    constraint fk_wic_community foreign key (community_code) references community (code)
);

create table admission_review (
    id bigint auto_increment primary key,
    process_instance_id varchar(64),
    review_year int not null,
    requested_count int not null,
    admitted_count int not null,
    purchased_service_count int not null,
    refused_count int not null,
    refused_summary varchar(2000),
    revision_note varchar(4000),
    reviewed_by varchar(64),
    started_at datetime(3) not null,
    reviewed_at datetime(3),
    version int not null
);
create index ix_admission_review_year on admission_review (review_year);

create table certificate_request (
    id bigint auto_increment primary key,
    process_instance_id varchar(64),
    community_code varchar(32) not null,
    kind varchar(40) not null,
    kind_name varchar(100),
    applicant_name varchar(50) not null,
    applicant_phone varchar(30) not null,
    applicant_user varchar(64) not null,
    purpose varchar(500) not null,
    status varchar(32) not null,
    listed boolean not null,
    rule_text varchar(1000) not null,
    refer_to varchar(500),
    decision_definition_id varchar(64),
    decision_version int,
    decline_reason varchar(1000),
    decided_by varchar(64),
    requested_at datetime(3) not null,
    decided_at datetime(3),
    version int not null,
    constraint fk_certificate_community foreign key (community_code) references community (code)
);
create index ix_certificate_community_status on certificate_request (community_code, status);
create index ix_certificate_applicant on certificate_request (applicant_user);
