-- A need's address: a household of the register, or a place in words (3号楼东侧路灯). The household's grid is
-- the need's grid. Runs unchanged on H2 and MySQL 8 / MariaDB.

alter table need add column household_id bigint;
alter table need add column place varchar(200);
create index ix_need_household on need (household_id);
