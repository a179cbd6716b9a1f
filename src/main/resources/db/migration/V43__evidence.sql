-- Evidence (现场照片与凭证): photos and PDF documents on a need's or a project's steps. evidence_file says what a file
-- is and whose case it belongs to; evidence_content holds the bytes (the database store, EvidenceStore): every node
-- of a cluster reads the same files. Images are kept re-encoded (no EXIF, no GPS), with a thumbnail.
create table evidence_file (
    id bigint auto_increment primary key,
    case_kind varchar(16) not null,
    case_id bigint not null,
    community_code varchar(64) not null,
    step varchar(32) not null,
    -- the task whose completion took this file as its evidence; null while the file waits for its step
    task_id varchar(64),
    content_type varchar(64) not null,
    size_bytes bigint not null,
    width int,
    height int,
    file_name varchar(200) not null,
    sha256 varchar(64) not null,
    storage_key varchar(64) not null,
    public_photo boolean not null,
    uploaded_by varchar(64) not null,
    uploaded_at datetime(3) not null
);
create index ix_evidence_file_case on evidence_file (case_kind, case_id, step);

create table evidence_content (
    storage_key varchar(64) primary key,
    content longblob not null,
    thumbnail mediumblob
);
