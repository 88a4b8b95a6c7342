#!/usr/bin/env node
// Shows that validate-manifests.js can fail: takes a rendering that passes, breaks it one way at a time, and expects
// each broken copy to be refused. Usage: validate-selftest.js RENDERED.yaml (rendered for Kubernetes >= 1.21).
"use strict";
const fs = require("fs"), os = require("os"), path = require("path");
const { spawnSync } = require("child_process");
const YAML = require("yaml");
const source = process.argv[2];
const validator = path.join(__dirname, "validate-manifests.js");
const load = () => YAML.parseAllDocuments(fs.readFileSync(source, "utf8")).map((d) => d.toJS()).filter(Boolean);
const find = (docs, kind, component) => docs.find((d) => d.kind === kind && (!component || (d.metadata.labels || {})["app.kubernetes.io/component"] === component));
const grader = (docs) => find(docs, "StatefulSet", "grader").spec.template.spec.containers[0];
const mutations = {
  "a wrong type (replicas: \"two\")": (d) => { find(d, "StatefulSet", "grader").spec.replicas = "two"; },
  "a missing required field (container name)": (d) => { delete grader(d).name; },
  "a container without resources": (d) => { delete grader(d).resources; },
  "a container without a readiness probe": (d) => { delete grader(d).readinessProbe; },
  "a different seed list on the graders": (d) => { grader(d).env.find((e) => e.name === "SWELANCER_SEED_NODES").value += ",akka.tcp://swelancer@x-0.x.default.svc.cluster.local:4053"; },
  "the API token as a plain value": (d) => { const c = find(d, "StatefulSet", "coordinator").spec.template.spec.containers[0]; c.env.find((e) => e.name === "SWELANCER_API_TOKEN").valueFrom = undefined; c.env.find((e) => e.name === "SWELANCER_API_TOKEN").value = "s3cr3t-token-value"; },
  "a headless Service that hides not-ready pods": (d) => { find(d, "Service", "coordinator").spec.publishNotReadyAddresses = false; },
  "a PodDisruptionBudget of the wrong API version": (d) => { find(d, "PodDisruptionBudget").apiVersion = "policy/v1beta1"; },
};
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "swelancer-k8s-selftest-"));
let failures = 0;
for (const [name, mutate] of Object.entries(mutations)) {
  const docs = load();
  mutate(docs);
  const file = path.join(dir, "broken.yaml");
  fs.writeFileSync(file, docs.map((d) => YAML.stringify(d)).join("---\n"));
  const run = spawnSync(process.execPath, [validator, file], { encoding: "utf8" });
  if (run.status === 0) { console.error(`validate-selftest: NOT caught: ${name}`); failures++; }
  else console.log(`validate-selftest: caught ${name}: ${(run.stderr.split("\n")[0] || "").replace("validate-manifests: ", "")}`);
}
fs.rmSync(dir, { recursive: true, force: true });
if (failures) { console.error(`validate-selftest: ${failures} broken rendering(s) passed`); process.exit(1); }
console.log(`validate-selftest: all ${Object.keys(mutations).length} broken renderings refused`);
