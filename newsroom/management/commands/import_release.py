"""``manage.py import_release FILE [--language fr|en] [--dry-run]``."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from core.languages import LANGUAGE_CODES
from newsroom.importer.drafts import create_draft
from newsroom.importer.files import UnreadableDocument, read_document
from newsroom.importer.matching import known_institution_names
from newsroom.importer.parsing import parse


class Command(BaseCommand):
    help = "Turn a press release (.txt, .docx, text-based .pdf) into a draft."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--language", choices=LANGUAGE_CODES)
        parser.add_argument(
            "--dry-run", action="store_true", help="Write nothing; print the structure as JSON."
        )

    def handle(self, file, language=None, dry_run=False, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        try:
            text = read_document(path.name, path.read_bytes())
        except UnreadableDocument as error:
            raise CommandError(str(error)) from error
        release = parse(text, language, known_institution_names())
        if dry_run:
            self.stdout.write(json.dumps(release.as_json(), ensure_ascii=False, indent=2))
            return
        draft = create_draft(release)
        url = reverse("admin:newsroom_pressrelease_change", args=[draft.pk])
        self.stdout.write(f"Draft created: {url}")
