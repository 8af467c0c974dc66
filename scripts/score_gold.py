#!/usr/bin/env python3
"""Scores `parley code` output against the gold sentence set.

Pipeline position: test tooling, after `parley code` (see
tests/e2e/gold_sentences.sh and testdata/gold/README.md for the schema and
the scoring rules). Standard library only.

  score_gold.py articles GOLD.jsonl OUT.jsonl
      writes one JSON Lines article per gold sentence (id, date, text).
  score_gold.py score --gold GOLD.jsonl --out PARLEY.jsonl
                [--thresholds FILE] [--details N] [--json FILE]
      prints precision / recall / F1 for events (root level, country-level
      actors; and full code, role-level actors), framing-pair agreement,
      fact and said_by accuracy, figures and positions; exits 1 when a
      score is below its threshold, 2 on unreadable or malformed input.
"""
import argparse
import collections
import json
import re
import sys

STOPWORDS = set("a an the of to for and or in on at from with by its their his her "
                "all any new full".split())


class InputError(Exception):
    """Malformed gold or output file (message names file and line)."""


def read_jsonl(path):
    """Returns the JSON objects of a JSON Lines file; blank lines skipped."""
    rows = []
    try:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as e:
                    raise InputError(f"{path}:{n}: invalid JSON: {e.msg}") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror}") from None
    return rows


def actor_key(code, strict=False):
    """Country level (3 letters; IGO/NGO 6) or, strict, role level (6)."""
    if not code:
        return ""
    code = code.upper()
    if strict or code.startswith(("IGO", "NGO")):
        return code[:6]
    return code[:3]


def code_of(actor):
    """Actor code from an output ACTOR object, a plain string or null."""
    if isinstance(actor, dict):
        return actor.get("code") or ""
    return actor or ""


def event_key(ev, strict, from_output):
    """(source, root or full code, target) with actors cut to the level used."""
    src, tgt = ev.get("source"), ev.get("target")
    if from_output:
        src, tgt = code_of(src), code_of(tgt)
    code = str(ev.get("code") or "")
    return (actor_key(src, strict), code if strict else code[:2], actor_key(tgt, strict))


def match_events(gold, pred):
    """Greedy one-to-one matching; a gold target "" matches any target.
    Returns the list of (gold_index, pred_index) pairs."""
    used, pairs = set(), []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi in used or g[0] != p[0] or g[1] != p[1]:
                continue
            if g[2] and g[2] != p[2]:
                continue
            used.add(pi)
            pairs.append((gi, pi))
            break
    return pairs


class Counts:
    def __init__(self):
        self.tp = self.gold = self.pred = 0

    def add(self, tp, gold, pred):
        self.tp += tp
        self.gold += gold
        self.pred += pred

    def prf(self):
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def score_events(gold_rows, docs, strict):
    total, per_conflict = Counts(), collections.defaultdict(Counts)
    fact_ok = said_ok = matched = 0
    misses = []
    for g in gold_rows:
        pred_events = docs.get(g["id"], {}).get("events", [])
        gk = [event_key(e, strict, False) for e in g["events"]]
        pk = [event_key(e, strict, True) for e in pred_events]
        pairs = match_events(gk, pk)
        total.add(len(pairs), len(gk), len(pk))
        per_conflict[g.get("conflict", "?")].add(len(pairs), len(gk), len(pk))
        for gi, pi in pairs:
            ge, pe = g["events"][gi], pred_events[pi]
            matched += 1
            fact_ok += ge.get("fact", "asserted") == pe.get("fact", "asserted")
            said_ok += actor_key(ge.get("said_by")) == actor_key(code_of(pe.get("said_by")))
        if len(pairs) < max(len(gk), len(pk)):
            misses.append((g["id"], gk, pk))
    return total, per_conflict, fact_ok, said_ok, matched, misses


def pair_agreement(gold_rows, docs):
    """Share of framing pairs whose members give the same non-empty event
    set (country-level actors + full code)."""
    groups = collections.defaultdict(list)
    for g in gold_rows:
        if g.get("pair"):
            groups[g["pair"]].append(g["id"])
    agree, failed = 0, []
    for pair, ids in sorted(groups.items()):
        sets = []
        for i in ids:
            evs = docs.get(i, {}).get("events", [])
            sets.append(sorted((actor_key(code_of(e.get("source"))), str(e.get("code")),
                                actor_key(code_of(e.get("target")))) for e in evs))
        if sets[0] and all(s == sets[0] for s in sets):
            agree += 1
        else:
            failed.append((pair, ids, sets))
    return agree, len(groups), failed


def score_figures(gold_rows, docs):
    c = Counts()
    qual_ok = said_ok = matched = 0
    for g in gold_rows:
        pred = list(docs.get(g["id"], {}).get("figures", []))
        c.gold += len(g["figures"])
        c.pred += len(pred)
        for gf in g["figures"]:
            for i, pf in enumerate(pred):
                if pf.get("kind") == gf["kind"] and _num(pf.get("value")) == gf["value"]:
                    c.tp += 1
                    matched += 1
                    qual_ok += pf.get("qualifier") == gf.get("qualifier")
                    said_ok += actor_key(gf.get("said_by")) == actor_key(code_of(pf.get("said_by")))
                    del pred[i]
                    break
    return c, qual_ok, said_ok, matched


def _num(v):
    try:
        return int(v) if float(v) == int(float(v)) else float(v)
    except (TypeError, ValueError):
        return None


def content_words(text):
    words = re.findall(r"[a-z0-9]+", (text or "").lower())
    return {w.rstrip("s") for w in words if w not in STOPWORDS and len(w) > 1}


