// Load one batch of nodes that all have the label $label.
// $rows: [{id: string, props: map}]   $label: e.g. 'Item'   $load: this load's token
// The label is a parameter too (Cypher 5.26 dynamic labels, `:$(expr)`); the store also
// checks it against ^[A-Z][A-Za-z]*$ before sending it.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n = row.props,
    n.id = row.id,
    n.label = $label,
    n._load = $load
SET n:$($label)
WITH n
// a node whose label changed since the last load loses its old label
REMOVE n:$([l IN labels(n) WHERE l <> 'Entity' AND l <> $label])
