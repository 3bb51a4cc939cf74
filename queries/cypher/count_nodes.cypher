// Number of entities per label (current generation).
MATCH (g:QingdanLoad {key: 'current'})
MATCH (n:Entity)
WHERE n._load = g.load AND n.label IS NOT NULL
RETURN n.label AS label, count(*) AS count
ORDER BY label
