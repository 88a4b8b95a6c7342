"""bench/scale-out.sh's driver (run through bench/hold-rig.sh, which owns the teardown)."""
import argparse, json, os, sys, time, signal
root, work = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.join(root, "bench"))
import hold_rig
p = argparse.ArgumentParser(prog="bench/scale-out.sh")
p.add_argument("--graders", type=int, default=8)
p.add_argument("--slots-per-grader", type=int, default=128)
p.add_argument("--hold", default="2s")
p.add_argument("--tasks", type=int)
p.add_argument("--max-in-flight", type=int)
p.add_argument("--out", default="scale-out")
a = p.parse_args(sys.argv[3:])
signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
hold = hold_rig.duration_seconds(a.hold)
slots = a.graders * a.slots_per_grader
ideal = slots / hold
tasks = a.tasks or int(ideal * 60)
window = a.max_in_flight or 2 * slots
print(f"scale-out: {a.graders} graders x {a.slots_per_grader} slots = {slots} slots, hold {a.hold}: ideal {ideal:.0f} tasks/s; {tasks} tasks, max in flight {window}", flush=True)
signal.signal(signal.SIGINT, lambda *_: sys.exit(130))
f = hold_rig.run_one(root, work, "scale-out", a.graders, a.slots_per_grader, a.hold, tasks, window)
out = {"bench": "scale-out", "journal": "postgresql", "machine_cores": os.cpu_count(),
       "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), **f}
print(f"steady rate {f['steady_tasks_per_second']} tasks/s of ideal {f['ideal_tasks_per_second']} = {f['steady_percent_of_ideal']} % "
      f"(window {f['steady_window_seconds']} s, {f['steady_window']}); end to end {f['end_to_end_tasks_per_second']} tasks/s, "
      f"makespan {f['makespan_seconds']} s (ideal {f['ideal_makespan_seconds']} s)")
print(f"coordinator: {f['coordinator_cpu_cores_steady']} cores in the steady window, {f['coordinator_cpu_seconds_sweep']} CPU s in all, "
      f"RSS peak {f['coordinator_rss_mb_peak']} MB; graders {f.get('graders_cpu_cores_steady')} cores; in flight (median, steady) {f.get('in_flight_steady_median')}; "
      f"ramp-up {f.get('first_finish_after_submit_seconds')} s, tail {f.get('tail_seconds')} s; load average {f.get('load_average_before')} -> {f.get('load_average_after')}; attempts per node {f['attempts_per_node']}; not passed {f['not_passed']}")
path = os.path.join(root, "bench/results", a.out + ".json")
json.dump(out, open(path, "w"), indent=2)
print(f"wrote {path}")
if f["not_passed"] or f["passed"] != tasks:
    sys.exit(f"scale-out: {f['not_passed']} attempts did not pass ({f['passed']} of {tasks} passed): the rig is broken, the figures mean nothing")
