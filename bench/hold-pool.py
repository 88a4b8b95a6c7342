"""Writes a pool for the hold-runner benchmarks: N priced ic_swe tasks, each naming one of M images, and one answer per task.

Usage: python3 bench/hold-pool.py N FOLDER [M=1] [ATTEMPTS=1]  ->  FOLDER/tasks.json, FOLDER/answers.jsonl
Task i uses image bench/img-(i mod M) (so every image has about N/M tasks, interleaved in plan order), with ATTEMPTS
answers each. Only a grader started with --bench-hold-runner can grade these: the patch and test command are stand-ins.
"""
import json
import sys


def write(n, folder, images=1, attempts=1):
    tasks, answers = [], []
    patch = "--- a/app/x.txt\n+++ b/app/x.txt\n@@ -1 +1 @@\n-a\n+b\n"
    for i in range(n):
        qid = f"hold-{i:07d}"
        tasks.append({"question_id": qid, "variant": "ic_swe", "price": 250,
                      "ic": {"acceptable_folders": ["app"], "cwd": "/app", "image": f"bench/img-{i % images:04d}:1",
                             "runner": "command", "test_command": ["/bin/true"]}})
        for a in range(1, attempts + 1):
            answers.append(json.dumps({"question_id": qid, "attempt": a, "model_patch": patch}))
    json.dump({"format": "swelancer-task-manifest", "version": 1, "tasks": tasks}, open(f"{folder}/tasks.json", "w"))
    open(f"{folder}/answers.jsonl", "w").write("\n".join(answers) + "\n")


if __name__ == "__main__":
    args = sys.argv[1:]
    write(int(args[0]), args[1], int(args[2]) if len(args) > 2 else 1, int(args[3]) if len(args) > 3 else 1)
