-- Personal data (个人信息): every time a steward reveals a masked phone number, who, when, which
-- record and which field, for managers to read. Rows are only ever added.
-- Runs unchanged on H2 and MySQL 8 / MariaDB.

create table personal_data_reveal (
    id bigint auto_increment primary key,
    revealed_by varchar(64) not null,
    record_type varchar(16) not null,
    record_id bigint not null,
    field varchar(32) not null,
    community_code varchar(32),
    revealed_at datetime(3) not null
);
create index ix_reveal_at on personal_data_reveal (revealed_at);
create index ix_reveal_record on personal_data_reveal (record_type, record_id);
