#!/usr/bin/env python3
"""Removes every point figure, percentage and total from an SKR Kommunkompassen report, so that a
blind reader can answer the questionnaire from the report's descriptions alone.

    python3 rubrics/calibration/redact.py SEED.txt OUT.txt

What is removed, in this order (the counts are printed):
  1. Section 4, "Översikt av poängfördelning" (the points tables), and everything after it.
  2. Chapter 2 from "Sammanfattning av resultat" up to chapter 3: the total, the spider chart's
     caption, the comparison with the average and the summary comments, which rank the areas
     against each other and against the average (a verbal form of the scores).
  3. The area score printed after each area's "Rubriker / Poäng" box (and, by the same rule,
     the page numbers of the table of contents), and the box heading.
  4. Any line that holds nothing but a number (area scores printed on a line of their own, page
     numbers).
  5. Every sentence that mentions points, an average or a mean ("poäng", "genomsnitt",
     "medelvärde", "snittet").
  6. Every percentage ("45 %", "80%", "70 procent"), replaced by "[…]".
Lines wrapped inside a sentence (the Ale and Åmål texts break lines mid-sentence) are joined first,
so that a sentence is removed whole. Nothing is added and no wording is changed.

Standard library only. The output is deterministic: the same seed gives the same bytes.
"""
import re
import sys

SCORE_WORDS = re.compile(r"poäng|genomsnitt|medelvärde|snittet", re.IGNORECASE)
PERCENT = re.compile(r"\d+(?:[,.]\d+)?\s*(?:%|procent\w*)", re.IGNORECASE)
ONLY_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
TRAILING_SCORE = re.compile(r"\t\s*\d{1,3}\s*$")
SECTION4 = re.compile(r"^\s*4\.\s*Översikt av poängfördelning\s*$")
SUMMARY_START = re.compile(r"^\s*Sammanfattning av resultat\s*$")
CHAPTER3 = re.compile(r"^\s*3\.\s+\S")
BOX_HEADING = re.compile(r"^\s*Rubriker\s+Poäng\s*$")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def cut_sections(lines, counts):
    # 1. The points tables: the last heading line (the first one is in the table of contents).
    starts = [i for i, l in enumerate(lines) if SECTION4.match(l)]
    if starts:
        counts["section 4 lines"] = len(lines) - starts[-1]
        lines = lines[: starts[-1]]
    # 2. Chapter 2's results summary up to the start of chapter 3.
    out, skipping = [], False
    for line in lines:
        if SUMMARY_START.match(line):
            skipping = True
        elif skipping and CHAPTER3.match(line):
            skipping = False
        if skipping:
            counts["summary lines"] = counts.get("summary lines", 0) + 1
        else:
            out.append(line)
    return out


def drop_scores(lines, counts):
    out = []
    for line in lines:
        if BOX_HEADING.match(line):
            counts["box headings"] = counts.get("box headings", 0) + 1
            continue
        if ONLY_NUMBER.match(line):
            counts["number-only lines"] = counts.get("number-only lines", 0) + 1
            continue
        if TRAILING_SCORE.search(line):
            counts["numbers after a tab (area scores; page numbers in the contents)"] = counts.get("numbers after a tab (area scores; page numbers in the contents)", 0) + 1
            line = TRAILING_SCORE.sub("", line)
        out.append(line)
    return out


def unwrap(lines):
    """Joins a line with the next non-blank line when that one starts in lower case, i.e. the
    sentence goes on (the PDF extraction of the older reports wraps every line)."""
    out = []
    for line in lines:
        stripped = line.strip()
        if out and stripped and stripped[0].islower():
            # Find the previous non-blank line and append to it.
            j = len(out) - 1
            while j >= 0 and not out[j].strip():
                j -= 1
            if j >= 0 and not re.search(r"[.!?:]\s*$", out[j]):
                out[j] = out[j].rstrip() + " " + stripped
                del out[j + 1 :]
                continue
        out.append(line.rstrip())
    return out


def drop_sentences(lines, counts):
    out = []
    for line in lines:
        if not SCORE_WORDS.search(line):
            out.append(line)
            continue
        sentences = SENTENCE_END.split(line.strip())
        kept = [s for s in sentences if not SCORE_WORDS.search(s)]
        counts["sentences about points or averages"] = counts.get("sentences about points or averages", 0) + (
            len(sentences) - len(kept)
        )
        if kept:
            out.append(" ".join(kept))
    return out


def squeeze_blank(lines):
    out = []
    for line in lines:
        if not line.strip() and out and not out[-1].strip():
            continue
        out.append(line)
    return out


def redact(text):
    counts = {}
    lines = text.replace("\r\n", "\n").split("\n")
    lines = cut_sections(lines, counts)
    lines = drop_scores(lines, counts)
    lines = unwrap(lines)
    lines = drop_sentences(lines, counts)
    body = "\n".join(squeeze_blank(lines)).strip() + "\n"
    body, n = PERCENT.subn("[…]", body)
    counts["percentages"] = n
    return body, counts


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        text = f.read()
    body, counts = redact(text)
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write(body)
    for what, n in counts.items():
        print(f"removed {n:4d} {what}")
    for leak in ("poäng", "%", "procent"):
        assert leak not in body.lower(), f"'{leak}' left in the output"


if __name__ == "__main__":
    main()
