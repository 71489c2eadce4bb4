"""How much of each release the importer reads right: `make importer-score`.

Every ``<name>.txt`` of tests/importer_corpus/ (releases in other organisations' house styles)
and of tests/importer_samples/ (our own) is parsed and compared with ``<name>.json``, its
labels. A table gives, per field, right/total and %, then the overall %, for the corpus, its
held-out part (``heldout_*``: written before tuning, never tuned on) and the old samples.

Comparison rules (``norm``: case-folded, accents and whitespace kept but collapsed, ’ read as ',
leading/trailing punctuation and dashes dropped):

- language, headline, subtitle, dateline (the place), date (ISO): one item each, equal once
  normalised. ``bullets``: one item, the number of bullet points.
- quotes: one item per labelled quote, right when a found quote has the same speaker (normalised,
  so "RATIGNIER-CARBONNEIL" matches "Ratignier-Carbonneil") and its text starts with the
  labelled first words. Each found quote matching no label is one more item, wrong (an invented
  quote costs as much as a missed one).
- quote_titles: one item per matched quote, the title equal once normalised.
  quote_institutions: one item per matched quote whose label names an institution.
- boilerplates: one item per labelled "About" name (normalised, a leading article dropped);
  found ones matching no label are wrong items.
- contacts: one item per labelled contact, right when a found contact has the same name (or,
  for a label without a name, the same email) and the same email. Extra contacts are wrong items.
  contact_phones: one item per matched contact, the set of its numbers equal in E.164.
- websites (without scheme or trailing /), social networks, tickers (exchange and symbol,
  upper-cased): one item per labelled value, plus one wrong item per unlabelled value found.

``--details`` prints each release's misses. Exit status 1 if the corpus is under ``--min``.
"""

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "importer_corpus"
SAMPLES = ROOT / "tests" / "importer_samples"
FIELDS = [
    "language",
    "headline",
    "subtitle",
    "dateline",
    "date",
    "bullets",
    "quotes",
    "quote_titles",
    "quote_institutions",
    "boilerplates",
    "contacts",
    "contact_phones",
    "websites",
    "social",
    "tickers",
]


def norm(text):
    text = unicodedata.normalize("NFC", str(text or "")).replace("’", "'").replace("‘", "'")
    text = " ".join(text.casefold().split())
    return text.strip(" .,;:–—-|()")


def about_name(name):
    return re.sub(r"^(?:l'|la |le |les |the )", "", norm(name))


def site(url):
    return re.sub(r"^https?://", "", norm(url)).rstrip("/")


def score_release(found, labels):
    """{field: [right, total]} and the list of misses, for one parsed release."""
    result = {name: [0, 0] for name in FIELDS}
    misses = []

    def item(name, ok, what):
        result[name][1] += 1
        result[name][0] += bool(ok)
        if not ok:
            misses.append(f"{name}: {what}")

    for name in ("language", "headline", "subtitle", "dateline", "date"):
        if name in labels:
            item(name, norm(found[name]) == norm(labels[name]), f"{found[name]!r}")
    if "bullets" in labels:
        item("bullets", len(found["bullets"]) == labels["bullets"], len(found["bullets"]))

    quotes = list(found["quotes"])
    for label in labels.get("quotes", []):
        match = next(
            (
                q
                for q in quotes
                if norm(q["speaker"]) == norm(label["speaker"])
                and norm(q["text"]).startswith(norm(label["text"]))
            ),
            None,
        )
        item("quotes", match, f"missed {label['speaker']!r}")
        if match:
            quotes.remove(match)
            item("quote_titles", norm(match["title"]) == norm(label["title"]), match["title"])
            if label.get("institution"):
                item(
                    "quote_institutions",
                    norm(match["institution"]) == norm(label["institution"]),
                    match["institution"],
                )
    for extra in quotes:
        item("quotes", False, f"invented {extra['speaker']!r}: {extra['text'][:40]!r}")

    names = [about_name(b["institution"]) for b in found["boilerplates"]]
    for label in labels.get("boilerplates", []):
        ok = about_name(label) in names
        item("boilerplates", ok, f"missed {label!r}")
        if ok:
            names.remove(about_name(label))
    for extra in names:
        item("boilerplates", False, f"invented {extra!r}")

    contacts = list(found["contacts"])
    for label in labels.get("contacts", []):

        def same(contact, label=label):
            if label["name"]:
                return norm(contact["name"]) == norm(label["name"])
            return norm(contact["email"]) == norm(label["email"])

        match = next((c for c in contacts if same(c)), None)
        ok = match and norm(match["email"]) == norm(label["email"])
        item("contacts", ok, f"{label['name'] or label['email']!r}: {match and match['email']}")
        if match:
            contacts.remove(match)
            phones = match.get("phones") or [p for p in [match["phone_e164"]] if p]
            item("contact_phones", set(phones) == set(label["phones"]), f"{phones}")
    for extra in contacts:
        item("contacts", False, f"invented {extra['name'] or extra['email']!r}")

    for name, key in (
        ("websites", site),
        ("social", norm),
        ("tickers", lambda t: (t["exchange"].upper(), t["symbol"].upper())),
    ):
        values = [key(v) for v in found[name]]
        for label in labels.get(name, []):
            ok = key(label) in values
            item(name, ok, f"missed {label!r}")
            if ok:
                values.remove(key(label))
        for extra in values:
            item(name, False, f"invented {extra!r}")
    return result, misses


