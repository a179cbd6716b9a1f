-- Reading what residents write (issue 13): the model's proposal on each need, the resident's own "urgent",
-- deployed text model versions and the labelled examples stewards' corrections make.
alter table need add column reported_urgent boolean default false not null;
alter table need add column text_urgent boolean default false not null;
alter table need add column proposal_confidence double precision;
alter table need add column decisive_words varchar(200);
alter table need add column urgency_words varchar(200);
alter table need add column understanding_model varchar(64);
alter table need add column steward_look boolean;

create table understanding_model (
    version varchar(64) primary key,
    trained_at datetime(3) not null,
    trained_by varchar(64) not null,
    examples int not null,
    corrections int not null,
    model mediumtext not null
);

create table labelled_example (
    id bigint auto_increment primary key,
    need_id bigint not null,
    category varchar(32) not null,
    urgency varchar(16) not null,
    text varchar(2300) not null,
    proposed_category varchar(32),
    model_version varchar(64),
    labelled_by varchar(64) not null,
    labelled_at datetime(3) not null
);
create index ix_labelled_example_need on labelled_example (need_id);
