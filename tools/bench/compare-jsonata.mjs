#!/usr/bin/env node
// Compares aslc's JSONata engine with the npm package jsonata 2.0.6 (the reference
// implementation, the version AWS Step Functions runs), in the same run, on the expressions of
// tools/bench/jsonata/expressions.json over the JSONata suite's datasets: evaluations per
// second of each and the ratio per expression.
//
//   aslc: BUILD_DIR/tools/bench/jsonata_bench, in-process: each expression parsed once, then
//         evaluated against its dataset in batches that double until one lasts --min-ms.
//   peer: jsonata 2.0.6 in this Node process, the same way: jsonata(expr) once, then
//         `await expression.evaluate(data)` in doubling batches.
// Both measure the CPU time of their process (Node's includes its compiler and collector
// threads), so that other work on the machine does not change the figures much, and report the
// best of --rounds measurements. Each side's result is checked against the
// other's (numbers to 12 significant digits): a rate for a wrong answer would mean nothing.
//
// usage: compare-jsonata.mjs BUILD_DIR [--only NAME] [--rounds N] [--min-ms N]
// Installs jsonata@2.0.6 into BUILD_DIR/bench-node on first use (npm registry).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const casesDir = path.join(here, 'jsonata');
const buildDir = path.resolve(process.argv[2] || 'build/release');
const argValue = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const only = argValue('--only', null);
const rounds = Number(argValue('--rounds', '3'));
const minMs = Number(argValue('--min-ms', '300'));
const driver = path.join(buildDir, 'tools', 'bench', 'jsonata_bench');

const nodeDir = path.join(buildDir, 'bench-node');
if (!fs.existsSync(path.join(nodeDir, 'node_modules', 'jsonata'))) {
  fs.mkdirSync(nodeDir, { recursive: true });
  execFileSync('npm', ['install', '--silent', '--no-audit', '--no-fund', '--prefix', nodeDir,
    'jsonata@2.0.6'], { stdio: 'inherit' });
}
const require = createRequire(path.join(nodeDir, 'package.json'));
const jsonata = require('jsonata');
const peerVersion = require('jsonata/package.json').version;

const cases = JSON.parse(fs.readFileSync(path.join(casesDir, 'expressions.json'), 'utf8'))
  .filter((c) => !only || c.name === only);
const datasets = new Map();
const dataset = (name) => {
  if (!name) return undefined;
  if (!datasets.has(name))
    datasets.set(name, JSON.parse(fs.readFileSync(path.join(casesDir, 'datasets', `${name}.json`), 'utf8')));
  return datasets.get(name);
};

async function measurePeer(c) {
  const expression = jsonata(c.expr);
  const data = dataset(c.dataset);
  const result = await expression.evaluate(data);
  let best = 0;
  for (let round = 0; round < rounds; round++) {
    for (let batch = 16; ; batch *= 2) {
      const t0 = process.cpuUsage();
      for (let i = 0; i < batch; i++) await expression.evaluate(data);
      const used = process.cpuUsage(t0);
      const ms = (used.user + used.system) / 1e3;
      if (ms >= minMs) {
        best = Math.max(best, (batch * 1000) / ms);
        break;
      }
    }
  }
  return { rate: best, result };
}

// jsonata-js results may carry sequence flags and functions; compare their JSON forms, with
// numbers rounded to 12 significant digits (aslc prints the shortest round-trip form, as AWS).
function canonical(v) {
  if (v === undefined) return null;
  return JSON.parse(JSON.stringify(v), (k, x) => (typeof x === 'number' ? Number(x.toPrecision(12)) : x));
}
const sameResult = (a, b) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

const args = ['--min-ms', String(minMs), '--rounds', String(rounds)];
if (only) args.push('--only', only);
let lines;
try {
  lines = execFileSync(driver, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
} catch (e) {
  lines = e.stdout || '';
  if (!lines) throw e;
}
const aslc = new Map(lines.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)).map((r) => [r.name, r]));

const fmt = (r) => (r >= 1e6 ? `${(r / 1e6).toFixed(2)}M` : r >= 1e3 ? `${(r / 1e3).toFixed(1)}k` : r.toFixed(0));
console.log(`aslc ${driver}; peer jsonata ${peerVersion} on Node ${process.version}; best of ${rounds} rounds of >= ${minMs} ms of CPU time`);
console.log('expression            aslc eval/s   peer eval/s    ratio   note');
let below = 0;
const ratios = [];
for (const c of cases) {
  const mine = aslc.get(c.name);
  let note = '';
  const peer = await measurePeer(c).catch((e) => ({ error: String(e.message || e) }));
  if (peer.error) note = `peer failed: ${peer.error.slice(0, 80)}`;
  if (!mine) note = 'aslc gave no figure';
  else if (mine.error) note = `aslc failed: ${mine.error.slice(0, 80)}`;
  else if (!peer.error && !sameResult(mine.result, peer.result)) note = 'RESULTS DIFFER';
  const ok = mine && !mine.error && !peer.error;
  const ratio = ok ? mine.evaluationsPerSecond / peer.rate : NaN;
  if (ok) ratios.push(ratio);
  if (!ok || ratio < 10) below++;
  console.log(`${c.name.padEnd(20)} ${(ok ? fmt(mine.evaluationsPerSecond) : '-').padStart(12)}  ${(peer.error ? '-' : fmt(peer.rate)).padStart(12)}  ${(ok ? `${ratio.toFixed(1)}x` : '-').padStart(7)}   ${note}`);
}
if (ratios.length) {
  const sorted = [...ratios].sort((a, b) => a - b);
  const geo = Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length);
  console.log(`${ratios.length} expressions: ratio min ${sorted[0].toFixed(1)}x, median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)}x, geometric mean ${geo.toFixed(1)}x; ${below} below 10x`);
}
