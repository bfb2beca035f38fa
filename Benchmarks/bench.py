#!/usr/bin/env python3
"""Driver for Benchmarks/run.sh (which builds the release binary first and sets BENCH_PUBLISH).

For each corpus size: generate the sample corpus (once, cached in BENCH_DIR), build a site under
/usr/bin/time -v, measure parse-only throughput (`publish bench parse`), then the file-system floor
(`publish bench floor`: a bare writer re-creating the site's files) on the same disk. Prints a
Markdown report and writes it to Benchmarks/results-<date>.md.
"""
import datetime
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PUBLISH = os.environ.get("BENCH_PUBLISH") or os.path.join(REPO, ".build-bench/release/publish")
WORK = os.environ.get("BENCH_DIR", "/tmp/govreport-bench")
KEEP = os.environ.get("BENCH_KEEP") == "1"
YEARS = "2022,2023,2024"
# The corpus's format mix (`publish sample --formats`); unset: publish sample's default mix.
FORMATS = os.environ.get("BENCH_FORMATS")


def log(msg):
    print(f"bench: {msg}", file=sys.stderr, flush=True)


def run(args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw)


def remove(path):
    if os.path.lexists(path):
        shutil.rmtree(path, ignore_errors=True)


def tree_stats(root):
    files = html = size = 0
    for folder, _, names in os.walk(root):
        for name in names:
            files += 1
            html += name.endswith(".html")
            size += os.path.getsize(os.path.join(folder, name))
    return files, html, size


def corpus(n):
    """The sample corpus of n reports; generated once (deterministic: same seed, same bytes)."""
    # Another mix is another corpus: its folder is named for it.
    suffix = "-" + re.sub(r"[^A-Za-z0-9]+", "_", FORMATS) if FORMATS else ""
    path = os.path.join(WORK, f"corpus-{n}{suffix}")
    stamp = os.path.join(path, ".bench-complete")
    if os.path.exists(stamp):
        made = open(stamp).read().split()
        if len(made) < 2:
            log(f"note: {path} predates format mixes (text layouts only); remove it to regenerate with .docx and PDF")
        return path, None
    remove(path)
    log(f"generating {n} sample reports in {path}")
    start = time.monotonic()
    run([PUBLISH, "sample", "--count", str(n), "--years", YEARS, "--out", path] + (["--formats", FORMATS] if FORMATS else []))
    seconds = time.monotonic() - start
    open(stamp, "w").write(f"{n} {FORMATS or 'default'}\n")
    return path, seconds


def build(content, site, fresh=True):
    """Builds the site under /usr/bin/time -v: wall seconds, peak RSS (KB), stage seconds, output.
    fresh: a full build into an empty place (no previous site, no build cache); else incremental."""
    name = os.path.basename(site)
    if fresh:
        for leftover in (site, *(os.path.join(WORK, f".{name}.{x}") for x in ("building", "old", "cache"))):
            remove(leftover)
    start = time.monotonic()
    proc = run(["/usr/bin/time", "-v", PUBLISH, "build", "--content", content, "--output", site,
                "--theme", os.path.join(REPO, "Theme"), "--timings"])
    wall = time.monotonic() - start
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr).group(1))
    stages = [(m.group(1), float(m.group(2)))
              for m in re.finditer(r"^\s+(\S+)\s+([0-9.]+) s$", proc.stdout, re.MULTILINE)]
    return wall, rss, stages, proc.stdout


CORRECTABLE = re.compile(r"（一）予以公开 \| (\d+) \|")


