// The transactions open on the database right after the switch: a reader among them may have read
// the old token and still be reading the old generation. The loader polls this until none of the
// first answer's transactions is left (this query's own transaction is in the first answer only).
// SHOW TRANSACTIONS lists every user's transactions for an admin, only one's own otherwise.
SHOW TRANSACTIONS
YIELD transactionId, database
WHERE database = $database
RETURN collect(transactionId) AS ids
