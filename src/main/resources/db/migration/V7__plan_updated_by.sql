-- Who last changed a plan's content (its appendix, replaced while drafting): with created_by and
-- the engine's user operation log, every official's change to a plan names its author.
alter table plan add column updated_by varchar(64);
update plan set updated_by = created_by;
