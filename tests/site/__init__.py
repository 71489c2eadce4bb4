"""The public site as a whole: pages, SEO and languages, caching, security, settings, accounts."""
