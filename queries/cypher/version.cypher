// Which load wrote the graph: any entity's load token (all share it after a complete load).
MATCH (n:Entity)
WITH n LIMIT 1
RETURN n._load AS load
