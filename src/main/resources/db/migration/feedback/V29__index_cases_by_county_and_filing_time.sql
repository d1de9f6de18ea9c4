-- Open311's request list and the newest cases of a county are read by filing time within a county;
-- without this index PostgreSQL sorts every case of the county's 90-day window (bench/README.md).
create index feedback_case_county_created on feedback_case (county_code, created_at);
