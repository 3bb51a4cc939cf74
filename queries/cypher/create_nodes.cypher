// Write one batch of nodes of the new generation, all with the label $label.
// $rows: [{id: string, props: map}]   $label: e.g. 'Item'   $load: this load's token
// $labels: [$label] or [$label, 'Text'] — Text marks what the full-text index covers (schema.cypher)
// CREATE only: a load writes a whole new generation beside the old one (queries/stores/neo4j_load.py),
// so nothing is looked up; the unique constraint on (_load, id) refuses a repeated id anyway.
// Returns [id, element id] of each node made: relationships find their ends by element id.
UNWIND $rows AS row
CREATE (n:Entity)
SET n = row.props,
    n.id = row.id,
    n.label = $label,
    n._load = $load
SET n:$($labels)
RETURN collect([row.id, elementId(n)]) AS made
