"""A seeded generator of unseen article-page markups of 溧阳厂房网, each with its truth.

See README.md beside this file; the API is `markup.generate_page` and `markup.load_articles`.
"""
