// Load one batch of nodes that are not in the database yet, all with the label $label.
// $rows: [{id: string, props: map}]   $label: e.g. 'Item'   $load: this load's token
// CREATE, not MERGE: the loader has read which ids exist (existing_nodes.cypher), and the
// unique constraint on :Entity(id) would refuse a duplicate anyway.
UNWIND $rows AS row
CREATE (n:Entity)
SET n = row.props,
    n.id = row.id,
    n.label = $label,
    n._load = $load
SET n:$($label)
