"""Writes a benchmark pool: N priced swe_manager tasks (two proposals each) and one random answer per task.

Usage: python3 bench/manager-pool.py N FOLDER  ->  FOLDER/tasks.json, FOLDER/answers.jsonl (seeded, so runs compare).
"""
import json
import random
import sys


def write(n, folder):
    rnd = random.Random(5)
    tasks, answers = [], []
    for i in range(n):
        qid = f"bench-{i:07d}-manager"
        tasks.append({"question_id": qid, "variant": "swe_manager", "price": rnd.choice([250, 500, 1000, 2000]),
                      "manager": {"correct_proposal_id": "1", "proposals": [{"id": "1"}, {"id": "2"}]}})
        answers.append(json.dumps({"question_id": qid, "selected_proposal_id": rnd.choice(["1", "2"])}))
    json.dump({"format": "swelancer-task-manifest", "version": 1, "tasks": tasks}, open(f"{folder}/tasks.json", "w"))
    open(f"{folder}/answers.jsonl", "w").write("\n".join(answers) + "\n")


if __name__ == "__main__":
    write(int(sys.argv[1]), sys.argv[2])
