"""bench/metrics-scrape.sh's body: one sweep per build, scraped while it grades; see the shell script for the figures."""
import argparse, json, os, re, statistics, subprocess, sys, time, urllib.request

from hold_rig import free_port, swelancer_env

root, work = sys.argv[1], sys.argv[2]
parser = argparse.ArgumentParser(prog="bench/metrics-scrape.sh")
parser.add_argument("--tasks", type=int, default=100_000)
parser.add_argument("--interval", type=float, default=0.25)
parser.add_argument("--before", help="another build's swelancer.dll, graded on the same pool right after this one")
parser.add_argument("--out", default="metrics-scrape")
args = parser.parse_args(sys.argv[3:])

pool = os.path.join(work, "pool")
os.makedirs(pool)
subprocess.check_call(["python3", os.path.join(root, "bench/manager-pool.py"), str(args.tasks), pool])
GRADED = re.compile(r'^swelancer_tasks_graded_total\{[^}]*\} (\d+)', re.M)


def sweep(name, dll=None):
    """One sweep through ./swelancer (its runtime settings), of this build or of the build at dll."""
    out, port = os.path.join(work, name), free_port()
    started = time.monotonic()
    process = subprocess.Popen([os.path.join(root, "swelancer"), "sweep", "--tasks", f"{pool}/tasks.json", "--submissions", f"{pool}/answers.jsonl",
                                          "--sweep-id", "scraped", "--out", out, "--metrics-port", str(port),
                                          "--metrics-linger-seconds", "1"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, env=swelancer_env(dll))
    scrapes = []
    while process.poll() is None:
        begun = time.monotonic()
        try:
            text = urllib.request.urlopen(f"http://localhost:{port}/metrics", timeout=30).read().decode()
            took = time.monotonic() - begun
            graded = sum(int(n) for n in GRADED.findall(text))
            if graded > 0:
                scrapes.append({"graded": graded, "seconds": round(took, 5)})
        except OSError:
            pass   # not serving yet, or already gone
        time.sleep(max(0.0, args.interval - (time.monotonic() - begun)))
    wall = time.monotonic() - started
    if process.returncode != 0:
        sys.exit(f"bench: the {name} sweep exited with {process.returncode}")
    summary = json.load(open(os.path.join(out, "summary.json")))
    if summary["graded"] != args.tasks:
        sys.exit(f"bench: the {name} sweep graded {summary['graded']} of {args.tasks} tasks")
    if not scrapes:
        sys.exit(f"bench: no scrape of the {name} sweep answered with graded results")
    # While it grades; the scrapes of the lingering finished sweep are left out.
    early = [s["seconds"] for s in scrapes if s["graded"] <= args.tasks / 10]
    late = [s["seconds"] for s in scrapes if args.tasks / 2 <= s["graded"] < args.tasks]
    figures = {
        "sweep_seconds": round(wall, 2), "scrapes": len(scrapes),
        "early_scrapes": len(early), "late_scrapes": len(late),
        "median_scrape_ms_first_tenth": round(1000 * statistics.median(early), 2) if early else None,
        "median_scrape_ms_last_half": round(1000 * statistics.median(late), 2) if late else None,
        "max_scrape_ms": round(1000 * max(s["seconds"] for s in scrapes), 2) if scrapes else None,
    }
    if early and late:
        figures["late_over_early"] = round(statistics.median(late) / statistics.median(early), 2)
    print(f"{name}: {args.tasks} tasks in {figures['sweep_seconds']} s; {len(scrapes)} scrapes; median scrape "
          f"{figures['median_scrape_ms_first_tenth']} ms in the first tenth ({len(early)}), "
          f"{figures['median_scrape_ms_last_half']} ms in the last half ({len(late)}); max {figures['max_scrape_ms']} ms")
    return figures


results = {"tasks": args.tasks, "interval_seconds": args.interval, "cores": os.cpu_count(),
           "commit": subprocess.run(["git", "-C", root, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip(),
           "load_average": os.getloadavg()[0]}
results["this_build"] = sweep("this-build")
if args.before:
    results["before"] = sweep("before", args.before)
    b, a = results["before"], results["this_build"]
    if a["median_scrape_ms_last_half"] and b["median_scrape_ms_last_half"]:
        results["last_half_scrape_ratio"] = round(a["median_scrape_ms_last_half"] / b["median_scrape_ms_last_half"], 3)
    results["sweep_time_ratio"] = round(a["sweep_seconds"] / b["sweep_seconds"], 3)
    print(f"this build / before: last-half median scrape {results.get('last_half_scrape_ratio')}, sweep time {results['sweep_time_ratio']}")
path = os.path.join(root, "bench/results", f"{args.out}.json")
json.dump(results, open(path, "w"), indent=2)
print(f"metrics-scrape: wrote {path}")
