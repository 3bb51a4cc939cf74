"""Derive the town government's "corrects" role for every village-run duty that lacks one.

Why: a villager who thinks the village committee or its meetings handled a duty wrongly turns
first to the town government, which 村民委员会组织法 (2018) gives the power to order a correction:
§27.3 for decisions of the villagers' (representative) meeting, §31 for what the committee must
publish (§30) and did not, §36.2 for a committee that fails a legal duty. The catalog's own corrects rows mostly name the court (which can only revoke), so a
complaint question got a court or nothing. This writes data/catalog/roles_corrects.csv; rerun it
after changing the items or roles it reads.

    .venv/bin/python tools/catalog/derive_town_corrects.py
"""
from __future__ import annotations

import csv
from pathlib import Path

CATALOG = Path(__file__).resolve().parents[2] / "data" / "catalog"
OUT = CATALOG / "roles_corrects.csv"
# items whose lists took force on or after the 2018 text of the organic law (2018-12-29)
ITEM_FILES = ["items_autonomy.csv", "items_autonomy_2019.csv", "items_micro_power.csv", "items_public_service.csv",
              "items_added_autonomy.csv", "items_added_micro_power.csv"]
SERVICES = {"items_public_service.csv"}  # services offered, not duties imposed: the derived role is modeled
MEETINGS = {"villagers_assembly", "villagers_representative_meeting"}
VILLAGE_RUN = {"village_committee", *MEETINGS}
LAW = "村民委员会组织法@2018-12-29"


def rows(name: str) -> list[dict[str, str]]:
    path = CATALOG / name
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main() -> int:
    roles: dict[str, list[dict[str, str]]] = {}
    for path in sorted(CATALOG.glob("roles_*.csv")):
        if path == OUT:
            continue
        for r in rows(path.name):
            roles.setdefault(r["item_id"], []).append(r)
    out = []
    for name in ITEM_FILES:
        for item in rows(name):
            mine = roles.get(item["item_id"], [])
            if any(r["role"] == "corrects" and r["body_type"] in ("town_government", "subdistrict_office") for r in mine):
                continue
            if any(r["role"] == "corrects" and r["basis"].endswith("#36.3") for r in mine):
                continue  # the duty is the town's restraint: its corrector is the county
            deciders = {r["body_type"] for r in mine if r["role"] == "decides"}
            handlers = {r["body_type"] for r in mine if r["role"] == "handles"} | {item.get("lead_body") or ""}
            publishes = any(r["body_type"] == "village_committee" and r["basis"].startswith(f"{LAW}#30") for r in mine)
            if publishes and not (deciders & MEETINGS):
                basis, note = f"{LAW}#31", "村委会不及时公布应当公布的事项或公布不真实的，村民可向镇政府反映，由其调查核实、责令依法公布"
            elif deciders & MEETINGS:
                basis, note = f"{LAW}#27.3", "村民会议或村民代表会议的决定违反法律法规、侵犯村民人身权利、民主权利或合法财产权利的，由镇政府责令改正"
            elif handlers & VILLAGE_RUN:
                basis, note = f"{LAW}#36.2", "村委会不依照法律、法规履行法定义务的，由镇政府责令改正"
            else:
                continue
            status = "statute_derived"
            if name in SERVICES:
                # a service the village offers is not always a duty a law imposes: §36.2 is read onto it
                status, note = "modeled", note + "（公共服务事项未必是法定义务，按此条推定）"
            out.append({"item_id": item["item_id"], "role": "corrects", "body_type": "town_government", "basis": basis,
                        "note": note, "provenance_status": status, "source": basis})
    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["item_id", "role", "body_type", "basis", "note", "provenance_status", "source"])
        w.writeheader()
        w.writerows(out)
    print(f"{OUT.name}: {len(out)} 行")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
