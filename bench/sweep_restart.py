"""bench/sweep-restart.sh's driver: SIGKILL a sweep mid-way and resume it; recover a finished sweep. See bench/README.md."""
import argparse, datetime, json, os, re, shutil, signal, sqlite3, subprocess, sys, threading, time

root, work = sys.argv[1], sys.argv[2]
p = argparse.ArgumentParser(prog="bench/sweep-restart.sh")
p.add_argument("--kill-tasks", type=int, default=10000)
p.add_argument("--recover-tasks", type=int, default=100000)
p.add_argument("--max-in-flight", type=int, default=256)
p.add_argument("--kill-at", type=float, default=0.5, help="share of results persisted when the sweep is killed")
p.add_argument("--out", default="sweep-restart")
a = p.parse_args(sys.argv[3:])
TICKS_AT_EPOCH = 621355968000000000  # .NET ticks of 1970-01-01, the journal's `created` column counts ticks


def fail(message):
    sys.exit(f"sweep-restart: {message}")


def load():
    return [round(x, 2) for x in os.getloadavg()]


class Run:
    """One `./swelancer sweep` process; every line of its output is kept with the wall time it arrived."""

    def __init__(self, folder, sweep_id, out, name):
        self.log_path = os.path.join(work, f"{name}.out")
        args = [os.path.join(root, "swelancer"), "sweep", "--tasks", f"{folder}/tasks.json", "--submissions", f"{folder}/answers.jsonl",
                "--sweep-id", sweep_id, "--out", out, "--max-in-flight", str(a.max_in_flight)]
        self.lines = []
        self.started = time.time()
        # ./swelancer execs dotnet, so this pid is the sweep's own process once the wrapper's freshness check is done.
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        with open(self.log_path, "w") as log:
            for line in self.process.stdout:
                self.lines.append((time.time(), line.rstrip("\n")))
                log.write(line)

    def wait(self):
        code = self.process.wait(timeout=600)
        self.reader.join()
        self.ended = time.time()
        return code

    def first(self, pattern):
        """Seconds from the process's start to the first line matching, or None."""
        return next((round(t - self.started, 3) for t, line in self.lines if re.search(pattern, line)), None)

    def tail(self):
        return "\n".join(line for _, line in self.lines[-20:])


def pool(n):
    folder = os.path.join(work, f"pool-{n}")
    os.makedirs(folder, exist_ok=True)
    subprocess.check_call(["python3", os.path.join(root, "bench/manager-pool.py"), str(n), folder])
    # The earnings a correct grader must find, from the pool itself: a task earns its price when proposal 1 was chosen.
    prices = {t["question_id"]: t["price"] for t in json.load(open(f"{folder}/tasks.json"))["tasks"]}
    answers = [json.loads(line) for line in open(f"{folder}/answers.jsonl")]
    return folder, sum(prices[x["question_id"]] for x in answers if x["selected_proposal_id"] == "1")


def finished(run, what):
    code = run.wait()
    if code != 0:
        fail(f"{what} exited {code}:\n{run.tail()}")
    return round(run.ended - run.started, 2)


def journal(out):
    """The sweep's persisted results: {(question_id, attempt): created (unix s)} and the highest sequence number. Reads a
    copy of the database and its write-ahead log, so the product's own files stay as the kill left them."""
    copy = os.path.join(work, "journal-copy")
    shutil.rmtree(copy, ignore_errors=True)
    os.makedirs(copy)
    for suffix in ("", "-wal"):
        if os.path.exists(f"{out}/sweep.db{suffix}"):
            shutil.copy(f"{out}/sweep.db{suffix}", f"{copy}/sweep.db{suffix}")
    db = sqlite3.connect(f"{copy}/sweep.db")
    results, top = {}, 0
    for seq, created, manifest, message in db.execute(
            "select sequence_number, created, manifest, message from journal where persistence_id like 'sweep-%' order by sequence_number"):
        top = max(top, seq)
        if manifest.startswith("task-graded"):
            e = json.loads(message)
            results[(e["question_id"], e["attempt"])] = (created - TICKS_AT_EPOCH) / 1e7
    db.close()
    return results, top


LOG_LINE = re.compile(r"^\[INFO\]\[(\d\d/\d\d/\d{4} \d\d:\d\d:\d\d\.\d+)Z\]\[[^\]]*\]\[[^\]]*\] (Grading|Graded) (\S+) (\S+)#(\d+) ")


def gradings(log_text):
    """The grader's audit lines (src/GraderNode/Grading/GradingEntity.cs logs "Grading" before and "Graded" after each
    grading): {"Grading"/"Graded": [(unix s, (question_id, attempt))]}."""
    found = {"Grading": [], "Graded": []}
    for line in log_text.splitlines():
        m = LOG_LINE.match(line)
        if m:
            at = datetime.datetime.strptime(m.group(1), "%m/%d/%Y %H:%M:%S.%f").replace(tzinfo=datetime.timezone.utc).timestamp()
            found[m.group(2)].append((at, (m.group(4), int(m.group(5)))))
    return found