def score_files(paths):
    """({field: [right, total]}, {name: misses}) over the given .txt files."""
    from newsroom.importer.parsing import parse

    totals = {name: [0, 0] for name in FIELDS}
    misses = {}
    for path in paths:
        labels = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        found = parse(path.read_text(encoding="utf-8"))
        found = {**found.as_json(), "contacts": found.contacts}
        result, missed = score_release(found, labels)
        for name, (right, total) in result.items():
            totals[name][0] += right
            totals[name][1] += total
        misses[path.stem] = missed
    return totals, misses


def overall(totals):
    right = sum(r for r, _t in totals.values())
    total = sum(t for _r, t in totals.values())
    return right / total if total else 1.0


def corpus_paths(heldout=None):
    paths = sorted(CORPUS.glob("*.txt"))
    if heldout is None:
        return paths
    return [p for p in paths if p.stem.startswith("heldout_") == heldout]


def sample_paths():
    return sorted(p for p in SAMPLES.glob("*.txt") if p.with_suffix(".json").exists())


def table(columns):
    """A text table: one row per field, one column per (title, totals)."""
    cell = "{:>8} {:>6}"
    lines = [
        f"{'field':<20}" + "".join(f" {title:>15}" for title, _t in columns),
        "-" * (20 + 16 * len(columns)),
    ]
    for name in FIELDS:
        row = f"{name:<20}"
        for _title, totals in columns:
            right, total = totals[name]
            pct = f"{100 * right / total:.0f}%" if total else "–"
            row += " " + cell.format(f"{right}/{total}", pct)
        lines.append(row)
    lines.append("-" * (20 + 16 * len(columns)))
    row = f"{'overall':<20}"
    for _title, totals in columns:
        right = sum(r for r, _t in totals.values())
        total = sum(t for _r, t in totals.values())
        row += " " + cell.format(f"{right}/{total}", f"{100 * overall(totals):.1f}%")
    return "\n".join([*lines, row])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--details", action="store_true", help="print each release's misses")
    parser.add_argument("--min", type=float, default=0.0, help="fail under this corpus score")
    parser.add_argument(
        "--tuning-only", action="store_true", help="leave the held-out releases out (while tuning)"
    )
    args = parser.parse_args(argv)
    import django

    django.setup()
    columns, all_misses = [], {}
    sets = [
        ("corpus (all)", corpus_paths()),
        ("tuning", corpus_paths(heldout=False)),
        ("held-out", corpus_paths(heldout=True)),
        ("old samples", sample_paths()),
    ]
    if args.tuning_only:
        sets = sets[1:2] + sets[3:]
    for title, paths in sets:
        totals, misses = score_files(paths)
        columns.append((f"{title} ({len(paths)})", totals))
        all_misses.update(misses)
    print(table(columns))
    if args.details:
        for name, missed in sorted(all_misses.items()):
            for miss in missed:
                print(f"{name}: {miss}")
    score = overall(columns[0][1])
    print(f"\nCorpus score: {100 * score:.1f}%")
    return 1 if score < args.min else 0


if __name__ == "__main__":
    import os

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.auto")
    sys.exit(main())
