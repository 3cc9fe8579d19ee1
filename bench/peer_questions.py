#!/usr/bin/env python3
"""Question answering against Omega's `quest`: every question of tests/real/questions.tsv and
questions_extra.tsv, typed as a person asks it, given to `kamerzoek search`, `kamerzoek ask` and
`quest` over the same documents (the 58 real papers plus synthesized look-alikes), and scored by
whether the expected papers come up in the top 10: all of them for search, timeline and the
other kinds, one of them for a lookup (as tools/real-check scores `ask`, on hits only).

usage: bench/peer_questions.py KAMERZOEK [--distractors DIR] [--work DIR] [--questions FILE,...]
Needs omindex and quest (xapian-omega, xapian-tools: scripts/setup.sh --bench). Prints a markdown
table per kind and in total; a document counts by its id or by its file name (the real PDFs are
named after the set's ids)."""
import csv, json, os, shutil, subprocess, sys, tempfile, time

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
REAL = os.path.join(ROOT, "tests", "real")


def arg(name, default=None):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def run(cmd, timeout=600):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


def stem(path):
    return os.path.splitext(os.path.basename(path or ""))[0]


def kamerzoek_top(binary, db, command, question):
    r = run([binary, command, question, "--db", db, "--limit", "10", "--json"])
    if r.returncode != 0:
        return [], 0.0
    hits = json.loads(r.stdout).get("hits", [])
    return [x for h in hits for x in (h.get("id"), stem(h.get("file")))], 0.0


def quest_top(db, question):
    # quest prints each hit's document data; omindex stores the file's URL as url=/<path>.
    r = run(["quest", "--db", db, "--msize", "10", "--stemmer", "dutch", question])
    return [stem(line.split("=", 1)[1]) for line in r.stdout.splitlines() if line.strip().startswith("url=")]


def timed(fn, *a):
    t = time.perf_counter()
    out = fn(*a)
    return out, time.perf_counter() - t


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 1
    binary = os.path.abspath(sys.argv[1])
    for tool in ("omindex", "quest"):
        if not shutil.which(tool):
            print(f"{tool} not found: run scripts/setup.sh --bench")
            return 1
    work = arg("--work") or tempfile.mkdtemp(prefix="kz-peer-questions-")
    docs = os.path.join(work, "docs")
    if os.path.exists(docs):
        shutil.rmtree(docs)
    os.makedirs(docs)
    # One folder holding the real papers and the look-alikes, indexed by both tools.
    for name in os.listdir(os.path.join(REAL, "pdf")):
        shutil.copy(os.path.join(REAL, "pdf", name), os.path.join(docs, name))
    distractors = arg("--distractors")
    if distractors:
        shutil.copytree(distractors, os.path.join(docs, "synth"), ignore=shutil.ignore_patterns("*.tsv"))
    kz_db, om_db = os.path.join(work, "kz.db"), os.path.join(work, "omega.db")
    for d in (kz_db, om_db):
        shutil.rmtree(d, ignore_errors=True)
    r = run([binary, "index", docs, "--db", kz_db, "--json"], timeout=3600)
    if r.returncode not in (0, 3):
        print("kamerzoek index failed:", r.stderr[-300:])
        return 1
    r = run(["omindex", "--db", om_db, "--url", "/", "--stemmer=dutch", docs], timeout=3600)
    if r.returncode != 0:
        print("omindex failed:", r.stderr[-300:])
        return 1
    files = (arg("--questions") or "questions.tsv,questions_extra.tsv").split(",")
    kinds, times = {}, {"search": [], "ask": [], "quest": []}
    for f in files:
        for q in csv.DictReader(open(os.path.join(REAL, f), encoding="utf-8"), delimiter="\t"):
            want = [x.strip() for x in q["source ids"].split(";") if x.strip()]
            if not want:
                continue
            kind = q["kind"].strip()
            lookup = kind == "lookup"
            got = {}
            (got["search"], _), t = timed(kamerzoek_top, binary, kz_db, "search", q["question"])
            times["search"].append(t)
            (got["ask"], _), t = timed(kamerzoek_top, binary, kz_db, "ask", q["question"])
            times["ask"].append(t)
            got["quest"], t = timed(quest_top, om_db, q["question"])
            times["quest"].append(t)
            row = kinds.setdefault(kind, {"n": 0, "search": 0, "ask": 0, "quest": 0})
            row["n"] += 1
            for tool, top in got.items():
                top = top[:20] if tool != "quest" else top[:10]  # kamerzoek lists id and file per hit
                ok = any(w in top for w in want) if lookup else all(w in top for w in want)
                row[tool] += ok
    print(f"Documents: {len(os.listdir(os.path.join(REAL, 'pdf')))} real papers" +
          (f" + {sum(f.endswith('.pdf') for _, _, fs in os.walk(os.path.join(docs, 'synth')) for f in fs)} synthesized"
           if distractors else ""))
    print()
    print("| kind | questions | kamerzoek search | kamerzoek ask | quest |")
    print("|---|---:|---:|---:|---:|")
    total = {"n": 0, "search": 0, "ask": 0, "quest": 0}
    for kind in sorted(kinds):
        row = kinds[kind]
        for k in total:
            total[k] += row[k]
        print(f"| {kind} | {row['n']} | {row['search']} | {row['ask']} | {row['quest']} |")
    pct = lambda k: f"{total[k]} ({100 * total[k] / max(total['n'], 1):.0f}%)"
    print(f"| all | {total['n']} | {pct('search')} | {pct('ask')} | {pct('quest')} |")
    med = lambda xs: sorted(xs)[len(xs) // 2] * 1000 if xs else 0
    print()
    print(f"median wall time per question (process start included): search {med(times['search']):.0f} ms, "
          f"ask {med(times['ask']):.0f} ms, quest {med(times['quest']):.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
