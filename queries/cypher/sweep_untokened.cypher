// Delete up to $size entities written before loads were tokened (no _load), with their relationships.
MATCH (n:Entity)
WHERE n._load IS NULL
WITH n LIMIT $size
DETACH DELETE n
RETURN count(*) AS deleted
