-- The need's page shows the photos of the household visit it was found on: visits by the need they found.
create index ix_visit_need on visit (need_id);
