-- Notifications that reach people outside the app (e-mail, SMS, WeChat template messages).
-- notification_preference: each person's channels, addresses (personal data: shown only to the person and the
-- administrators) and quiet hours (minutes after midnight, China time; null = none).
-- notification_outbox: one row per message and channel, written in the transaction of the step that caused it,
-- delivered after commit by whichever node claims it (lease_owner, lease_until_ms), at most once:
--   PENDING -> CLAIMED (a node's lease) -> SENDING (attempts + 1, just before the send) -> SENT
--   a failed send: SENDING -> PENDING again after next_attempt_ms (backoff), or FAILED after the last attempt (the
--   manager sees it and may send it again)
--   a node that stopped: CLAIMED with its lease run out -> PENDING (it had not begun); SENDING with its lease run
--   out -> UNCERTAIN (it may have gone out): never sent again by itself, the manager decides (retry or dismiss).
-- notification_digest_day: the steward digest of a day, inserted by the one node that writes it.
-- Runs unchanged on H2 and MySQL 8 / MariaDB.

create table notification_preference (
    user_id varchar(64) primary key,
    email_enabled boolean not null,
    sms_enabled boolean not null,
    wechat_enabled boolean not null,
    email varchar(254),
    phone varchar(32),
    wechat_open_id varchar(64),
    quiet_start_min int,
    quiet_end_min int,
    digest boolean not null,
    locale varchar(35),
    updated_at datetime(3) not null
);

create table notification_outbox (
    id bigint auto_increment primary key,
    recipient_user varchar(64) not null,
    channel varchar(16) not null,
    kind varchar(16) not null,
    subject varchar(200) not null,
    body varchar(4000) not null,
    urgent boolean not null,
    state varchar(16) not null,
    attempts int not null,
    next_attempt_ms bigint not null,
    lease_owner varchar(100),
    lease_until_ms bigint,
    last_error varchar(1000),
    created_at datetime(3) not null,
    sent_at datetime(3),
    sent_by varchar(100)
);
create index ix_notification_outbox_due on notification_outbox (state, next_attempt_ms);
create index ix_notification_outbox_lease on notification_outbox (state, lease_until_ms);
create index ix_notification_outbox_user on notification_outbox (recipient_user, created_at);

create table notification_digest_day (
    digest_day date primary key,
    written_by varchar(100) not null,
    written_at datetime(3) not null,
    messages int not null
);
