-- The Office official who sent the vote slips: the vote record (biên bản kiểm phiếu) is signed
-- in their name. Rounds sent before this column existed keep it empty.
alter table vote_round add column sent_by varchar(64);
alter table vote_round add column sent_by_name varchar(255);
