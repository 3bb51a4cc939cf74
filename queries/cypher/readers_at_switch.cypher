// The transactions open on the database right after the switch, but this one: a reader among them
// may have read the old token and still be reading the old generation.
SHOW TRANSACTIONS
YIELD transactionId, database, currentQuery
WHERE database = $database AND NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS'
RETURN collect(transactionId) AS ids
