-- A ward's list of activities (/activities/counties/{code}?ward=) is counted and paged from
-- activity_ward: public ones first by visibility, then newest first, so that a page is a range of
-- this index instead of a test of every activity of the county for the ward.
-- (Numbered 82, past the next free number, to stay clear of migrations written in parallel.)
create index activity_ward_listing on activity_ward (ward_code, public_record, starts_on, activity_id);
