SELECT model, status, n FROM infra ORDER BY model, status