def summary_of(out):
    """summary.json without the sweep id and the cost (wall seconds of grading differ from run to run)."""
    s = json.load(open(f"{out}/summary.json"))
    for key in ("sweep_id", "cost"):
        s.pop(key)
    return s


# (a) SIGKILL mid-sweep, then resume.
n = a.kill_tasks
folder, expected_usd = pool(n)
load_before = load()
clean = Run(folder, "clean", f"{work}/clean", "clean")
clean_seconds = finished(clean, "the clean sweep")
print(f"(a) clean sweep of {n} tasks: {clean_seconds} s end to end (load {load_before})", flush=True)

killed_out = f"{work}/killed"
first = Run(folder, "restart", killed_out, "killed")
# Killed once the grader's log (appended and flushed line by line) shows the share graded: finer than the progress line,
# which comes every 0.5 s. How many results were persisted by then is read from the journal afterwards.
target, seen, read = int(n * a.kill_at), 0, 0
while first.process.poll() is None and seen < target:
    if os.path.exists(f"{killed_out}/swelancer.log"):
        with open(f"{killed_out}/swelancer.log", "rb") as log:
            log.seek(read)
            chunk = log.read()
        chunk = chunk[:chunk.rfind(b"\n") + 1]
        read += len(chunk)
        seen += chunk.count(b"] Graded ")
    time.sleep(0.01)
if first.process.poll() is not None:
    fail(f"the sweep ended before {target} attempts were graded ({seen} seen); use more --kill-tasks")
exe = open(f"/proc/{first.process.pid}/cmdline").read().split("\0")[0]
if not exe.endswith("dotnet"):
    fail(f"pid {first.process.pid} is {exe}, not the dotnet process")
os.kill(first.process.pid, signal.SIGKILL)
killed_at = time.time()
first.wait()
persisted, top_seq = journal(killed_out)
if len(persisted) == n:
    fail("every result was persisted before the kill landed; use more --kill-tasks")
log_offset = os.path.getsize(f"{killed_out}/swelancer.log")   # the log is appended to: what follows is the resumed run's

load_resume = load()
second = Run(folder, "restart", killed_out, "resumed")
resumed_seconds = finished(second, "the resumed sweep")
load_after = load()
log_text = open(f"{killed_out}/swelancer.log").read()
before, after = gradings(log_text[:log_offset]), gradings(log_text[log_offset:])
all_results, _ = journal(killed_out)

started_before = {k for _, k in before["Grading"]}
graded_before = {k for _, k in before["Graded"]}
graded_after = [k for _, k in after["Graded"]]
regraded = graded_before.intersection(graded_after)
regraded_started = started_before.intersection(graded_after)
persisted_then_regraded = set(persisted).intersection(graded_after)
m = re.search(r"resuming: (\d+) of (\d+)", "\n".join(line for _, line in second.lines))
if not m or int(m.group(1)) != len(persisted):
    fail(f"the resumed sweep said {m and m.group(0)!r}; the journal held {len(persisted)} results at the kill")
if persisted_then_regraded:
    fail(f"{len(persisted_then_regraded)} attempts persisted before the kill were graded again, e.g. {sorted(persisted_then_regraded)[:3]}")
if len(all_results) != n or sorted(set(graded_after)) != sorted(set(all_results) - set(persisted)):
    fail(f"the journal holds {len(all_results)} results of {n}; the resumed run graded {len(set(graded_after))} attempts")
first_graded = min((t for t, _ in after["Graded"]), default=None)
first_new_event = min(t for k, t in all_results.items() if k not in persisted)
clean_summary, killed_summary = summary_of(f"{work}/clean"), summary_of(killed_out)
same_csv = open(f"{work}/clean/results.csv").read() == open(f"{killed_out}/results.csv").read()
if killed_summary != clean_summary or not same_csv or killed_summary["earned_usd"] != expected_usd:
    fail(f"the resumed sweep earned {killed_summary['earned_usd']} (clean {clean_summary['earned_usd']}, from the pool {expected_usd}); "
         f"summaries equal: {killed_summary == clean_summary}, results.csv equal: {same_csv}")

