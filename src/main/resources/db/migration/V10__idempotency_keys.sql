-- Idempotency keys (Idempotency-Key header of the API, hidden field of the report page): a request sent
-- again with the same key by the same user gets the first answer instead of creating a second record.
-- A row is claimed (PENDING) before the request runs, marked EXECUTED in the transaction that writes its
-- records, and holds the answer once it is DONE. Every node of a cluster reads the same rows.
-- Rows older than needsloop.idempotency.retention (24 h) are removed. Runs unchanged on H2 and MySQL 8 / MariaDB.

create table idempotency_key (
    user_id varchar(64) not null,
    idem_key varchar(64) not null,
    request_hash char(64) not null,
    owner varchar(36) not null,
    state varchar(16) not null,
    response_status int,
    response_location varchar(500),
    response_content_type varchar(100),
    response_body mediumtext,
    created_at datetime(3) not null,
    updated_at datetime(3) not null,
    primary key (user_id, idem_key)
);
create index ix_idempotency_key_created on idempotency_key (created_at);
