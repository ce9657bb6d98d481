SELECT key, value FROM analysis_meta ORDER BY key