kill = {
    "tasks": n, "max_in_flight": a.max_in_flight, "kill_at_share": a.kill_at,
    "killed_after_seconds": round(killed_at - first.started, 2), "graded_seen_at_kill": seen,
    "persisted_before_kill": len(persisted),
    "started_before_kill": len(started_before), "graded_before_kill": len(graded_before),
    "graded_not_persisted_before_kill": len(graded_before - set(persisted)),
    "regraded": len(regraded), "regraded_counting_started_before_kill": len(regraded_started),
    "graded_after_restart": len(graded_after),
    "regraded_within_window": len(regraded_started) <= a.max_in_flight,
    "resumed_start_to_resuming_seconds": second.first(r"^resuming: "),
    "resumed_start_to_first_graded_seconds": round(first_graded - second.started, 3) if first_graded else None,
    "resumed_start_to_first_new_journal_event_seconds": round(first_new_event - second.started, 3),
    "first_graded_within_5_seconds": first_graded is not None and first_graded - second.started <= 5,
    "resumed_run_seconds": resumed_seconds, "clean_sweep_seconds": clean_seconds,
    "earned_usd": killed_summary["earned_usd"], "clean_earned_usd": clean_summary["earned_usd"], "pool_earned_usd": expected_usd,
    "ledger_equals_clean": True, "results_csv_equals_clean": same_csv,
    "load_average_before": load_before, "load_average_at_resume": load_resume, "load_average_after": load_after,
}
print(f"(a) killed (SIGKILL) after {kill['killed_after_seconds']} s with {len(persisted)} of {n} results persisted "
      f"({len(started_before)} attempts started, {len(graded_before)} graded before the kill; window {a.max_in_flight})")
print(f"(a) regraded after the restart: {len(regraded)} of those graded before the kill ({len(regraded_started)} counting those only started), "
      f"window {a.max_in_flight}: {'met' if kill['regraded_within_window'] else 'NOT met'}")
print(f"(a) resumed process: 'resuming' at {kill['resumed_start_to_resuming_seconds']} s, first newly graded attempt at "
      f"{kill['resumed_start_to_first_graded_seconds']} s, first new journal event at {kill['resumed_start_to_first_new_journal_event_seconds']} s "
      f"(target 5 s: {'met' if kill['first_graded_within_5_seconds'] else 'NOT met'}), done in {resumed_seconds} s; "
      f"ledger ${killed_summary['earned_usd']:,} = clean sweep's = the pool's; load {load_resume} -> {load_after}", flush=True)

# (b) Recover a finished sweep.
n = a.recover_tasks
folder, expected_usd = pool(n)
out = f"{work}/finished"
load_grade = load()
grade = Run(folder, "finished", out, "grade")
grade_seconds = finished(grade, "the sweep to recover")
print(f"(b) graded {n} tasks in {grade_seconds} s (load {load_grade} -> {load()})", flush=True)
log_offset = os.path.getsize(f"{out}/swelancer.log")
load_recover = load()
recover = Run(folder, "finished", out, "recover")
recover_seconds = finished(recover, "the recovering sweep")
load_recovered = load()
if not any(re.match(rf"resuming: {n} of {n} ", line) for _, line in recover.lines):
    fail(f"the second run did not resume all {n} results:\n{recover.tail()}")
if gradings(open(f"{out}/swelancer.log").read()[log_offset:])["Graded"]:
    fail("the finished sweep graded attempts again")
if summary_of(out)["earned_usd"] != expected_usd:
    fail(f"the recovered sweep earned {summary_of(out)['earned_usd']}, the pool {expected_usd}")
# Phases from the times the CLI's lines arrived (src/Coordinator/Cli/SweepCommand.cs prints them in this order).
marks = [("inputs_loaded", r"^sweep finished: "), ("sweep_recovered", r"^resuming: "), ("progress_read", r"^progress: "),
         ("ledger_and_estimates", r"Earnings ledger"), ("reports_written", r"^results: ")]
phases, previous = {}, 0.0
for name, pattern in marks:
    at = recover.first(pattern)
    phases[name] = round(at - previous, 3) if at is not None else None
    previous = at if at is not None else previous
phases["shutdown"] = round(recover_seconds - previous, 3)
recovery = {"tasks": n, "grade_seconds": grade_seconds, "recover_seconds": recover_seconds, "within_5_seconds": recover_seconds <= 5,
            "phases_seconds": phases, "journal_mb": round(os.path.getsize(f"{out}/sweep.db") / 2**20, 1),
            "load_average_before_grading": load_grade, "load_average_before": load_recover, "load_average_after": load_recovered}
print(f"(b) finished sweep of {n} recovered and reported in {recover_seconds} s (target 5 s: {'met' if recovery['within_5_seconds'] else 'NOT met'}); "
      f"phases {phases}; load {load_recover} -> {load_recovered}")

commit = subprocess.run(["git", "-C", root, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
result = {"bench": "sweep-restart", "journal": "sqlite", "mode": "embedded", "commit": commit, "machine_cores": os.cpu_count(),
          "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "kill_and_resume": kill, "recover_finished": recovery}
path = os.path.join(root, "bench/results", a.out + ".json")
json.dump(result, open(path, "w"), indent=2)
print(f"wrote {path}")
