-- A báo cáo's usual parts: each unit says what held it back and what it asks for; the
-- consolidating unit adds its proposals to the superior level.
alter table unit_report add column difficulties varchar(100000);
alter table unit_report add column recommendations varchar(100000);
alter table plan_reporting_period add column proposals varchar(100000);
