"""industry-news: crawl and archive Chinese regional industrial-policy news."""
