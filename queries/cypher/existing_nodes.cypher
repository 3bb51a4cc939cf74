// Every entity the database holds before a load: the load creates what is new, updates what is
// there and deletes what the new graph does not have, without scanning for leftovers afterwards.
MATCH (n:Entity)
RETURN n.id AS id
