#!/usr/bin/env node
// Offline checks of rendered chart manifests (helm template output), one or more files given as arguments:
// 1. every object validates against its Kubernetes schema (npm kubernetes-models: types and required fields; it does
//    not catch misspelt field names). policy/v1beta1 PodDisruptionBudget (Kubernetes 1.20) is checked against the
//    policy/v1 schema, whose fields the chart uses are the same; a ServiceMonitor (a CRD) is checked by hand.
// 2. assertions: every container of every pod has resource requests and limits and readiness, liveness and startup
//    probes; the seed node list is identical on every node, and each seed is a pod DNS name of a StatefulSet in the
//    release whose headless Service publishes not-ready addresses; no secret appears as a plain value.
// Options: --kube-version X.Y (which API versions are expected), --expect-fail (a self-test: exit 0 only when the
// checks fail). Node modules come from NODE_PATH (scripts/k8s/tools.sh installs them).
"use strict";
const fs = require("fs");
const YAML = require("yaml");
const models = require("kubernetes-models");

const args = process.argv.slice(2);
let kubeMinor = 32, expectFail = false;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--kube-version") kubeMinor = Number(args[++i].split(".")[1]);
  else if (args[i] === "--expect-fail") expectFail = true;
  else files.push(args[i]);
}
const problems = [];
const fail = (where, what) => problems.push(`${where}: ${what}`);

const docs = [];
for (const file of files) {
  for (const d of YAML.parseAllDocuments(fs.readFileSync(file, "utf8"))) {
    if (d.errors.length) { fail(file, `YAML: ${d.errors[0].message}`); continue; }
    const o = d.toJS();
    if (o) docs.push(o);
  }
}
if (docs.length === 0) fail(files.join(","), "no objects rendered");
const id = (o) => `${o.kind}/${o.metadata && o.metadata.name}`;

