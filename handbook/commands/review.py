"""`handbook review ID`: record that an SOP was reviewed, changing nothing else in its file."""

from __future__ import annotations

import argparse
import difflib
import sys

from ..atomic import locked, replace_file
from ..handbook import Handbook
from ..review import ReviewState
from ..reviewlog import BUMPS, NOTE_MAX, ReviewEditError, checked_note, record_review
from ..rules import review_of
from ..sop import SOP, parse
from ..source import decode, split
from ..today import parse_date
from . import add_common, load


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "review",
        help="record a review: last_reviewed, version and the review_log",
        description=(
            "Record that the SOP with this id was reviewed: set last_reviewed, bump the version and add an entry to "
            "its review_log. Every other byte of the file stays as it was. Translations are not touched."
        ),
    )
    parser.add_argument("id", metavar="ID", help="the SOP's id, e.g. CC-001")
    parser.add_argument("--by", metavar="NAME", help="who reviewed it (default: the SOP's owner)")
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="the day of the review (default: today)")
    parser.add_argument(
        "--version-bump", choices=BUMPS, default="minor", help="minor 4.0 -> 4.1 (default), major 4.0 -> 5.0, none when nothing changed"
    )
    parser.add_argument(
        "--note", metavar="TEXT", help=f"what changed, one line of at most {NOTE_MAX} characters: shown on the what's-new page and in its feeds"
    )
    add_common(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..cli import EXIT_CHANGED, EXIT_OK, UsageError  # the CLI imports this module

    handbook = load(args)
    sop = _find(handbook, args.id, UsageError)
    day = parse_date(args.date, "--date") if args.date else handbook.today
    if day > handbook.today:
        raise UsageError(f"--date {day}: after today ({handbook.today}); record a review on or after the day it happened")
    last = sop.dates.get("last_reviewed")
    if last and day < last:
        raise UsageError(f"--date {day}: before the last review recorded in {sop.path} ({last}); a review log only grows")
    try:
        note = checked_note(args.note) if args.note is not None else None
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    by = " ".join((args.by if args.by is not None else sop.owner).split())
    if not by:
        raise UsageError(f"--by NAME: {sop.path} has no owner to default to; say who reviewed it")

    path = handbook.policy.docs_dir / sop.docs_path
    try:
        with locked(path):  # one review at a time per SOP; the file is read again under the lock
            raw = path.read_bytes()
            if decode(sop.path, raw)[0] != sop.source.text:  # saved or reviewed by someone else since it was read
                sys.stderr.write(
                    f"handbook: error: {sop.path} changed while the review was being prepared (another review or an edit); "
                    f"nothing was recorded: run `handbook review {sop.id}` again\n"
                )
                return EXIT_CHANGED
            recorded = record_review(raw, day, by, args.version_bump, sop.path, note)
            try:
                replace_file(path, recorded.data)
            except OSError as exc:
                raise UsageError(f"{sop.path}: could not be written ({exc.strerror or exc}); the file is unchanged") from None
    except ReviewEditError as exc:
        raise UsageError(f"{sop.path}:{exc.line}: {exc}") from None
    except OSError as exc:
        raise UsageError(f"{sop.path}: cannot be read or locked ({exc.strerror or exc})") from None

    text, _ = decode(sop.path, recorded.data)
    updated, _ = parse(split(sop.path, text or ""), sop.lang, False)
    version = f"{recorded.old_version} -> {recorded.new_version}" if recorded.new_version != recorded.old_version else f"{recorded.new_version} (unchanged)"
    sys.stdout.write(f"Recorded the review of {sop.id} in {sop.path}: {day} by {by}, version {version}.\n")
    if updated is not None:
        review = review_of(updated, handbook.policy, handbook.today)
        if review.state is ReviewState.EXEMPT:  # as the site shows it: not scheduled
            sys.stdout.write(f"No review is due: {updated.status} SOPs are not on the review cycle (extra.handbook.review.exempt_statuses).\n")
        elif review.next_review:
            sys.stdout.write(f"Next review due {review.next_review}.\n")
        if "next_review" in updated.dates:
            sys.stderr.write(
                f"handbook: warning: {sop.path}:{updated.line_of('next_review')}: next_review is set and still decides the due date; "
                "update it or remove it to use the review interval\n"
            )
        elif review.state is ReviewState.OVERDUE:
            sys.stderr.write(f"handbook: warning: {sop.id} is still overdue (due {review.next_review})\n")
    return EXIT_OK


def _find(handbook: Handbook, raw_id: str, error: type[Exception]) -> SOP:
    sop_id = raw_id.strip().upper()
    sop = handbook.by_id.get(sop_id)
    if sop is not None:
        return sop
    if sop_id in handbook.translations:
        raise error(f"{sop_id}: only translations have this id; a review is recorded in the source SOP")
    close = difflib.get_close_matches(sop_id, list(handbook.by_id), n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]}?)" if close else ""
    raise error(f"no SOP has the id {sop_id}{hint}; `handbook report` lists every SOP")
