-- Committee settings for deadlines of every approval step and for closing votes early
-- (issue #11, items 6 and 7). Null means the default of CONTRACT §2 (see ApprovalDays).

alter table org_unit add column close_voting_early boolean;
alter table org_unit add column drafting_days integer;
alter table org_unit add column review_days integer;
alter table org_unit add column synthesis_days integer;
alter table org_unit add column submission_days integer;
alter table org_unit add column office_review_days integer;
alter table org_unit add column signing_days integer;
alter table org_unit add column issuing_days integer;

-- Each round keeps the rule it was sent under, as it keeps deemed_agree; rounds sent before this
-- migration closed early, as the code then did.
alter table vote_round add column close_early boolean default true not null;
-- Set when the round stopped before its deadline with slips still out.
alter table vote_round add column closed_early boolean;
