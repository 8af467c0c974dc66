#!/usr/bin/env python3
"""Writes synthetic conflict-news articles as JSON Lines (for the code_*.sh
end-to-end tests): deterministic for a given seed, varied in length, with
actors, attacks, meetings, casualty figures, statements and dates.

usage: code_gen_articles.py OUT.jsonl MEGABYTES [SEED]
"""
import json
import random
import sys

ACTORS = ["Israel", "Hamas", "Egypt", "Qatar", "the United Nations", "Russia",
          "Ukraine", "Iran", "Turkey", "the European Union", "Hezbollah",
          "the Syrian government", "Israeli troops", "Palestinian officials",
          "the United States", "Saudi Arabia", "Yemen's Houthi rebels"]
ATTACK = ["attacked", "bombed", "shelled", "struck", "fired rockets at", "raided"]
TALK = ["met with", "held talks with", "praised", "criticized", "accused",
        "urged", "threatened", "signed an agreement with", "condemned"]
SAYERS = ["officials said", "a spokesman said", "the ministry said",
          "according to local media", "witnesses told Reuters"]
DAYS = ["on Monday", "on Tuesday", "on Saturday", "last week", "yesterday",
        "on July 14, 2024", "Thursday night"]
KINDS = ["killed", "wounded", "detained", "displaced"]


def sentence(rng):
    a, b = rng.sample(ACTORS, 2)
    r = rng.random()
    if r < 0.35:
        s = f"{a} {rng.choice(ATTACK)} {b} {rng.choice(DAYS)}"
        if rng.random() < 0.6:
            s += f", and at least {rng.randint(2, 400)} people were {rng.choice(KINDS)}"
        return f"{s}, {rng.choice(SAYERS)}."
    if r < 0.7:
        return f"{a} {rng.choice(TALK)} {b} {rng.choice(DAYS)} in Cairo."
    if r < 0.85:
        return (f"\"We will not accept a temporary ceasefire,\" {a}'s leader said, "
                f"demanding the withdrawal of {b} forces.")
    return (f"The death toll has risen to {rng.randint(1000, 45000):,}, "
            f"the health ministry run by {a} said {rng.choice(DAYS)}.")


def cap(s):
    return s[0].upper() + s[1:]


def article(rng, k):
    n = rng.choice([1, 3, 6, 12, 25, 60])
    paras = [" ".join(cap(sentence(rng)) for _ in range(rng.randint(1, 4))) for _ in range(n)]
    rec = {"id": f"gen-{k:06d}",
           "date": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
           "title": f"Report {k}", "text": "\n\n".join(paras)}
    if rng.random() < 0.2:
        rec["date"] = None
    return rec


def main():
    out, megabytes = sys.argv[1], float(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    limit, written, k = int(megabytes * 1e6), 0, 0
    with open(out, "w", encoding="utf-8") as f:
        while written < limit:
            line = json.dumps(article(rng, k), ensure_ascii=False) + "\n"
            f.write(line)
            written += len(line.encode("utf-8"))
            k += 1


if __name__ == "__main__":
    main()
