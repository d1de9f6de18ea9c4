-- The officers' workflow: who a case is assigned to (an account's public id and the name it had),
-- how far up the county's escalation ladder it went, when it was resolved (the reopening window
-- counts from then), the case it was merged into as a duplicate, and the reporter's rating.
alter table feedback_case add column officer_ref varchar(12);
alter table feedback_case add column officer_name varchar(120);
alter table feedback_case add column escalation_level integer default 0 not null;
alter table feedback_case add column escalated_at timestamp with time zone;
alter table feedback_case add column resolved_at timestamp with time zone;
alter table feedback_case add column merged_into_id bigint references feedback_case (id);
alter table feedback_case add column rating integer;
alter table feedback_case add column rating_comment varchar(1000);
create index feedback_case_similar on feedback_case (county_code, service_area_id, ward_code, status);
create index feedback_case_department on feedback_case (county_code, department_ref, status);
create index feedback_case_merged on feedback_case (merged_into_id);

-- A county's own escalation ladder, lowest rung (0) first. A county without rows uses the default
-- ladder in feedback/default-escalation-ladder.csv (ward, sub-county, county, Ombudsman).
create table feedback_escalation_rung (
    county_code varchar(3) not null,
    level       integer not null,
    name_en     varchar(120) not null,
    name_sw     varchar(120) not null,
    primary key (county_code, level)
);

-- Officers who have opened a county's case queue, so that cases can be assigned to them by name:
-- the account's public id and display name (no contact), and their department for scoped grants.
create table feedback_officer (
    county_code    varchar(3) not null,
    account_ref    varchar(12) not null,
    name           varchar(120) not null,
    department_ref varchar(12),
    seen_at        timestamp with time zone not null,
    primary key (county_code, account_ref)
);
