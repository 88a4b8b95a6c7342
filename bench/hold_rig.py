"""A PostgreSQL-backed cluster of real processes on this machine for the hold-runner benchmarks (scale-out.sh,
placement.sh): one `swelancer coordinator` and G `swelancer-grader --bench-hold-runner` processes, a fresh database,
one sweep submitted with `swelancer submit`, figures read back from the sweep's results.csv.

Every process it starts is recorded in WORK/pids (one pid a line) as soon as it starts, so the calling script's trap can
end them by pid even when this driver is killed; the driver ends them itself on every exit path too.
"""
import csv
import io
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request

TICKS = os.sysconf("SC_CLK_TCK")
REASON = re.compile(r"node=(\S+) image=(\S+) pull_ms=(\d+) finished_unix_ms=(\d+)")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def psql(sql):
    """Runs one statement on the local PostgreSQL of scripts/setup-services.sh, as the swelancer role."""
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "swelancer", "-d", "postgres", "-qc", sql], check=True,
                   env=dict(os.environ, PGPASSWORD="swelancer"), stdout=subprocess.DEVNULL)


def swelancer_env(dll=None):
    """The environment for ./swelancer: this checkout's build, or with dll the build there (SWELANCER_DLL), either one
    run with the script's own runtime settings."""
    env = {k: v for k, v in os.environ.items() if k != "SWELANCER_DLL"}
    return env | {"SWELANCER_DLL": dll} if dll else env


def duration_seconds(text):
    text = text.strip()
    if text.endswith("ms"):
        return float(text[:-2]) / 1000
    if text.endswith("s"):
        return float(text[:-1])
    if text.endswith("m"):
        return float(text[:-1]) * 60
    return float(text)


def get(url, timeout=10):
    with urllib.request.urlopen(url, timeout=timeout) as r:
        return r.read().decode()


