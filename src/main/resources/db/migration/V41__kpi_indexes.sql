-- Indexes for a district's five years (issue 11): every column a KPI, a drill-down list or a paged list filters,
-- groups or sorts by. Runs unchanged on H2 and MySQL 8 / MariaDB.
--
-- The KPIs count the needs reported in a period (district-wide or of one community) by channel, category, grid,
-- phase, verdict, outcome and rating. The two covering indexes below hold every column those counts read, so the
-- database answers them from the index alone, never reading the need rows (with their titles and descriptions)
-- themselves: a year of a million-need district is a range of about 200,000 small index entries.
create index ix_need_kpi on need (reported_at, community_code, channel, category, grid_code, phase, status, outcome,
    verification_verdict, need_score, verified_at, verification_due_at, categorized_at, evaluated_at);
create index ix_need_community_kpi on need (community_code, reported_at, channel, category, grid_code, phase, status,
    outcome, verification_verdict, need_score, verified_at, verification_due_at, categorized_at, evaluated_at);
-- ix_need_kpi begins with reported_at: the index on reported_at alone is no longer needed
drop index ix_need_reported_at on need;

-- the needs list of a community by status, newest first (the steward's open needs, the manager's filtered page),
-- and the pool of a community (pooled open needs by category)
create index ix_need_community_status_reported on need (community_code, status, reported_at);
create index ix_need_pool on need (community_code, pooled, status, category, reported_at);

-- projects created, published and completed in a period (KPIs, ranking, drill-down) had no index on those dates
create index ix_project_created on service_project (created_at, community_code);
create index ix_project_published on service_project (published_at, community_code, claimed_in_time);
create index ix_project_completed on service_project (completed_at, community_code, claimant_code, status,
    planned_end);

-- consultations that reached their result in a period, by result, community and application
create index ix_consultation_concluded_result on consultation (concluded_at, result, community_code, applied_at);
drop index ix_consultation_concluded on consultation;
