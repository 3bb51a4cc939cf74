// Element ids of the relationships between entities that the load $load did not write.
MATCH (:Entity)-[r]->(:Entity)
WHERE r._load IS NULL OR r._load <> $load
RETURN elementId(r) AS rid
