"""Driver of bench/ledger-memory.sh: live heap growth per graded result, from two heap dumps of one sweep."""
import argparse, json, os, re, statistics, subprocess, sys, time

from hold_rig import swelancer_env

root, work, gcdump = sys.argv[1:4]
parser = argparse.ArgumentParser(prog="bench/ledger-memory.sh")
parser.add_argument("--tasks", type=int, default=100_000)
parser.add_argument("--rounds", type=int, default=1)
parser.add_argument("--before", help="another build's swelancer.dll, run on the same pool right after this one")
parser.add_argument("--out", default="ledger-memory")
args = parser.parse_args(sys.argv[4:])
subprocess.check_call(["python3", os.path.join(root, "bench/manager-pool.py"), str(args.tasks), work], stdout=subprocess.DEVNULL)


def graded(log_path):
    """Attempts graded in the sweep's last progress line (printed twice a second), 0 before the first."""
    found = re.findall(r"^progress: (\d+)/", open(log_path).read(), re.M)
    return int(found[-1]) if found else 0


def live_heap(dump):
    report = subprocess.run([gcdump, "report", dump], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"([\d,]+)\s+GC Heap bytes", report).group(1).replace(",", ""))


def sweep(name, dll=None):
    """One sweep through ./swelancer (its runtime settings), of this build or of the build at dll."""
    out = os.path.join(work, name)
    log_path = os.path.join(work, f"{name}.log")
    with open(log_path, "w") as log:
        process = subprocess.Popen([os.path.join(root, "swelancer"), "sweep", "--tasks", f"{work}/tasks.json", "--submissions", f"{work}/answers.jsonl",
                                    "--sweep-id", name, "--out", out + "/", "--max-in-flight", "256"], stdout=log, stderr=subprocess.STDOUT, env=swelancer_env(dll))
    dumps = []
    for share in (0.3, 0.7):
        while graded(log_path) < args.tasks * share:
            if process.poll() is not None:
                sys.exit(f"ledger-memory: the {name} sweep ended before {share:.0%} of it was graded (exit {process.returncode}):\n"
                         + open(log_path).read()[-2000:])
            time.sleep(0.05)
        before = graded(log_path)
        dump = os.path.join(work, f"{name}-{share}.gcdump")
        collected = subprocess.run([gcdump, "collect", "-p", str(process.pid), "-o", dump], capture_output=True, text=True)
        if collected.returncode != 0:
            sys.exit(f"ledger-memory: no heap dump of the {name} sweep at {before} graded (did it end first? try more --tasks):\n"
                     + (collected.stdout + collected.stderr)[-2000:])
        # The sweep goes on while the heap is walked: the dump is placed at the middle of what was graded meanwhile.
        dumps.append({"graded": (before + graded(log_path)) / 2, "live_heap_bytes": live_heap(dump)})
        os.remove(dump)
    if process.wait() != 0:
        sys.exit(f"ledger-memory: the {name} sweep failed (exit {process.returncode}):\n" + open(log_path).read()[-2000:])
    summary = json.load(open(os.path.join(out, "summary.json")))
    if summary["graded"] != args.tasks:
        sys.exit(f"ledger-memory: the {name} sweep graded {summary['graded']} of {args.tasks}")
    results = dumps[1]["graded"] - dumps[0]["graded"]
    growth = (dumps[1]["live_heap_bytes"] - dumps[0]["live_heap_bytes"]) / results if results > 0 else None
    run = {"build": name.rsplit("-", 1)[0], "dumps": dumps, "results_between": results,
           "live_heap_growth_bytes_per_result": None if growth is None else round(growth, 1)}
    print(f"{name}: live heap {dumps[0]['live_heap_bytes'] / 1e6:.1f} MB at {dumps[0]['graded']:.0f} graded, "
          f"{dumps[1]['live_heap_bytes'] / 1e6:.1f} MB at {dumps[1]['graded']:.0f}: "
          f"{run['live_heap_growth_bytes_per_result']} bytes per result", flush=True)
    return run


runs = []
for round_ in range(1, args.rounds + 1):
    runs.append(sweep(f"this-{round_}"))
    if args.before:
        runs.append(sweep(f"before-{round_}", args.before))
result = {"tasks": args.tasks, "runs": runs, "machine_cores": os.cpu_count()}
for build in ("this", "before"):
    growths = [r["live_heap_growth_bytes_per_result"] for r in runs if r["build"] == build and r["live_heap_growth_bytes_per_result"] is not None]
    if growths:
        result[f"{build}_median_bytes_per_result"] = statistics.median(growths)
        print(f"{build} build: median live heap growth {statistics.median(growths):.1f} bytes per result graded ({len(growths)} runs)")
json.dump(result, open(os.path.join(root, "bench/results", f"{args.out}.json"), "w"), indent=2)
