// Is the database there and answering?
RETURN 1 AS ok
