#!/usr/bin/env python3
"""Scores `deadair detect` against the generator's truth, for bench/detection.

score DATA DETECT TRUE_RUN EDGES_RUN SEED FAMILY RESULTS: appends one JSON line per true outage
and one per false window to RESULTS.
report RESULTS DAYS: prints the Markdown tables for docs/accuracy.md.
"""
import csv
import json
import sys
from datetime import datetime


def ts(s):
    return datetime.fromisoformat(s.replace("Z", "+00:00"))


def scope(s):
    return None if s.strip() == "*" else set(s.split(";"))


def intersect(a, b):
    return a is None or b is None or bool(a & b)


def rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def lost_by_outage(run_dir):
    return {r["outage_id"]: float(r["lost_plays"])
            for r in rows(f"{run_dir}/csv/segment_summary.csv") if r["segment"] == "all"}


def score(data, detect, true_run, edges_run, seed, family, results):
    truth = rows(f"{data}/truth/outages.csv")
    found = rows(f"{detect}/csv/detected_outages.csv")
    on_true = lost_by_outage(true_run)
    on_edges = lost_by_outage(edges_run)
    used = set()
    out = []
    for t in truth:
        ts0, ts1 = ts(t["start"]), ts(t["end"])
        tc, tp = scope(t["countries"]), scope(t["platforms"])
        best, most = None, 0
        for d in found:
            overlap = (min(ts1, ts(d["end"])) - max(ts0, ts(d["start"]))).total_seconds()
            if overlap > most and intersect(tc, scope(d["countries"])) \
                    and intersect(tp, scope(d["platforms"])):
                best, most = d, overlap
        rec = {"kind": "outage", "family": family, "seed": seed, "id": t["outage_id"],
               "minutes": (ts1 - ts0).total_seconds() / 60, "severity": float(t["severity"]),
               "declared": t["declared"], "found": best is not None,
               "lost_true_window": on_true.get(t["outage_id"]),
               "lost_found_edges": on_edges.get(t["outage_id"])}
        if best is not None:
            used.add(best["detected_id"])
            rec.update({
                "start_error_min": (ts(best["start"]) - ts0).total_seconds() / 60,
                "end_error_min": (ts(best["end"]) - ts1).total_seconds() / 60,
                "scope_right": scope(best["countries"]) == tc and scope(best["platforms"]) == tp,
                "found_scope": best["countries"] + " / " + best["platforms"],
                "true_scope": t["countries"] + " / " + t["platforms"]})
        out.append(rec)
    for d in found:
        if d["detected_id"] not in used:
            out.append({"kind": "false", "family": family, "seed": seed, "id": d["detected_id"],
                        "start": d["start"], "end": d["end"],
                        "scope": d["countries"] + " / " + d["platforms"],
                        "lost": float(d["lost_plays"])})
    with open(results, "a") as f:
        for r in out:
            f.write(json.dumps(r) + "\n")


def report(results, days):
    recs = [json.loads(line) for line in open(results)]
    for family in sorted({r["family"] for r in recs}):
        fam = [r for r in recs if r["family"] == family]
        outages = [r for r in fam if r["kind"] == "outage"]
        seeds = sorted({r["seed"] for r in fam})
        found = [r for r in outages if r["found"]]
        edges_ok = [r for r in found
                    if abs(r["start_error_min"]) <= 10 and abs(r["end_error_min"]) <= 10]
        scope_ok = [r for r in found if r["scope_right"]]
        impact = [abs(r["lost_found_edges"] / r["lost_true_window"] - 1) for r in found
                  if r.get("lost_found_edges") and r.get("lost_true_window")]
        impact_ok = [x for x in impact if x <= 0.05]
        print(f"### {family}: {len(seeds)} seeds, {len(outages)} outages\n")
        print("| target | result |\n|---|---|")
        print(f"| found (every outage >= 30 min at >= 30 %) | {len(found)} of {len(outages)} |")
        print(f"| start and end within 10 min | {len(edges_ok)} of {len(found)} |")
        print(f"| scope right (countries and platforms) | {len(scope_ok)} of {len(found)}"
              f" ({100 * len(scope_ok) / max(1, len(found)):.0f} %) |")
        weeks = days / 7
        for s in seeds:
            false = [r for r in fam if r["kind"] == "false" and r["seed"] == s]
            print(f"| false windows, seed {s} | {len(false)} in {weeks:.0f} weeks"
                  f" ({len(false) * 4 / weeks:.1f} per 4 weeks) |")
        if impact:
            print(f"| impact on found edges within 5 % of impact on true windows |"
                  f" {len(impact_ok)} of {len(impact)} (largest gap"
                  f" {100 * max(impact):.1f} %) |")
        print()
        print("| seed | outage | min | severity | declared | found | start err | end err |"
              " scope found (true) | lost, true window | lost, found edges |")
        print("|---|---|---|---|---|---|---|---|---|---|---|")
        for r in outages:
            if r["found"]:
                cells = [f"{r['start_error_min']:+.0f}", f"{r['end_error_min']:+.0f}",
                         r["found_scope"] + ("" if r["scope_right"] else f" ({r['true_scope']})")]
            else:
                cells = ["", "", ""]
            lt, le = r.get("lost_true_window"), r.get("lost_found_edges")
            lost = f"{lt:,.0f} | {le:,.0f}" if lt is not None and le is not None else " | "
            print(f"| {r['seed']} | {r['id']} | {r['minutes']:.0f} | {r['severity']} |"
                  f" {r['declared']} | {'yes' if r['found'] else '**no**'} | "
                  + " | ".join(cells) + f" | {lost} |")
        falses = [r for r in fam if r["kind"] == "false"]
        if falses:
            print("\nFalse windows:\n")
            for r in falses:
                print(f"- seed {r['seed']} {r['id']}: {r['start']} to {r['end']},"
                      f" {r['scope']}, {r['lost']:,.0f} plays")
        print()


if __name__ == "__main__":
    if sys.argv[1] == "score":
        score(*sys.argv[2:8], sys.argv[8])
    else:
        report(sys.argv[2], float(sys.argv[3]))
