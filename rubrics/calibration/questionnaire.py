#!/usr/bin/env python3
"""Writes the questionnaire a blind reader answers: the current rubric's questions with the
guidance and level descriptions the app shows, and nothing about points (no maxima, weights,
fractions or rationale), so that a reading cannot be steered towards a score.

    python3 rubrics/calibration/questionnaire.py rubrics/kk-2022.json OUT.md

Standard library only; the same rubric gives the same bytes.
"""
import json
import sys


def render(rubric):
    scale = rubric["scale"]
    out = [f"# Frågeformulär – {rubric['title']} ({rubric['id']})", ""]
    out.append("Svara på varje fråga med en av nivåerna nedan, eller med Vet ej eller Ej aktuellt.")
    out.append("")
    out.append("## Svarsnivåer")
    out.append("")
    for level in scale["levels"]:
        out.append(f"- **{level['value']} – {level['label']}**: {level['description']}")
    out.append(f"- **vet_ej – {scale['dont_know']['label']}**: {scale['dont_know']['description']}")
    out.append(f"- **ej_aktuellt – {scale['not_applicable']['label']}**: {scale['not_applicable']['description']}")
    out.append("")
    for area in rubric["areas"]:
        out.append(f"## Område {area['id']}: {area['name']}")
        out.append("")
        out.append(area["description"])
        out.append("")
        for sub in area["subareas"]:
            out.append(f"### {sub['id']} {sub['name']}")
            out.append("")
            if sub.get("description"):
                out.append(sub["description"])
                out.append("")
            for q in sub["questions"]:
                out.append(f"**{q['id']}** {q['text']}")
                g = q.get("guidance")
                if g:
                    out.append(f"- Full nivå: {g['full']}")
                    out.append(f"- Saknas ofta: {g['often_missing']}")
                out.append("")
    return "\n".join(out)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        rubric = json.load(f)
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write(render(rubric))


if __name__ == "__main__":
    main()
