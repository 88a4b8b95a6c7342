// Verifies the freelance-app sample pool against a real container and a real browser.
//   node verify-tasks.mjs                         every IC task must FAIL with bug.diff and PASS with bug.diff + gold.diff
//   node verify-tasks.mjs --submission FILE ...   grades submission files (.jsonl) and prints the earnings
// Options: --only fa-101,fa-102   --jobs N (default 2)   --chromium /usr/bin/chromium   --keep-going
// Needs: a running Docker engine (scripts/setup-docker.sh), the image (../build-image.sh), Debian's chromium,
// and playwright-core (npm install here, or NODE_PATH pointing at a node_modules that has it).
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const poolDir = resolve(here, '..');
const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const EXPECT_TIMEOUT = 3000, ACTION_TIMEOUT = 5000, NAV_TIMEOUT = 15000;
const OWNER_LABEL = 'swelancer.owner=sample-verify';

const args = process.argv.slice(2);
const opt = { submissions: [], only: null, jobs: 2, chromium: '/usr/bin/chromium' };
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--submission') opt.submissions.push(resolve(args[++i]));
  else if (args[i] === '--only') opt.only = new Set(args[++i].split(','));
  else if (args[i] === '--jobs') opt.jobs = Number(args[++i]);
  else if (args[i] === '--chromium') opt.chromium = args[++i];
  else { console.error('unknown argument ' + args[i]); process.exit(2); }
}

const manifest = JSON.parse(readFileSync(join(poolDir, 'tasks.json'), 'utf8'));
const tasks = manifest.tasks.filter(t => !opt.only || opt.only.has(t.question_id));

function run(cmd, argv, { input, timeout = 120000, allowFail = false } = {}) {
  return new Promise((res, rej) => {
    const child = execFile(cmd, argv, { timeout, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 124) : 0;
      if (code !== 0 && !allowFail) rej(new Error(`${cmd} ${argv.join(' ')} -> ${code}: ${stderr || stdout}`));
      else res({ code, stdout, stderr });
    });
    if (input !== undefined) { child.stdin.end(input); }
  });
}
const docker = (argv, o) => run('docker', argv, o);
const sleep = ms => new Promise(r => setTimeout(r, ms));

// ---- containers
async function startContainer(image) {
  const { stdout } = await docker(['run', '-d', '--rm', '--label', OWNER_LABEL, '--network', 'bridge', '-p', '127.0.0.1::8080', image]);
  const id = stdout.trim();
  const port = (await docker(['port', id, '8080/tcp'])).stdout.split('\n')[0].trim().split(':').pop();
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    try { if ((await fetch(base + '/cgi-bin/health')).ok) break; } catch { /* not yet */ }
    await sleep(100);
  }
  return { id, base };
}
const removeContainer = id => docker(['rm', '-f', id], { allowFail: true });

// Paths a diff touches (without the a/ b/ prefix); /dev/null is skipped.
function patchPaths(diff) {
  const paths = new Set();
  for (const line of diff.split('\n')) {
    const m = /^(?:---|\+\+\+) (\S+)/.exec(line);
    if (m && m[1] !== '/dev/null') paths.add(m[1].split('/').slice(1).join('/'));
  }
  return [...paths];
}
function outsideFolders(diff, folders) {
  return patchPaths(diff).filter(p => p.split('/').includes('..') || !folders.some(f => p === f || p.startsWith(f.replace(/\/$/, '') + '/')));
}

// Applies a diff inside the container from / with busybox patch: a dry run first, so a patch that does not
// apply leaves no half-applied files behind.
async function applyPatch(cid, diffText, name) {
  const dir = mkdtempSync(join(tmpdir(), 'fa-verify-'));
  try {
    writeFileSync(join(dir, name), diffText);
    await docker(['cp', join(dir, name), `${cid}:/tmp/${name}`]);
  } finally { rmSync(dir, { recursive: true, force: true }); }
  const dry = await docker(['exec', '-w', '/', cid, 'patch', '-p1', '--forward', '--dry-run', '-i', `/tmp/${name}`], { allowFail: true });
  if (dry.code !== 0) return { ok: false, log: (dry.stdout + dry.stderr).trim().split('\n').slice(0, 3).join(' | ') };
  const real = await docker(['exec', '-w', '/', cid, 'patch', '-p1', '--forward', '-i', `/tmp/${name}`], { allowFail: true });
  await docker(['exec', cid, 'rm', '-f', `/tmp/${name}`], { allowFail: true });
  return { ok: real.code === 0, log: (real.stdout + real.stderr).trim() };
}

