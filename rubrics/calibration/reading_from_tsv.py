#!/usr/bin/env python3
"""Turns a blind reader's `answers.tsv` into a reading file for the study.

    python3 rubrics/calibration/reading_from_tsv.py REPORT READER answers.tsv text.txt questionnaire.md OUT.json

REPORT is the reference id of the evaluation read (e.g. alingsas-2022), READER a short id unique
per report (e.g. a). The SHA-256 of the redacted text and of the questionnaire the reader saw are
stored with the answers, so anyone can check them against `redact.py` and `questionnaire.py`.
The answers are stored exactly as given; `cargo test` checks that every question is answered.
"""
import hashlib
import json
import re
import sys


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main():
    if len(sys.argv) != 7:
        sys.exit(__doc__)
    report, reader, tsv, text, questionnaire, out = sys.argv[1:]
    answers = {}
    with open(tsv, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip():
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                sys.exit(f"{tsv}:{n}: expected three tab-separated fields")
            qid, answer, reason = (p.strip() for p in parts)
            if qid in answers:
                sys.exit(f"{tsv}:{n}: {qid} answered twice")
            value = int(answer) if answer.isdigit() else answer
            answers[qid] = {"answer": value, "reason": reason}
    with open(questionnaire, encoding="utf-8") as f:
        rubric = re.search(r"\((kk-\d+)\)", f.readline()).group(1)
    reading = {
        "$schema": "../../schema/reading.schema.json",
        "format": 1,
        "report": report,
        "reader": f"{report}-{reader}",
        "rubric": rubric,
        "questionnaire_sha256": sha256(questionnaire),
        "text_sha256": sha256(text),
        "answers": answers,
    }
    with open(out, "w", encoding="utf-8") as f:
        json.dump(reading, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
