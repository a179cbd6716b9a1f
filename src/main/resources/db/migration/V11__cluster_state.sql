-- What the nodes of a cluster share besides Camunda's tables: the session of the pages and of Camunda's
-- webapps (Spring Session JDBC), bulk task jobs and export jobs (each with a lease: the node that runs a job
-- renews it; when the node dies the lease runs out and another node takes the job over), and the lock that
-- lets one node at a time seed users, authorizations and demo data at start.
-- Runs unchanged on H2 and MySQL 8 / MariaDB. Table names of Spring Session in capitals, as it queries them
-- (MySQL table names are case-sensitive on Linux).

create table SPRING_SESSION (
    PRIMARY_ID char(36) not null,
    SESSION_ID char(36) not null,
    CREATION_TIME bigint not null,
    LAST_ACCESS_TIME bigint not null,
    MAX_INACTIVE_INTERVAL int not null,
    EXPIRY_TIME bigint not null,
    PRINCIPAL_NAME varchar(100),
    constraint SPRING_SESSION_PK primary key (PRIMARY_ID)
);
create unique index SPRING_SESSION_IX1 on SPRING_SESSION (SESSION_ID);
create index SPRING_SESSION_IX2 on SPRING_SESSION (EXPIRY_TIME);
create index SPRING_SESSION_IX3 on SPRING_SESSION (PRINCIPAL_NAME);

create table SPRING_SESSION_ATTRIBUTES (
    SESSION_PRIMARY_ID char(36) not null,
    ATTRIBUTE_NAME varchar(200) not null,
    ATTRIBUTE_BYTES longblob not null,
    constraint SPRING_SESSION_ATTRIBUTES_PK primary key (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
    constraint SPRING_SESSION_ATTRIBUTES_FK foreign key (SESSION_PRIMARY_ID) references SPRING_SESSION (PRIMARY_ID)
        on delete cascade
);

-- A bulk action on tasks (BulkJobs): one row per job, one per task it acts on. The acting user's groups are
-- read again from Camunda when another node resumes the job.
create table bulk_job (
    id varchar(36) primary key,
    owner varchar(64) not null,
    action varchar(16) not null,
    locale varchar(35) not null,
    note varchar(1000),
    total int not null,
    done int not null,
    created_at datetime(3) not null,
    finished_at datetime(3),
    lease_owner varchar(100),
    lease_until_ms bigint,
    runs int not null
);
create index ix_bulk_job_unfinished on bulk_job (finished_at, lease_until_ms);
create index ix_bulk_job_created on bulk_job (created_at);

create table bulk_job_item (
    job_id varchar(36) not null,
    idx int not null,
    task_id varchar(64) not null,
    label varchar(500) not null,
    state varchar(16) not null,
    reason varchar(1000),
    primary key (job_id, idx),
    constraint fk_bulk_job_item_job foreign key (job_id) references bulk_job (id) on delete cascade
);

-- An export to a workbook (ExportJobs): what to export (kind and filter, as JSON) so that any node can write
-- it again after a crash, its progress, and the finished file.
create table export_job (
    id varchar(36) primary key,
    owner varchar(64) not null,
    kind varchar(32) not null,
    query_json varchar(4000) not null,
    locale varchar(35) not null,
    file_name varchar(200) not null,
    total bigint not null,
    done bigint not null,
    failure varchar(1000),
    content longblob,
    created_at datetime(3) not null,
    finished_at datetime(3),
    lease_owner varchar(100),
    lease_until_ms bigint,
    runs int not null
);
create index ix_export_job_unfinished on export_job (finished_at, lease_until_ms);
create index ix_export_job_created on export_job (created_at);

-- Named locks taken with SELECT ... FOR UPDATE in a transaction of their own (StartLock)
create table app_lock (
    name varchar(64) primary key
);
insert into app_lock (name) values ('start');
