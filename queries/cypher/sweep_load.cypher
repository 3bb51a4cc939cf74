// Delete up to $size entities of the generation $old, with their relationships; the loader runs
// it until fewer than $size go. Never the current generation: the loader never passes its token.
// (n.id IS NOT NULL: every entity has one; it lets the planner seek the (_load, id) index.)
MATCH (n:Entity)
WHERE n._load = $old AND n.id IS NOT NULL
WITH n LIMIT $size
DETACH DELETE n
RETURN count(*) AS deleted
