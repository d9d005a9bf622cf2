-- The issued plan as a record: the .docx rendered when the clerk numbered it, and its PDF/A once
-- rendered from that .docx. Written once; later changes to the plan, the organization or the
-- templates never alter them (served as stored, never rendered again).
create table issued_document (
    plan_code    varchar(80)   primary key references plan (code),
    number       varchar(40)   not null,
    docx         bytea         not null,
    docx_sha256  varchar(64)   not null,
    pdf          bytea,
    pdf_sha256   varchar(64),
    issued_at    timestamp with time zone not null,
    pdf_at       timestamp with time zone
);
