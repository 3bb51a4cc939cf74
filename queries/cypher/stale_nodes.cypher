// Ids of the entities that the load $load did not write (left over from an earlier load).
MATCH (n:Entity)
WHERE n._load IS NULL OR n._load <> $load
RETURN n.id AS id
