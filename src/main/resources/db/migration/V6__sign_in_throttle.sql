-- Sign-in limits (SignInThrottle): wrong passwords counted per client address and account, per client
-- address and per account, and the pause each count has earned. In the database, so that every node of a
-- cluster applies the same limits. Times are epoch milliseconds (UTC), the same on every node.
-- Runs unchanged on H2 and MySQL 8 / MariaDB.

create table sign_in_throttle (
    throttle_key varchar(200) primary key,
    kind varchar(16) not null,
    client varchar(64),
    account varchar(64),
    failures int not null,
    first_failure_ms bigint not null,
    last_failure_ms bigint not null,
    locked_until_ms bigint
);
create index ix_sign_in_throttle_last_failure on sign_in_throttle (last_failure_ms);
create index ix_sign_in_throttle_locked_until on sign_in_throttle (locked_until_ms);
