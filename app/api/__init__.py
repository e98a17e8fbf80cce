"""The public JSON API (versioned under /api/v1), CSRF-exempt, documented by OpenAPI 3.1."""