def proc_sample(pid):
    """(cpu seconds, rss MB) of a process, from /proc."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / TICKS
    rss = 0
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) / 1024
    return cpu, rss


class Rig:
    def __init__(self, root, work, env_extra=None):
        self.root, self.work = root, work
        self.bin = os.path.join(root, "src/Coordinator/bin/Release/net10.0")
        self.procs = []
        self.db = f"swl_bench_{os.getpid()}_{int(time.time())}"
        self.server = "Host=127.0.0.1;Port=5432;Username=swelancer;Password=swelancer"
        self.env = dict(os.environ, **(env_extra or {}))
        self.db_created = False

    def psql(self, sql):
        psql(sql)

    def spawn(self, name, args):
        log = open(os.path.join(self.work, name + ".out"), "w")
        p = subprocess.Popen(["dotnet"] + args, stdout=log, stderr=subprocess.STDOUT, env=self.env, start_new_session=True)
        self.procs.append(p)
        with open(os.path.join(self.work, "pids"), "a") as f:
            f.write(f"{p.pid}\n")
        return p

    def start(self, graders, slots, hold, grader_args=()):
        self.psql(f"CREATE DATABASE {self.db}")
        self.db_created = True
        self.api = f"http://127.0.0.1:{free_port()}"
        cport = free_port()
        self.coordinator = self.spawn("coordinator", [
            os.path.join(self.bin, "swelancer.dll"), "coordinator", "--db", f"{self.server};Database={self.db}",
            "--port", str(cport), "--api-urls", self.api, "--data-dir", os.path.join(self.work, "cdata"),
            "--log", os.path.join(self.work, "coordinator.akka.log")])
        self.wait(lambda: get(self.api + "/healthz", 2), 60, "the coordinator's API")
        seed = f"akka.tcp://swelancer@127.0.0.1:{cport}"
        self.graders = []
        for i in range(1, graders + 1):
            self.graders.append(self.spawn(f"grader-{i}", [
                os.path.join(self.bin, "swelancer-grader.dll"), "--seed-nodes", seed, "--port", "0", "--node-id", f"bench-g{i}",
                "--container-slots", str(slots), "--bench-hold-runner", hold, "--log", os.path.join(self.work, f"grader-{i}.akka.log"),
                "--artefacts", os.path.join(self.work, "artefacts"), *grader_args]))

        def all_up():
            nodes = json.loads(get(self.api + "/api/nodes"))["nodes"]
            up = [n for n in nodes if "grader" in n["roles"] and n["status"] == "up"]
            return len(up) == graders or None
        self.wait(all_up, 180, f"{graders} graders up")

    def wait(self, probe, seconds, what):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            for p in self.procs:
                if p.poll() is not None:
                    raise RuntimeError(f"a process exited early (exit {p.returncode}) while waiting for {what}; logs in {self.work}")
            try:
                if probe():
                    return
            except Exception:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"timed out waiting for {what}")

    def sweep(self, tasks, answers, sweep_id, max_in_flight, timeout):
        """Submits, samples the coordinator's CPU and RSS every 0.5 s until the sweep is finished, returns the samples."""
        samples = []
        self.in_flight = []
        t0 = time.time()
        subprocess.run(["dotnet", os.path.join(self.bin, "swelancer.dll"), "submit", "--coordinator", self.api, "--tasks", tasks,
                        "--submissions", answers, "--sweep-id", sweep_id, "--max-in-flight", str(max_in_flight)],
                       check=True, stdout=subprocess.DEVNULL, env=self.env)
        submitted = time.time()
        deadline = time.monotonic() + timeout
        last_poll = 0.0
        while True:
            cpu, rss = proc_sample(self.coordinator.pid)
            graders_cpu = sum(proc_sample(g.pid)[0] for g in self.graders if g.poll() is None)
            samples.append((time.time(), cpu, rss, graders_cpu))
            if time.monotonic() - last_poll > 2.0:
                last_poll = time.monotonic()
                try:
                    view = json.loads(get(f"{self.api}/api/sweeps/{sweep_id}", 30))
                except (OSError, ValueError) as ex:  # a slow answer under load is not a failure; the deadline still holds
                    self.slow_polls = getattr(self, "slow_polls", 0) + 1
                    print(f"  (status poll failed: {ex}; retrying)", file=sys.stderr, flush=True)
                    view = {}
                if view.get("progress"):
                    self.in_flight.append((time.time(), view["progress"]["in_flight"]))
                if view.get("state") == "finished" and view["ledger"]["attempts_graded"] == view["ledger"]["attempts"]:
                    break
                if view.get("state") not in ("running", "recovering", "finished", None):
                    raise RuntimeError(f"sweep state {view.get('state')}: {view.get('problem')}")
            if time.monotonic() > deadline:
                raise RuntimeError("the sweep did not finish in time")
            for p in self.procs:
                if p.poll() is not None:
                    raise RuntimeError(f"a process exited during the sweep (exit {p.returncode}); logs in {self.work}")
            time.sleep(0.5)
        results = get(f"{self.api}/api/sweeps/{sweep_id}/results.csv", 120)
        return t0, submitted, samples, results, self.in_flight

    def stop(self):
        for p in self.graders if hasattr(self, "graders") else []:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        time.sleep(0.5)
        for p in self.procs:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 20
        for p in self.procs:
            try:
                p.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        if self.db_created:
            try:
                self.psql(f"DROP DATABASE IF EXISTS {self.db} WITH (FORCE)")
            except Exception as ex:
                print(f"warning: could not drop database {self.db}: {ex}", file=sys.stderr)


