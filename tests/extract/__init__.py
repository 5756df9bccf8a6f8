"""One test module per extraction cue (industry_news/extract/<cue>.py)."""
