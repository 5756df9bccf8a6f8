"""Item pipelines, one job each, in order: dates, clean, validate, store."""
