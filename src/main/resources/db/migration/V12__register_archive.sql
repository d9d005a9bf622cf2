-- Phụ lục IV of Nghị định 30/2020: the outgoing register has a column "Đơn vị, người nhận bản lưu"
-- (the "Lưu: VT, KTN" of the document). Recipients are now written one per line; rows written
-- before keep their "; "-separated text, as issued records never change.
alter table register_entry add column archive varchar(500);
