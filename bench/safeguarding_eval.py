"""Print the disclosure detector's recall and false-alarm rate on the labelled set, as JSON.

Run: .venv/bin/python -m bench.safeguarding_eval
"""

import json
from pathlib import Path

from analysis.safeguarding import screen

CASES = Path(__file__).parents[1] / "tests" / "data" / "safeguarding_cases.jsonl"


def main() -> None:
    cases = [json.loads(line) for line in CASES.read_text().splitlines() if line.strip()]
    disclosures = [c for c in cases if c["disclosure"]]
    others = [c for c in cases if not c["disclosure"]]
    caught = [c for c in disclosures if screen(c["text"]).flagged]
    strong = [c for c in caught if screen(c["text"]).strength == "strong"]
    alarms = [screen(c["text"]) for c in others if screen(c["text"]).flagged]
    print(
        json.dumps(
            {
                "texts": len(cases),
                "disclosures": len(disclosures),
                "disclosures_flagged": len(caught),
                "flagged_by_a_strong_pattern": len(strong),
                "non_disclosures": len(others),
                "false_alarms": len(alarms),
                "false_alarm_rate": round(len(alarms) / len(others), 3),
                "false_alarms_strong": sum(1 for a in alarms if a.strength == "strong"),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
