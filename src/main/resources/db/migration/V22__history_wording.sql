-- A need's history keeps what happened as a message key with its arguments (JSON), rendered in the reader's
-- language; activity keeps the Chinese text as written (older entries have only that).
alter table need_history add column wording varchar(2000);

-- the same for a consultation's history: activity keeps the text of older entries, the key of newer ones
alter table consultation_history add column wording varchar(2000);
