"""bench/placement.sh's driver (run through bench/hold-rig.sh, which owns the teardown): the same pool graded twice on a
fresh cluster each time, shards keyed by attempt (plain hash sharding, the default) and by image (SWELANCER_SHARD_KEY=image)."""
import argparse, json, os, signal, sys, time
root, work = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.join(root, "bench"))
import hold_rig

p = argparse.ArgumentParser(prog="bench/placement.sh")
p.add_argument("--graders", type=int, default=8)
p.add_argument("--slots-per-grader", type=int, default=8)
p.add_argument("--hold", default="500ms")
p.add_argument("--images", type=int, default=160, help="distinct images (tasks use image i mod M)")
p.add_argument("--tasks", type=int, help="tasks (default: one per image, as SWE-Lancer's per-task images)")
p.add_argument("--attempts", type=int, default=4, help="attempts per task, each graded separately")
p.add_argument("--pull-cost", default="1s", help="a node's pull of an image it does not hold (one pull at a time per node)")
p.add_argument("--image-cache", type=int, default=4, help="images a node keeps, least recently used evicted")
p.add_argument("--out", default="placement")
a = p.parse_args(sys.argv[3:])
signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
signal.signal(signal.SIGINT, lambda *_: sys.exit(130))
tasks = a.tasks or a.images
print(f"placement: {a.graders} graders x {a.slots_per_grader} slots, hold {a.hold}; {tasks} tasks x {a.attempts} attempts over {a.images} images; "
      f"pull {a.pull_cost} (one at a time per node), {a.image_cache} images kept per node", flush=True)
runs = {}
for key in ("attempt", "image"):
    f = hold_rig.run_one(root, work, f"placement-{key}", a.graders, a.slots_per_grader, a.hold, tasks, images=a.images,
                         attempts=a.attempts, pull_cost=a.pull_cost, image_cache=a.image_cache, shard_key=key)
    runs[key] = f
    print(f"  shards by {key:7}: {f['pulls']} pulls ({f['pulls'] * hold_rig.duration_seconds(a.pull_cost):.0f} s of pulling, "
          f"{f['pull_seconds_total']} s waited by the attempts that started them), makespan {f['makespan_seconds']} s; "
          f"attempts per node {list(f['attempts_per_node'].values())}", flush=True)
h, i = runs["attempt"], runs["image"]
pull_s = hold_rig.duration_seconds(a.pull_cost)
summary = {
    "pull_seconds_hash": round(h["pulls"] * pull_s, 1), "pull_seconds_image": round(i["pulls"] * pull_s, 1),
    "makespan_seconds_hash": h["makespan_seconds"], "makespan_seconds_image": i["makespan_seconds"],
    "makespan_image_over_hash": round(i["makespan_seconds"] / h["makespan_seconds"], 2),
    "pulls_image_over_hash": round(i["pulls"] / h["pulls"], 2) if h["pulls"] else None,
}
print(f"image-keyed / hash: pulls {summary['pulls_image_over_hash']}, makespan {summary['makespan_image_over_hash']}")
out = {"bench": "placement", "journal": "postgresql", "machine_cores": os.cpu_count(),
       "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "summary": summary, "runs": runs}
path = os.path.join(root, "bench/results", a.out + ".json")
json.dump(out, open(path, "w"), indent=2)
print(f"wrote {path}")
bad = {k: r["not_passed"] for k, r in runs.items() if r["not_passed"] or r["passed"] != tasks * a.attempts}
if bad:
    sys.exit(f"placement: attempts did not pass in {bad}: the rig is broken, the figures mean nothing")
