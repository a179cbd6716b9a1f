-- A need's history keeps what happened as a message key with its arguments (JSON), rendered in the reader's
-- language; activity keeps the Chinese text as written (older entries have only that).
alter table need_history add column wording varchar(2000);

-- the same for a consultation's history: activity keeps the text of older entries, the key of newer ones
alter table consultation_history add column wording varchar(2000);

-- notifications: title and body as wordings, read in the reader's language (title and body keep the Chinese text)
alter table notification add column title_wording varchar(1000);
alter table notification add column body_wording varchar(2000);
