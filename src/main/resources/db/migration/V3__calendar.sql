-- The working-day calendar: public holidays and the days the government swaps each year.
-- Saturdays and Sundays are days off unless a row makes them working days. A year with rows is
-- stored whole; years 2025-2035 are pre-filled with the computed holidays at start-up.

create table calendar_day (
    calendar_date date         not null primary key,
    kind          varchar(24)  not null,
    name          varchar(200) not null,
    source        varchar(16)  not null,
    updated_by    varchar(64),
    updated_at    timestamp with time zone not null,
    constraint ck_calendar_day_kind check (kind in ('HOLIDAY', 'SWAPPED_DAY_OFF', 'SWAPPED_WORKING_DAY')),
    constraint ck_calendar_day_source check (source in ('COMPUTED', 'EDITED'))
);