def incremental(content, site):
    """Rebuilds after nothing changed, then after one report is corrected (one cell of table 三 plus
    one), the way a user fixing a report would; the corpus file is restored afterwards."""
    noop_wall, _, _, out = build(content, site, fresh=False)
    target = None
    for folder, _, names in sorted(os.walk(content)):
        for name in sorted(names):
            path = os.path.join(folder, name)
            if name.endswith(".txt") and CORRECTABLE.search(open(path, encoding="utf-8").read()):
                target = path
                break
        if target:
            break
    original = open(target, "rb").read()
    text = original.decode("utf-8")
    changed = CORRECTABLE.sub(lambda m: f"（一）予以公开 | {int(m.group(1)) + 1} |", text, count=1)
    try:
        open(target, "wb").write(changed.encode("utf-8"))
        wall, rss, stages, out = build(content, site, fresh=False)
    finally:
        open(target, "wb").write(original)
    written = re.search(r"写出 (\d+) 个", out)
    return dict(noop=noop_wall, wall=wall, rss_mb=rss / 1024, stages=stages,
                written=int(written.group(1)) if written else None, file=os.path.relpath(target, content))


def floor(site, threads):
    out = os.path.join(WORK, f"floor-{os.path.basename(site)}-{threads}")
    remove(out)
    os.sync()
    result = json.loads(run([PUBLISH, "bench", "floor", "--like", site, "--out", out, "--threads", str(threads)]).stdout)
    remove(out)
    return result


def machine():
    cpu = platform.processor()
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    swift = run(["swift", "--version"]).stdout.strip().splitlines()[0] if shutil.which("swift") else "?"
    return f"{os.cpu_count()} cores, {cpu}, {platform.system()} {platform.release()}, {swift}"


def load():
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main(sizes):
    os.makedirs(WORK, exist_ok=True)
    rows = []
    started = datetime.datetime.now()
    path = os.path.join(REPO, "Benchmarks", f"results-{started:%Y-%m-%d}.md")
    header = [f"# Benchmark {started:%Y-%m-%d %H:%M}", "",
              f"- Machine: {machine()}",
              f"- Disk: `{WORK}` (corpora, sites and floor folders); load average at start: {load()}",
              f"- Commit: {run(['git', '-C', REPO, 'rev-parse', '--short', 'HEAD']).stdout.strip()}"
              + (" (with uncommitted changes)" if run(['git', '-C', REPO, 'status', '--porcelain']).stdout.strip() else ""),
              ""]
    for n in sizes:
        content, generated = corpus(n)
        _, _, corpus_bytes = tree_stats(content)
        site = os.path.join(WORK, f"site-{n}")
        log(f"{n}: building site (load {load()})")
        wall, rss, stages, _ = build(content, site)
        files, html, site_bytes = tree_stats(site)
        log(f"{n}: built in {wall:.1f} s; incremental rebuilds")
        inc = incremental(content, site)
        log(f"{n}: built in {wall:.1f} s; parse-only pass")
        parse = json.loads(run([PUBLISH, "bench", "parse", content, "--sample", "2000", "--repeat", "3", "--all"]).stdout)
        log(f"{n}: file-system floor")
        floors = {t: floor(site, t) for t in sorted({1, os.cpu_count() or 1})}
        if not KEEP:
            for leftover in (site, *(os.path.join(WORK, f".site-{n}.{x}") for x in ("building", "old", "cache"))):
                remove(leftover)
        best_floor = min(f["seconds"] for f in floors.values())
        rows.append(dict(n=n, generated=generated, corpus_mb=corpus_bytes / 1e6, wall=wall, rss_mb=rss / 1024,
                         stages=stages, files=files, html=html, site_mb=site_bytes / 1e6, parse=parse,
                         floors=floors, best_floor=best_floor, load=load(), inc=inc))
        log(f"{n}: done (wall {wall:.1f} s, floor {best_floor:.1f} s)")
        # Written after every size, so a long run that is stopped keeps what it measured.
        text = "\n".join(header + report(rows)) + "\n"
        with open(path, "w") as f:
            f.write(text)
    print(text)
    log(f"written to {os.path.relpath(path, REPO)}")