// ---- browser steps
async function poll(check, what) {
  const deadline = Date.now() + EXPECT_TIMEOUT;
  let last;
  for (;;) {
    try { last = await check(); if (last === true) return; } catch (e) { last = e.message.split('\n')[0]; }
    if (Date.now() > deadline) throw new Error(`${what} (last: ${typeof last === 'string' ? last : JSON.stringify(last)})`);
    await sleep(100);
  }
}
const norm = s => (s ?? '').replace(/\s+/g, ' ').trim();

async function runStep(page, base, s) {
  const loc = s.selector ? page.locator(s.selector) : null;
  switch (s.action) {
    case 'navigate': await page.goto(new URL(s.url, base).href, { waitUntil: 'load', timeout: NAV_TIMEOUT }); return;
    case 'click': await loc.click({ timeout: ACTION_TIMEOUT }); return;
    case 'fill': await loc.fill(s.value, { timeout: ACTION_TIMEOUT }); return;
    case 'press': await loc.press(s.key, { timeout: ACTION_TIMEOUT }); return;
    case 'select': await loc.selectOption(s.value, { timeout: ACTION_TIMEOUT }); return;
    case 'expect_text':
      return poll(async () => { const t = norm(await loc.textContent({ timeout: 200 })); return t.includes(s.text) || t; }, `text of ${s.selector} should contain ${JSON.stringify(s.text)}`);
    case 'expect_visible': await loc.waitFor({ state: 'visible', timeout: EXPECT_TIMEOUT }); return;
    case 'expect_hidden': await loc.waitFor({ state: 'hidden', timeout: EXPECT_TIMEOUT }); return;
    case 'expect_count':
      return poll(async () => { const n = await loc.count(); return n === s.count || `count ${n}`; }, `${s.selector} should match ${s.count} elements`);
    case 'expect_url':
      return poll(async () => new RegExp(s.pattern).test(page.url()) || page.url(), `URL should match /${s.pattern}/`);
    case 'evaluate':
      // Polled until truthy; an exception (e.g. the element is not rendered yet) counts as "not yet".
      await page.waitForFunction(`(() => { try { return !!(${s.expression}); } catch (e) { return false; } })()`, undefined,
        { timeout: EXPECT_TIMEOUT, polling: 100 }); return;
    default: throw new Error('unknown step action ' + s.action);
  }
}

let browser;
async function runBrowserTests(ic, base) {
  for (const test of ic.browser_tests) {
    const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', e => errors.push('pageerror: ' + e.message));
    page.on('console', m => { if (m.type() === 'error') errors.push('console: ' + m.text()); });
    try {
      for (const [i, step] of test.steps.entries()) {
        try { await runStep(page, base, step); } catch (e) {
          return { pass: false, why: `test "${test.name}" step ${i + 1} ${step.action}: ${e.message.split('\n')[0]}` +
            (process.env.VERBOSE && errors.length ? ` [${errors.slice(0, 3).join('; ')}]` : '') };
        }
      }
    } finally { await context.close(); }
  }
  return { pass: true, why: `${ic.browser_tests.length} browser test(s) passed` };
}

async function runCommandTests(ic, cid) {
  await docker(['cp', join(poolDir, ic.hidden_tests) + '/.', `${cid}:/hidden-tests`]);
  const r = await docker(['exec', '-w', ic.cwd || '/', cid, ...ic.test_command], { allowFail: true, timeout: (ic.timeout_seconds || 60) * 1000 });
  const out = (r.stdout + r.stderr).trim().split('\n').pop();
  return { pass: r.code === 0, why: `exit ${r.code}: ${out}` };
}

// Grades one IC task: bug patch, then (optionally) a patch on top, then the hidden tests.
async function gradeIc(task, patch) {
  const ic = task.ic;
  if (patch !== null) {
    const bad = outsideFolders(patch, ic.acceptable_folders);
    if (bad.length) return { pass: false, why: `patch touches paths outside acceptable_folders: ${bad.join(', ')}` };
  }
  const { id, base } = await startContainer(ic.image);
  try {
    const bug = await applyPatch(id, readFileSync(join(poolDir, ic.bug_patch), 'utf8'), 'bug.diff');
    if (!bug.ok) throw new Error(`${task.question_id}: bug patch does not apply: ${bug.log}`);
    if (patch !== null) {
      const p = await applyPatch(id, patch, 'model.diff');
      if (!p.ok) return { pass: false, why: `patch does not apply: ${p.log}` };
    }
    return ic.runner === 'command' ? await runCommandTests(ic, id) : await runBrowserTests(ic, base);
  } finally { await removeContainer(id); }
}

