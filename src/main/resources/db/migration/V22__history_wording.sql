-- A need's history keeps what happened as a message key with its arguments (JSON), rendered in the reader's
-- language; activity keeps the Chinese text as written (older entries have only that).
alter table need_history add column wording varchar(2000);
