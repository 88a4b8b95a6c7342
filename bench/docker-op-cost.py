#!/usr/bin/env python3
"""The Docker engine's CPU per operation, one at a time: what each step of a pool attempt costs, against `docker run --rm`.

The machine's busy CPU (/proc/stat: every process, so dockerd, containerd, runc, the shims and the containers) is read
around R repetitions of each operation. Container variants follow the pool's settings (read-only root, a volume per
installed folder, /tmp tmpfs, limits) with and without the grading bridge network. On saturated cores this CPU, not the
wall time of one attempt, bounds a sweep. Usage: bench/docker-op-cost.py [--repeat R=20] [--out results.json]
"""
import argparse, http.client, io, json, os, socket, subprocess, sys, tarfile, time

IMAGE = "swelancer-sample/freelance-app:1"
LABEL = {"swelancer.owner": "swelancer-bench", "swelancer.bench.run": f"op-cost-{os.getpid()}"}
HERE = os.path.dirname(os.path.abspath(__file__))


class Engine(http.client.HTTPConnection):
    def __init__(self, path="/var/run/docker.sock"):
        super().__init__("localhost")
        self.path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(self.path)


def call(method, url, body=None, content_type="application/json"):
    engine = Engine()
    data = json.dumps(body).encode() if isinstance(body, dict) else body
    engine.request(method, url, body=data, headers={"Content-Type": content_type} if data is not None else {})
    response = engine.getresponse()
    payload = response.read()
    engine.close()
    if response.status >= 400:
        raise RuntimeError(f"{method} {url}: {response.status} {payload[:200]!r}")
    return json.loads(payload) if payload.startswith(b"{") else payload


def busy_seconds():
    with open("/proc/stat") as stat:
        fields = [int(x) for x in stat.readline().split()[1:]]
    return (fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + fields[7]) / 100.0


def create(network, volumes, entrypoint=None):
    host = {"Memory": 512 << 20, "MemorySwap": 512 << 20, "NanoCpus": 10**9, "PidsLimit": 128, "NetworkMode": network,
            "CapDrop": ["ALL"], "SecurityOpt": ["no-new-privileges"], "ReadonlyRootfs": True, "Tmpfs": {"/tmp": "rw,size=64m"}}
    if volumes:
        host["Mounts"] = [{"Type": "volume", "Target": "/srv/app"}, {"Type": "volume", "Target": "/hidden-tests"}]
    body = {"Image": IMAGE, "Labels": LABEL, "HostConfig": host,
            "Entrypoint": entrypoint or ["/bin/sh", "-c", "exec sleep 3600"]}
    return call("POST", "/containers/create", body)["Id"]


def lifecycle(network, volumes):
    cid = create(network, volumes)
    call("POST", f"/containers/{cid}/start")
    call("GET", f"/containers/{cid}/json")
    call("DELETE", f"/containers/{cid}?force=1&v=1")


def run_once():
    cid = create("none", False, entrypoint=["/bin/true"])
    call("POST", f"/containers/{cid}/start")
    call("POST", f"/containers/{cid}/wait")
    call("DELETE", f"/containers/{cid}?v=1")


def exec_in(cid, argv):
    eid = call("POST", f"/containers/{cid}/exec", {"Cmd": argv, "AttachStdout": True, "AttachStderr": True})["Id"]
    call("POST", f"/exec/{eid}/start", {"Detach": False, "Tty": False})
    call("GET", f"/exec/{eid}/json")


def app_tar():
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        tar.add(os.path.join(HERE, "..", "samples", "freelance-app", "app"), arcname=".")
    return buffer.getvalue()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--out", default=os.path.join(HERE, "results", "docker-op-cost.json"))
    args = parser.parse_args()
    if subprocess.run(["docker", "image", "inspect", IMAGE], capture_output=True).returncode != 0:
        sys.exit(f"docker-op-cost: image {IMAGE} is missing (samples/freelance-app/build-image.sh)")
    network = "swelancer-attempts"
    have_network = subprocess.run(["docker", "network", "inspect", network], capture_output=True).returncode == 0

    figures = []

    def measure(name, operation):
        operation()  # once unmeasured: first-use costs
        cpu0, wall0 = busy_seconds(), time.monotonic()
        for _ in range(args.repeat):
            operation()
        cpu, wall = (busy_seconds() - cpu0) / args.repeat, (time.monotonic() - wall0) / args.repeat
        figures.append({"operation": name, "cpu_ms": round(cpu * 1000, 1), "wall_ms": round(wall * 1000, 1)})
        print(f"{name:58s} CPU {cpu * 1000:6.0f} ms   wall {wall * 1000:6.0f} ms")

    long_lived = create("none", True, entrypoint=["/bin/sh", "-c", "exec sleep 3600"])
    try:
        call("POST", f"/containers/{long_lived}/start")
        archive = app_tar()
        print(f"docker-op-cost: {args.repeat} of each, one at a time, {os.cpu_count()} cores; image {IMAGE}")
        measure("inspect a container", lambda: call("GET", f"/containers/{long_lived}/json"))
        measure("exec (create, start, inspect) of /bin/true", lambda: exec_in(long_lived, ["/bin/true"]))
        measure(f"archive into a volume ({len(archive) // 1024} KiB)",
                lambda: call("PUT", f"/containers/{long_lived}/archive?path=/srv/app", archive, "application/x-tar"))
        measure("archive out of a volume", lambda: call("GET", f"/containers/{long_lived}/archive?path=/srv/app"))
        if have_network:
            measure(f"create+start+inspect+remove, {network}, 2 volumes (browser)", lambda: lifecycle(network, True))
        measure("create+start+inspect+remove, no network, 2 volumes (command)", lambda: lifecycle("none", True))
        measure("create+start+wait+remove /bin/true (what docker run does)", run_once)
        measure("docker run --rm --network none (the CLI)",
                lambda: subprocess.run(["docker", "run", "--rm", "--network", "none", IMAGE, "/bin/true"], check=True))
    finally:
        call("DELETE", f"/containers/{long_lived}?force=1&v=1")
        left = subprocess.run(["docker", "ps", "-aq", "--filter", f"label=swelancer.bench.run={LABEL['swelancer.bench.run']}"],
                              capture_output=True, text=True).stdout.split()
        for cid in left:
            subprocess.run(["docker", "rm", "-fv", cid], capture_output=True)

    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as out:
        json.dump({"bench": "docker-op-cost", "repeat": args.repeat, "cores": os.cpu_count(), "image": IMAGE,
                   "started_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "figures": figures}, out, indent=2)
        out.write("\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