async function pool(items, worker) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.max(1, opt.jobs) }, async () => {
    while (next < items.length) { const i = next++; results[i] = await worker(items[i]); }
  }));
  return results;
}

const money = n => '$' + n.toLocaleString('en-US');

async function verifyPool() {
  const ics = tasks.filter(t => t.variant === 'ic_swe');
  const rows = await pool(ics, async t => {
    const buggy = await gradeIc(t, null);
    const gold = await gradeIc(t, readFileSync(join(poolDir, t.ic.gold_patch), 'utf8'));
    const ok = !buggy.pass && gold.pass;
    console.log(`${ok ? 'OK  ' : 'BAD '} ${t.question_id.padEnd(7)} ${money(t.price).padStart(7)} ${t.ic.runner.padEnd(7)} buggy=${buggy.pass ? 'PASS' : 'FAIL'} gold=${gold.pass ? 'PASS' : 'FAIL'}` +
      (ok ? '' : `\n       buggy: ${buggy.why}\n       gold:  ${gold.why}`));
    if (process.env.VERBOSE) console.log(`       buggy: ${buggy.why}\n       gold:  ${gold.why}`);
    return ok;
  });
  let managerOk = 0;
  const managers = tasks.filter(t => t.variant === 'swe_manager');
  for (const t of managers) {
    const ids = t.manager.proposals.map(p => p.id);
    const ok = ids.length >= 2 && ids.length <= 4 && ids.includes(t.manager.correct_proposal_id) && new Set(ids).size === ids.length;
    if (ok) managerOk++; else console.log(`BAD  ${t.question_id} manager proposals`);
  }
  const steps = new Set(ics.flatMap(t => (t.ic.browser_tests || []).flatMap(b => b.steps.map(s => s.action))));
  const good = rows.filter(Boolean).length;
  console.log(`\nIC tasks: ${good}/${ics.length} fail on bug.diff and pass with gold.diff (${ics.filter(t => t.ic.runner === 'browser').length} browser, ${ics.filter(t => t.ic.runner === 'command').length} command)`);
  console.log(`manager tasks: ${managerOk}/${managers.length} well-formed`);
  console.log(`step kinds used: ${[...steps].sort().join(', ')}`);
  console.log(`pool value: ${money(tasks.reduce((s, t) => s + t.price, 0))} (${tasks.length} tasks)`);
  return good === ics.length && managerOk === managers.length;
}

async function gradeSubmission(file) {
  const lines = readFileSync(file, 'utf8').split('\n').filter(l => l.trim()).map(l => JSON.parse(l));
  const byTask = new Map();
  for (const l of lines) if ((l.attempt ?? 1) === 1 && !byTask.has(l.question_id)) byTask.set(l.question_id, l);
  console.log(`\n== ${file} (${lines.length} lines)`);
  const results = await pool(tasks, async t => {
    const sub = byTask.get(t.question_id);
    let r;
    if (!sub) r = { pass: false, why: 'unanswered' };
    else if (t.variant === 'swe_manager') {
      const picked = sub.selected_proposal_id == null ? null : String(sub.selected_proposal_id);
      r = { pass: picked === t.manager.correct_proposal_id, why: `picked ${picked}, correct ${t.manager.correct_proposal_id}` };
    } else if (typeof sub.model_patch !== 'string' || !sub.model_patch.trim()) r = { pass: false, why: 'no patch' };
    else r = await gradeIc(t, sub.model_patch);
    return { t, ...r };
  });
  let earned = 0;
  for (const { t, pass, why } of results) {
    if (pass) earned += t.price;
    console.log(`${pass ? 'PASS' : 'fail'} ${t.question_id.padEnd(7)} ${money(t.price).padStart(7)}  ${why}`);
  }
  const total = tasks.reduce((s, t) => s + t.price, 0);
  console.log(`earned ${money(earned)} of ${money(total)} (${results.filter(r => r.pass).length}/${tasks.length} tasks passed)`);
  return earned;
}

const leftovers = async () => (await docker(['ps', '-aq', '--filter', 'label=' + OWNER_LABEL])).stdout.trim();
let ok = true;
browser = await chromium.launch({ executablePath: opt.chromium,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'] });
try {
  if (opt.submissions.length) for (const f of opt.submissions) await gradeSubmission(f);
  else ok = await verifyPool();
} finally {
  await browser.close();
  const left = await leftovers();
  if (left) { console.log('removing leftover containers: ' + left.split('\n').join(' ')); await docker(['rm', '-f', ...left.split('\n')], { allowFail: true }); }
}
process.exit(ok ? 0 : 1);
