"""bench/status-polling.sh's driver (run through hold-rig.sh, which ends its processes and drops its databases)."""
import argparse, json, os, statistics, subprocess, sys, time, urllib.request

from hold_rig import free_port, proc_sample, psql

root, work = sys.argv[1], sys.argv[2]
parser = argparse.ArgumentParser(prog="bench/status-polling.sh")
parser.add_argument("--tasks", type=int, default=100_000)
parser.add_argument("--interval", type=float, default=2.0, help="seconds between refreshes (the page's own: 2)")
parser.add_argument("--before", help="another build's swelancer.dll, run on the same pool right after this one")
parser.add_argument("--out", default="status-polling")
args = parser.parse_args(sys.argv[3:])
server = "Host=127.0.0.1;Port=5432;Username=swelancer;Password=swelancer"
# What the status page fetches on every refresh with a sweep selected (src/Coordinator/Api/status.html, tick()).
PAGE = ["/api/sweeps", "/api/sweeps/{id}/timeline", "/api/sweeps/{id}/estimates"]

pool = os.path.join(work, "pool")
os.makedirs(pool)
subprocess.check_call(["python3", os.path.join(root, "bench/manager-pool.py"), str(args.tasks), pool])


def get(url, timeout=60):
    began = time.monotonic()
    body = urllib.request.urlopen(url, timeout=timeout).read()
    return time.monotonic() - began, body


def cpu_seconds(pid):
    return proc_sample(pid)[0]


def run(name, dll):
    db = f"swl_status_{os.getpid()}_{name.replace('-', '_')}"
    psql(f"CREATE DATABASE {db}")
    open(os.path.join(work, "dbs"), "a").write(db + "\n")
    api = f"http://127.0.0.1:{free_port()}"
    log = open(os.path.join(work, f"{name}.out"), "w")
    coordinator = subprocess.Popen(["dotnet", dll, "coordinator", "--roles", "coordinator,grader", "--db", f"{server};Database={db}",
                                    "--port", "0", "--api-urls", api, "--data-dir", os.path.join(work, f"{name}-data"),
                                    "--log", os.path.join(work, f"{name}.akka.log")],
                                   stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    open(os.path.join(work, "pids-status"), "a").write(f"{coordinator.pid}\n")
    try:
        for _ in range(240):
            try:
                get(api + "/healthz", 2)
                break
            except OSError:
                if coordinator.poll() is not None:
                    sys.exit(f"bench: the {name} coordinator exited with {coordinator.returncode}; see {work}/{name}.out")
                time.sleep(0.5)
        sweep_id = "polled"
        request = urllib.request.Request(api + "/api/sweeps", headers={"Content-Type": "application/json"}, data=json.dumps(
            {"sweep_id": sweep_id, "tasks_path": f"{pool}/tasks.json", "submissions_path": f"{pool}/answers.jsonl",
             "max_in_flight": 256}).encode())
        cpu_before = cpu_seconds(coordinator.pid)
        started = time.monotonic()
        urllib.request.urlopen(request, timeout=300).read()
        refreshes = []
        while True:
            begun = time.monotonic()
            row = {"at": round(begun - started, 2)}
            for path in PAGE:
                took, body = get(api + path.format(id=sweep_id))
                row[path] = (round(took, 4), len(body))
                if path == "/api/sweeps":
                    view = next(s for s in json.loads(body)["sweeps"] if s["sweep_id"] == sweep_id)
            row["graded"] = (view.get("ledger") or {}).get("attempts_graded", 0)
            refreshes.append(row)
            if view["state"] == "finished":
                break
            if time.monotonic() - started > 900:
                sys.exit(f"bench: the {name} sweep did not finish in 15 minutes")
            time.sleep(max(0.0, args.interval - (time.monotonic() - begun)))
        seconds = time.monotonic() - started
        cpu = cpu_seconds(coordinator.pid) - cpu_before
        # A page left open on the finished sweep: its ledger no longer grows.
        finished = []
        for _ in range(5):
            finished.append(sum(get(api + path.format(id=sweep_id))[0] for path in PAGE))
        peak_mb = int(open(f"/proc/{coordinator.pid}/status").read().split("VmHWM:")[1].split()[0]) // 1024
    finally:
        coordinator.terminate()
        try:
            coordinator.wait(30)
        except subprocess.TimeoutExpired:
            coordinator.kill()
    if view["ledger"]["attempts_graded"] != args.tasks:
        sys.exit(f"bench: the {name} sweep graded {view['ledger']['attempts_graded']} of {args.tasks}")
    # While it grades, in its second half: where a refresh that folds the whole ledger costs the most.
    late = [r for r in refreshes if args.tasks / 2 <= r["graded"] < args.tasks] or refreshes[-1:]
    figures = {"sweep_seconds": round(seconds, 2), "coordinator_cpu_seconds": round(cpu, 1), "coordinator_peak_rss_mb": peak_mb,
               "refreshes": len(refreshes),
               "late_refreshes": len(late)}
    for path in PAGE:
        figures[path] = {"median_ms_last_half": round(1000 * statistics.median(r[path][0] for r in late), 1),
                         "max_ms": round(1000 * max(r[path][0] for r in refreshes), 1),
                         "bytes_at_end": refreshes[-1][path][1]}
    figures["refresh_ms_last_half"] = round(sum(figures[p]["median_ms_last_half"] for p in PAGE), 1)
    figures["refresh_ms_finished"] = round(1000 * statistics.median(finished), 1)
    print(f"{name}: {args.tasks} tasks in {figures['sweep_seconds']} s, coordinator {figures['coordinator_cpu_seconds']} CPU s and {peak_mb} MB at peak, "
          f"{len(refreshes)} refreshes; median refresh in the last half {figures['refresh_ms_last_half']} ms ("
          + ", ".join(f"{p.rsplit('/', 1)[-1] or 'list'} {figures[p]['median_ms_last_half']} ms / {figures[p]['bytes_at_end']} B" for p in PAGE)
          + f"); of the finished sweep {figures['refresh_ms_finished']} ms",
          flush=True)
    return figures


results = {"tasks": args.tasks, "interval_seconds": args.interval, "cores": os.cpu_count(), "journal": "postgresql",
           "commit": subprocess.run(["git", "-C", root, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip(),
           "load_average": os.getloadavg()[0]}
results["this_build"] = run("this-build", os.path.join(root, "src/Coordinator/bin/Release/net10.0/swelancer.dll"))
if args.before:
    results["before"] = run("before", args.before)
    b, a = results["before"], results["this_build"]
    results["refresh_ratio"] = round(a["refresh_ms_last_half"] / b["refresh_ms_last_half"], 3)
    results["finished_refresh_ratio"] = round(a["refresh_ms_finished"] / b["refresh_ms_finished"], 3)
    results["coordinator_cpu_ratio"] = round(a["coordinator_cpu_seconds"] / b["coordinator_cpu_seconds"], 3)
    results["sweep_time_ratio"] = round(a["sweep_seconds"] / b["sweep_seconds"], 3)
    print(f"this build / before: refresh {results['refresh_ratio']}, of the finished sweep {results['finished_refresh_ratio']}, coordinator CPU {results['coordinator_cpu_ratio']}, "
          f"sweep time {results['sweep_time_ratio']}")
path = os.path.join(root, "bench/results", f"{args.out}.json")
json.dump(results, open(path, "w"), indent=2)
print(f"status-polling: wrote {path}")