def figures(results_csv, samples, submitted, slots_total, hold_s, trim=0.1, in_flight=()):
    """Rates from each attempt's finish time (in its reason); the steady window runs from the completion at the `trim`
    quantile to the one at 1 - trim, so the ramp-up (slots filling, first holds) and the tail (last slots draining)
    are left out. The coordinator's CPU is the CPU seconds it used within the same window, over the window's length."""
    rows = list(csv.DictReader(io.StringIO(results_csv)))
    finished, pulls, per_node, not_passed = [], [], {}, 0
    for row in rows:
        if row["outcome"] != "passed":
            not_passed += 1
            continue
        m = REASON.search(row["reason"])
        node, image, pull_ms, fin = m.group(1), m.group(2), int(m.group(3)), int(m.group(4)) / 1000
        finished.append(fin)
        per_node[node] = per_node.get(node, 0) + 1
        if pull_ms:
            pulls.append(pull_ms)
    finished.sort()
    n = len(finished)
    lo, hi = finished[int(n * trim)], finished[min(n - 1, int(n * (1 - trim)))]
    steady_count = int(n * (1 - trim)) - int(n * trim)
    steady_rate = steady_count / (hi - lo) if hi > lo else float("nan")
    ideal = slots_total / hold_s

    def cpu_at(t):
        before = [s for s in samples if s[0] <= t]
        return (before[-1] if before else samples[0])[1]
    window_cpu = cpu_at(hi) - cpu_at(lo)

    def graders_cpu_at(t):
        before = [s for s in samples if s[0] <= t]
        return (before[-1] if before else samples[0])[3]
    window_graders_cpu = graders_cpu_at(hi) - graders_cpu_at(lo)
    sweep_samples = [s for s in samples if s[0] >= submitted]
    total_cpu = samples[-1][1] - samples[0][1]
    makespan = finished[-1] - submitted
    return {
        "attempts": len(rows), "passed": n, "not_passed": not_passed,
        "ideal_tasks_per_second": round(ideal, 1),
        "steady_tasks_per_second": round(steady_rate, 1),
        "steady_percent_of_ideal": round(100 * steady_rate / ideal, 1),
        "steady_window": f"completions {int(trim * 100)} % to {int((1 - trim) * 100)} % by finish time",
        "steady_window_seconds": round(hi - lo, 2),
        "end_to_end_tasks_per_second": round(n / makespan, 1),
        "makespan_seconds": round(makespan, 2),
        # Ramp-up: from `submit` returning to the first finish, less one hold (planning, persisting, first dispatch, shards).
        "first_finish_after_submit_seconds": round(finished[0] - submitted, 2),
        # Tail: from the completion at the 90 % quantile to the last (nodes with more attempts drain last).
        "tail_seconds": round(finished[-1] - hi, 2),
        "ideal_makespan_seconds": round(-(-len(rows) // slots_total) * hold_s, 2),
        "coordinator_cpu_cores_steady": round(window_cpu / (hi - lo), 2) if hi > lo else None,
        "coordinator_cpu_seconds_sweep": round(total_cpu, 1),
        "graders_cpu_cores_steady": round(window_graders_cpu / (hi - lo), 2) if hi > lo else None,
        "coordinator_rss_mb_peak": round(max(s[2] for s in sweep_samples or samples)),
        "coordinator_rss_mb_end": round(samples[-1][2]),
        # The sweep's attempts out to the graders, from the status polls (every 2 s) inside the steady window: at the
        # window's size, dispatch keeps up and the graders are the limit; well below it, the coordinator is.
        "in_flight_steady_median": sorted(v for t, v in in_flight if lo <= t <= hi)[len([1 for t, v in in_flight if lo <= t <= hi]) // 2]
                                   if any(lo <= t <= hi for t, v in in_flight) else None,
        "pulls": len(pulls), "pull_seconds_total": round(sum(pulls) / 1000, 1),
        "attempts_per_node": dict(sorted(per_node.items())),
    }


def run_one(root, work, name, graders, slots_per_grader, hold, tasks, max_in_flight=None, images=1, attempts=1,
            pull_cost=None, image_cache=None, shard_key="attempt", timeout=540):
    """One cluster, one sweep, torn down; returns the figures. WORK/NAME holds its pool and logs."""
    folder = os.path.join(work, name)
    os.makedirs(folder)
    subprocess.check_call(["python3", os.path.join(root, "bench/hold-pool.py"), str(tasks), folder, str(images), str(attempts)])
    slots = graders * slots_per_grader
    window = max_in_flight or 2 * slots
    grader_args = []
    if pull_cost:
        grader_args += ["--bench-pull-cost", pull_cost]
    if image_cache:
        grader_args += ["--bench-image-cache", str(image_cache)]
    rig = Rig(root, folder, {"SWELANCER_SHARD_KEY": shard_key})
    with open(os.path.join(work, "dbs"), "a") as f:
        f.write(rig.db + "\n")
    with open(os.path.join(folder, "pids"), "w"):
        pass
    os.symlink(os.path.join(folder, "pids"), os.path.join(work, f"pids-{name}"))
    load_before = os.getloadavg()[0]
    try:
        started = time.monotonic()
        rig.start(graders, slots_per_grader, hold, grader_args)
        print(f"{name}: cluster up in {time.monotonic() - started:.1f} s; submitting", flush=True)
        _, submitted, samples, results, in_flight = rig.sweep(f"{folder}/tasks.json", f"{folder}/answers.jsonl", name, window, timeout)
        f = figures(results, samples, submitted, slots, duration_seconds(hold), in_flight=in_flight)
    finally:
        rig.stop()
    return {"graders": graders, "slots_per_grader": slots_per_grader, "slots": slots, "hold": hold, "tasks": tasks,
            "attempts_per_task": attempts, "images": images, "pull_cost": pull_cost, "image_cache": image_cache,
            "shard_key": shard_key, "max_in_flight": window,
            # The machine may be shared: its 1-minute load average before and after the run says how much.
            "load_average_before": round(load_before, 1), "load_average_after": round(os.getloadavg()[0], 1), **f}
