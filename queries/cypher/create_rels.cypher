// Load one batch of relationships that are not in the database yet, all of one type.
// $rows: [{src: string, dst: string, props: map}]   $load: this load's token
// REL_TYPE is replaced by a checked type exactly as in merge_rels.cypher; CREATE, not MERGE,
// because the loader has read which (src, type, dst) exist (existing_rels.cypher).
UNWIND $rows AS row
MATCH (a:Entity {id: row.src})
MATCH (b:Entity {id: row.dst})
CREATE (a)-[r:REL_TYPE]->(b)
SET r = row.props,
    r._load = $load
