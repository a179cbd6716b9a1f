-- A consultation the application words (a service project as its topic) keeps its description as a message key
-- with its arguments (JSON), read in the reader's language; description keeps the Chinese text (older rows: only it).
alter table consultation add column description_wording varchar(4000);
