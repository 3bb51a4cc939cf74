// Entities of one label whose properties equal the given values, ordered by id (current generation).
// $label: e.g. 'Village'   $equals: {property: value, ...}; a null value matches a missing
// property. Property keys are checked against ^[A-Za-z_][A-Za-z0-9_]*$ by the store.
MATCH (g:QingdanLoad {key: 'current'})
MATCH (n:Entity)
WHERE n._load = g.load AND n.label = $label
  AND all(k IN keys($equals) WHERE
          CASE WHEN $equals[k] IS NULL THEN n[k] IS NULL ELSE n[k] = $equals[k] END)
RETURN n.id AS id, n.label AS label, properties(n) AS props
ORDER BY id
