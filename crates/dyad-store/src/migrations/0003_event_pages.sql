-- Schema version 3: the index the event query's pages choose their keys from.
--
-- `Store::event_page` reads each direction of a dyad in the order (source, target, day_start)
-- and filters on the flags, origin, QuadClass, CAMEO code and domains. With all of them in the
-- index, a page's keys are chosen from the index alone and only the page's own rows are read
-- from the table (before, every candidate row was read to test its flags). It replaces
-- `events_pair`, which is its prefix.
CREATE INDEX events_page ON events
    (source, target, day_start, negated, hypothetical, origin, quad_class, cameo, domains);
DROP INDEX events_pair;
