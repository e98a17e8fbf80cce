"""Documents: HTML templates rendered to PDF/UA-1 with WeasyPrint."""
