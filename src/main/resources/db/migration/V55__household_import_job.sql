-- Imports of a household register (.xlsx) as jobs in the background (HouseholdImportJobs): the upload keeps the
-- sheet here and answers at once; whichever node holds the job's lease (LeasedJobs) reads and checks every row,
-- writing its progress (phase, rows checked, then written, of the total) to this row for any node to show, then writes the
-- register in one transaction together with the job's outcome (all or nothing). When a node dies its lease runs
-- out and another node starts the job again from the sheet. The report (the refused rows, or what was added and
-- updated) is kept as JSON; the sheet is let go once the job has finished.
-- Runs unchanged on H2 and MySQL 8 / MariaDB.
create table household_import (
    id varchar(36) primary key,
    community_code varchar(32) not null,
    uploaded_by varchar(64) not null,
    locale varchar(35) not null,
    file_name varchar(200),
    sheet longblob,
    state varchar(16) not null,
    phase varchar(16) not null,
    total_rows int not null,
    checked_rows int not null,
    written_rows int not null,
    created_count int not null,
    updated_count int not null,
    refused_count int not null,
    report longblob,
    failure varchar(1000),
    created_at datetime(3) not null,
    finished_at datetime(3),
    lease_owner varchar(100),
    lease_until_ms bigint,
    runs int not null
);
create index ix_household_import_unfinished on household_import (finished_at, lease_until_ms);
create index ix_household_import_community on household_import (community_code, created_at);
