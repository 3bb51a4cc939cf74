// Number of entities per label.
MATCH (n:Entity)
RETURN n.label AS label, count(*) AS count
ORDER BY label