def score_positions(gold_rows, docs):
    c = Counts()
    for g in gold_rows:
        pred = list(docs.get(g["id"], {}).get("positions", []))
        c.gold += len(g["positions"])
        c.pred += len(pred)
        for gp in g["positions"]:
            for i, pp in enumerate(pred):
                same_party = actor_key(gp["party"]) == actor_key(code_of(pp.get("party")))
                overlap = content_words(gp["item"]) & content_words(pp.get("item"))
                if same_party and pp.get("stance") == gp["stance"] and overlap:
                    c.tp += 1
                    del pred[i]
                    break
    return c


def load_docs(path):
    docs = {}
    for n, row in enumerate(read_jsonl(path), 1):
        if not isinstance(row, dict) or "doc" not in row:
            raise InputError(f"{path}:{n}: output object without 'doc'")
        docs[str(row["doc"])] = row
    return docs


def validate_gold(path, rows):
    for n, g in enumerate(rows, 1):
        for key in ("id", "date", "text", "events", "figures", "positions"):
            if key not in g:
                raise InputError(f"{path}:{n}: gold sentence without '{key}'")


def line(name, counts):
    p, r, f = counts.prf()
    return (f"{name:<28} P={p:.3f} R={r:.3f} F1={f:.3f}  "
            f"(tp={counts.tp} gold={counts.gold} pred={counts.pred})")


def compute(gold_rows, docs):
    ev, per_conflict, fact_ok, said_ok, matched, misses = score_events(gold_rows, docs, False)
    ev_strict = score_events(gold_rows, docs, True)[0]
    agree, npairs, failed_pairs = pair_agreement(gold_rows, docs)
    figs, qual_ok, fig_said_ok, fig_matched = score_figures(gold_rows, docs)
    pos = score_positions(gold_rows, docs)
    scores = {
        "events_root_f1": ev.prf()[2], "events_root_precision": ev.prf()[0],
        "events_root_recall": ev.prf()[1], "events_code_f1": ev_strict.prf()[2],
        "pair_agreement": agree / npairs if npairs else 0.0,
        "event_fact_accuracy": fact_ok / matched if matched else 0.0,
        "event_said_by_accuracy": said_ok / matched if matched else 0.0,
        "figures_f1": figs.prf()[2],
        "figure_qualifier_accuracy": qual_ok / fig_matched if fig_matched else 0.0,
        "positions_f1": pos.prf()[2],
    }
    report = [line("events (root, country)", ev), line("events (code, role)", ev_strict)]
    for conflict in sorted(per_conflict):
        report.append(line(f"  {conflict}", per_conflict[conflict]))
    report.append(f"{'framing pairs agreeing':<28} {agree}/{npairs} = {scores['pair_agreement']:.3f}")
    report.append(f"{'event fact accuracy':<28} {scores['event_fact_accuracy']:.3f} over {matched} matched")
    report.append(f"{'event said_by accuracy':<28} {scores['event_said_by_accuracy']:.3f} over {matched} matched")
    report.append(line("figures (kind, value)", figs))
    report.append(f"{'figure qualifier accuracy':<28} {scores['figure_qualifier_accuracy']:.3f} over {fig_matched} matched")
    report.append(line("positions (party,stance,item)", pos))
    return scores, report, misses, failed_pairs


def check_thresholds(scores, path):
    with open(path, encoding="utf-8") as f:
        thresholds = json.load(f)
    failures = []
    for name, minimum in sorted(thresholds.items()):
        if name.startswith("_"):
            continue
        if name not in scores:
            raise InputError(f"{path}: unknown score '{name}' (known: {', '.join(sorted(scores))})")
        ok = scores[name] >= minimum
        print(f"threshold {name:<28} {scores[name]:.3f} >= {minimum:.3f}  {'ok' if ok else 'FAIL'}")
        if not ok:
            failures.append(name)
    return failures


def write_articles(gold_path, out_path):
    rows = read_jsonl(gold_path)
    validate_gold(gold_path, rows)
    with open(out_path, "w", encoding="utf-8") as f:
        for g in rows:
            f.write(json.dumps({"id": g["id"], "date": g["date"], "text": g["text"]},
                               ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} articles to {out_path}")


def print_details(misses, failed_pairs, limit):
    for doc, gk, pk in misses[:limit]:
        print(f"  miss {doc}: gold={gk} pred={pk}")
    for pair, ids, sets in failed_pairs[:limit]:
        print(f"  pair {pair}: " + " | ".join(f"{i}={s}" for i, s in zip(ids, sets)))


def main(argv):
    if len(argv) >= 1 and argv[0] == "articles":
        if len(argv) != 3:
            print("usage: score_gold.py articles GOLD.jsonl OUT.jsonl", file=sys.stderr)
            return 2
        write_articles(argv[1], argv[2])
        return 0
    ap = argparse.ArgumentParser(description="Score parley code output against gold sentences.")
    ap.add_argument("command", choices=["score"])
    ap.add_argument("--gold", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--thresholds")
    ap.add_argument("--details", type=int, default=0, help="print N misses and failed pairs")
    ap.add_argument("--json", help="also write the scores to this file")
    args = ap.parse_args(argv)
    gold_rows = read_jsonl(args.gold)
    validate_gold(args.gold, gold_rows)
    scores, report, misses, failed_pairs = compute(gold_rows, load_docs(args.out))
    print("\n".join(report))
    if args.details:
        print_details(misses, failed_pairs, args.details)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(scores, f, indent=1, sort_keys=True)
    failures = check_thresholds(scores, args.thresholds) if args.thresholds else []
    if failures:
        print(f"FAILED: below threshold: {', '.join(failures)}")
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except InputError as e:
        print(f"score_gold.py: {e}", file=sys.stderr)
        sys.exit(2)