def report(rows):
    out = ["## Build", "",
           "| reports | corpus MB | wall s | reports/s | pages/s | files | site MB | peak RSS MB | floor s (1 / N writers) | build / floor | load after |",
           "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        fl = " / ".join(f"{f['seconds']:.2f}" for f in r["floors"].values())
        out.append(f"| {r['n']:,} | {r['corpus_mb']:.0f} | {r['wall']:.1f} | {r['n'] / r['wall']:.0f} | {r['html'] / r['wall']:.0f} "
                   f"| {r['files']:,} | {r['site_mb']:.0f} | {r['rss_mb']:.0f} | {fl} | {r['wall'] / r['best_floor']:.1f}× | {r['load']} |")
    out += ["", "pages/s counts .html files; files counts everything written (pages, downloads, source copies, assets). "
            "The floor is the time `publish bench floor` takes to create the same files (same folders, same sizes) "
            "with bare mkdir/open/write/close; build/floor uses the faster of its 1- and N-writer runs.", ""]

    out += ["## Incremental rebuilds", "",
            "| reports | nothing changed: wall s | one report corrected: wall s | files written | peak RSS MB | stages (s) |",
            "|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        i = r["inc"]
        st = ", ".join(f"{k} {v:.2f}" for k, v in i["stages"])
        out.append(f"| {r['n']:,} | {i['noop']:.1f} | {i['wall']:.1f} | {i['written']} | {i['rss_mb']:.0f} | {st} |")
    out += ["", "The corrected report: one cell of table 三 (予以公开, 自然人) plus one, in the first text-pipes file "
            "of the corpus; files written includes build.json.", ""]

    names = []
    for r in rows:
        names += [name for name, _ in r["stages"] if name not in names]
    out += ["## Stages (seconds; µs per report in brackets)", "",
            "| reports | " + " | ".join(names) + " |", "|---:|" + "---:|" * len(names)]
    for r in rows:
        stage = dict(r["stages"])
        cells = [f"{stage[k]:.2f} ({stage[k] / r['n'] * 1e6:.0f})" if k in stage else "–" for k in names]
        out.append(f"| {r['n']:,} | " + " | ".join(cells) + " |")
    if len(rows) > 1:
        out += ["", "Growth per stage (time ratio ÷ size ratio; 1.0 = linear, above 1 grows faster than linearly):", ""]
        for a, b in zip(rows, rows[1:]):
            sa, sb = dict(a["stages"]), dict(b["stages"])
            ratios = [f"{k} {sb[k] / sa[k] / (b['n'] / a['n']):.2f}" for k in names if sa.get(k, 0) > 0.01 and k in sb]
            out.append(f"- {a['n']:,} → {b['n']:,}: " + ", ".join(ratios))

    out += ["", "## Parse-only", "",
            "| reports | one core, in memory: files | MB | MB/s | MB per CPU-s | files/s | all cores, read+parse: MB/s | files/s |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        p = r["parse"]
        out.append(f"| {r['n']:,} | {p['files']:,} | {p['bytes'] / 1e6:.1f} | {p['mb_per_s']:.1f} | {p.get('mb_per_cpu_s', 0):.1f} "
                   f"| {p['files_per_s']:.0f} | {p['all_mb_per_s']:.1f} | {p['all_files'] / p['all_seconds']:.0f} |")
    allocators = sorted({r["parse"].get("allocator", "unknown") for r in rows})
    out += ["", "One core: `publish bench parse` on up to 2,000 files spread over the corpus, already in memory, "
            "fastest of 3 passes (the per-core figure of issue 8); MB per CPU-s is the same pass over the thread's CPU "
            "time, which a loaded machine does not inflate. All cores: every file read from disk and parsed. "
            f"Allocator: {', '.join(allocators)}.", ""]
    gen = [r for r in rows if r["generated"] is not None]
    if gen:
        out.append("Corpus generation (not part of the build): " + ", ".join(f"{r['n']:,} in {r['generated']:.0f} s" for r in gen))
    return out


if __name__ == "__main__":
    args = sys.argv[1:] or ["1000", "10000", "100000"]
    if not all(a.isdigit() and int(a) > 0 for a in args):
        sys.exit("usage: Benchmarks/run.sh [REPORT_COUNT ...]   (default 1000 10000 100000)")
    main([int(a) for a in args])