// 1. Schemas.
function modelFor(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const path = group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/v1`;
  try { return require(path)[kind]; } catch { return undefined; }
}
for (const o of docs) {
  if (!o.apiVersion || !o.kind) { fail(JSON.stringify(o).slice(0, 80), "no apiVersion or kind"); continue; }
  if (!o.metadata || !o.metadata.name) fail(id(o), "no metadata.name");
  if (o.kind === "ServiceMonitor") {
    if (o.apiVersion !== "monitoring.coreos.com/v1") fail(id(o), `apiVersion ${o.apiVersion}`);
    const s = o.spec || {};
    if (!s.selector || typeof s.selector !== "object") fail(id(o), "spec.selector missing");
    if (!Array.isArray(s.endpoints) || s.endpoints.length === 0) fail(id(o), "spec.endpoints missing");
    for (const e of s.endpoints || []) if (typeof e.port !== "string") fail(id(o), "an endpoint has no named port");
    continue;
  }
  let apiVersion = o.apiVersion;
  if (apiVersion === "policy/v1beta1" && o.kind === "PodDisruptionBudget") apiVersion = "policy/v1";
  const Model = modelFor(apiVersion, o.kind);
  if (!Model) { fail(id(o), `no schema for ${o.apiVersion} ${o.kind}`); continue; }
  try { new Model({ ...o, apiVersion }).validate(); }
  catch (e) { fail(id(o), `schema: ${String(e.message || e).split("\n").slice(0, 4).join(" ")}`); }
}

// API versions by Kubernetes version.
for (const o of docs.filter((d) => d.kind === "PodDisruptionBudget")) {
  const want = kubeMinor >= 21 ? "policy/v1" : "policy/v1beta1";
  if (o.apiVersion !== want) fail(id(o), `apiVersion ${o.apiVersion}, expected ${want} on 1.${kubeMinor}`);
}

// 2. Pods: resources and probes.
const workloads = docs.filter((d) => ["StatefulSet", "Deployment", "DaemonSet", "Job"].includes(d.kind));
if (workloads.length === 0) fail("manifests", "no workloads");
for (const w of workloads) {
  const pod = w.spec.template.spec;
  for (const c of [...(pod.initContainers || []), ...pod.containers]) {
    const where = `${id(w)} container ${c.name}`;
    const r = c.resources || {};
    for (const part of ["requests", "limits"])
      if (!r[part] || Object.keys(r[part]).length === 0) fail(where, `no resource ${part}`);
    if (!(r.limits || {}).memory) fail(where, "no memory limit");
    if (!(pod.initContainers || []).includes(c))
      for (const p of ["readinessProbe", "livenessProbe", "startupProbe"]) if (!c[p]) fail(where, `no ${p}`);
  }
}

// Seeds: one list everywhere, DNS names of the release's StatefulSet pods under headless Services.
const envOf = (c, name) => (c.env || []).find((e) => e.name === name);
const seedLists = new Map();
for (const w of workloads)
  for (const c of w.spec.template.spec.containers) {
    const e = envOf(c, "SWELANCER_SEED_NODES");
    if (e) seedLists.set(`${id(w)}/${c.name}`, e.value);
  }
const lists = [...new Set(seedLists.values())];
if (seedLists.size < 2) fail("seeds", `SWELANCER_SEED_NODES on ${seedLists.size} node kinds, expected the coordinator and the graders`);
if (lists.length !== 1) fail("seeds", `the seed lists differ: ${[...seedLists].map(([k, v]) => `${k}=${v}`).join(" | ")}`);
const services = new Map(docs.filter((d) => d.kind === "Service").map((s) => [s.metadata.name, s]));
const sets = new Map(docs.filter((d) => d.kind === "StatefulSet").map((s) => [s.metadata.name, s]));
for (const seed of (lists[0] || "").split(",").filter(Boolean)) {
  const m = /^akka\.tcp:\/\/swelancer@([a-z0-9-]+)-(\d+)\.([a-z0-9-]+)\.([a-z0-9-]+)\.svc\.[a-z0-9.-]+:(\d+)$/.exec(seed);
  if (!m) { fail("seeds", `${seed} is not a pod DNS name of a StatefulSet`); continue; }
  const [, set, , svc] = m;
  const s = sets.get(set), h = services.get(svc);
  if (!s) fail("seeds", `${seed}: no StatefulSet ${set}`);
  else if (s.spec.serviceName !== svc) fail("seeds", `${seed}: StatefulSet ${set} uses Service ${s.spec.serviceName}`);
  if (!h) fail("seeds", `${seed}: no Service ${svc}`);
  else {
    if (h.spec.clusterIP !== "None") fail("seeds", `Service ${svc} is not headless`);
    if (h.spec.publishNotReadyAddresses !== true) fail("seeds", `Service ${svc} does not publish not-ready addresses`);
  }
}

// Secrets: sensitive variables come from Secrets; no Secret's value appears in any other object.
const sensitive = /(TOKEN|PASSWORD|SECRET|^SWELANCER_DB$|CONNECTION)/i;
for (const w of workloads)
  for (const c of [...(w.spec.template.spec.initContainers || []), ...w.spec.template.spec.containers]) {
    for (const e of c.env || []) {
      if (sensitive.test(e.name) && !(e.valueFrom && e.valueFrom.secretKeyRef))
        fail(`${id(w)} container ${c.name}`, `${e.name} is not from a Secret`);
      if (typeof e.value === "string" && /password=|bearer /i.test(e.value))
        fail(`${id(w)} container ${c.name}`, `${e.name} holds a credential in plain text`);
    }
    for (const a of [...(c.args || []), ...(c.command || [])])
      if (/password|token=/i.test(a)) fail(`${id(w)} container ${c.name}`, `an argument holds a credential: ${a.slice(0, 40)}`);
  }
const secretValues = [];
for (const s of docs.filter((d) => d.kind === "Secret")) {
  for (const v of Object.values(s.data || {})) secretValues.push(Buffer.from(v, "base64").toString());
  for (const v of Object.values(s.stringData || {})) secretValues.push(String(v));
}
for (const o of docs.filter((d) => d.kind !== "Secret")) {
  const text = JSON.stringify(o);
  for (const v of secretValues) if (v.length >= 8 && text.includes(v)) fail(id(o), "holds a Secret's value in plain text");
}
if (!docs.some((d) => d.kind === "NetworkPolicy") && !process.env.ALLOW_NO_NETWORK_POLICY) fail("manifests", "no NetworkPolicy");

const counts = {};
for (const o of docs) counts[o.kind] = (counts[o.kind] || 0) + 1;
const summary = Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(", ");
if (expectFail) {
  if (problems.length === 0) { console.error(`validate-manifests: the self-test input passed, but it is broken: the checks are blind (${files.join(" ")})`); process.exit(1); }
  console.log(`validate-manifests: self-test caught ${problems.length} problem(s) as expected: ${problems.slice(0, 6).join("; ")}`);
  process.exit(0);
}
if (problems.length) { for (const p of problems) console.error(`validate-manifests: ${p}`); console.error(`validate-manifests: ${problems.length} problem(s) in ${files.join(" ")}`); process.exit(1); }
console.log(`validate-manifests: ok ${files.join(" ")}: ${docs.length} objects (${summary}); ${(lists[0] || "").split(",").length} seeds`);
