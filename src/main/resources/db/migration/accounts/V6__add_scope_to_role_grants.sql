-- Organisation editors and network coordinators hold their role for one organisation or body,
-- named by its public id.
alter table role_grant add column scope_ref varchar(12);
