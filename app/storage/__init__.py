"""Storage: SQLAlchemy models and the database session. Nothing here imports views."""
