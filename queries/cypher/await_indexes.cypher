// Block until every index is online (or $seconds pass).
CALL db.awaitIndexes($seconds)
