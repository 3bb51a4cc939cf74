// Every generation the database holds: the current one, the one a switch left behind, orphans of
// killed loads ('' for entities written before loads were tokened).
MATCH (n:Entity)
RETURN collect(DISTINCT coalesce(n._load, '')) AS tokens
