"""`flask documents-build`: make every information sheet PDF before the first visitor asks.

The sheets list shows each PDF's page count and size, so its first visit would otherwise build
all of them (seconds). The PDFs go into the file cache (instance/sheet-pdfs) that every worker
and instance on the machine reads; `make run` calls this before gunicorn starts, and a deploy
should too. The printed address comes from SITE_URL, else from --base-url.
"""

import click
from flask import current_app
from flask.cli import with_appcontext

from app.content.loader import list_documents
from app.documents import sheets
from app.languages import LANGUAGES


@click.command("documents-build")
@click.option("--base-url", default="http://localhost", show_default=True,
              help="The address the site is served from, when SITE_URL is not set.")
@with_appcontext
def documents_build_command(base_url: str) -> None:
    built = 0
    with current_app.test_request_context("/", base_url=base_url):
        for lang in LANGUAGES:
            for document in list_documents(lang, sheets.FOLDER):
                sheets.sheet_pdf(document["slug"], lang)
                built += 1
    click.echo(f"{built} sheet PDFs ready in {sheets.cache_dir()}")
