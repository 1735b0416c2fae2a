create table it_note (
    id          text primary key,
    merchant_id text not null,
    text        text not null
);

create table it_counter (
    name text primary key,
    hits bigint not null
);
insert into it_counter (name, hits) values ('effects', 0);
