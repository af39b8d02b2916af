#!/usr/bin/env node
// Compares aslc's interpreter with the npm package aws-local-stepfunctions on the run
// workloads, in the same run: state transitions per second and the ratio per workload.
//
//   aslc: the whole process, `aslc run W.asl.json --input @W.input.json --mocks W.mocks.json
//         --virtual-clock --repeat N --stats` (N = the workload's `repeat`). Its throughput is
//         the run's own rate as `--stats` reports it: transitions over the wall time of the
//         executions, without process start, definition loading or validation, which is how
//         the workloads' README defines throughput. The rate from spawn to exit is shown too.
//   peer: aws-local-stepfunctions 3.0.0 in this Node process, the same executions one after
//         another, Retry and Wait pauses set to 0 ms, Task states answered from W.mocks.json,
//         timed the same way (after the StateMachine is built, so without definition loading).
// The ratio compares the two throughputs.
//
// usage: compare-run.mjs BUILD_DIR [--only NAME] [--rounds N]
// Installs aws-local-stepfunctions@3.0.0 into BUILD_DIR/bench-node on first use (npm registry).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const workloads = path.join(here, 'workloads');
const buildDir = path.resolve(process.argv[2] || 'build/release');
const argValue = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const only = argValue('--only', null);
const rounds = Number(argValue('--rounds', '3'));
const aslc = path.join(buildDir, 'tools', 'aslc', 'aslc');

// The peer declares Node >= 22; on Node 20 it needs Promise.withResolvers.
if (!Promise.withResolvers) {
  Promise.withResolvers = () => {
    let resolve, reject;
    const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
    return { promise, resolve, reject };
  };
}
const nodeDir = path.join(buildDir, 'bench-node');
if (!fs.existsSync(path.join(nodeDir, 'node_modules', 'aws-local-stepfunctions'))) {
  fs.mkdirSync(nodeDir, { recursive: true });
  execFileSync('npm', ['install', '--silent', '--no-audit', '--no-fund', '--prefix', nodeDir,
    'aws-local-stepfunctions@3.0.0'], { stdio: 'inherit' });
}
const require = createRequire(path.join(nodeDir, 'package.json'));
const { StateMachine } = require('aws-local-stepfunctions');

const read = (name) => JSON.parse(fs.readFileSync(path.join(workloads, name), 'utf8'));

// aslc's own rules, not the peer's: definitions above AWS's limits need the limit raised, and
// a definition aslc rejects as AWS would (IntervalSeconds 0) runs as an adjusted copy.
const adjustments = {
  'map-10k': { args: ['--max-payload-bytes', '16777216'], note: 'input and output exceed AWS\'s 256 KiB payload limit; run with --max-payload-bytes 16 MiB' },
  'retry-catch': { intervalSeconds: 1, note: 'IntervalSeconds 0 is rejected (AWS requires 1 or more); run with 1, which --virtual-clock makes free' },
};

// JSONata workloads and the JSONPath workloads that do the same work.
const jsonPathTwins = { 'jsonata-loop': 'choice-loop' };

function peerHandlers(mocks) {
  const handlers = {};
  for (const [state, script] of Object.entries(mocks)) {
    let call = 0;
    handlers[state] = async (input) => {
      const entry = Array.isArray(script) ? script[Math.min(call++, script.length - 1)] : script;
      if (entry.echo) return input;
      if (entry.throw) {
        const e = new Error(entry.throw.cause || '');
        e.name = entry.throw.error;
        throw e;
      }
      return entry.return;
    };
  }
  return handlers;
}

function collectStates(states, out) {
  for (const [name, s] of Object.entries(states)) {
    out.push(name);
    for (const b of s.Branches || []) collectStates(b.States, out);
    const processor = s.ItemProcessor || s.Iterator;
    if (processor) collectStates(processor.States, out);
  }
  return out;
}

async function runPeer(definition, input, mocks, repeat) {
  const machine = new StateMachine(definition, { validationOptions: { checkPaths: false, checkArn: false } });
  const names = collectStates(definition.States, []);
  const zero = Object.fromEntries(names.map((n) => [n, 0]));
  const overrides = { taskResourceLocalHandlers: peerHandlers(mocks), waitTimeOverrides: zero, retryIntervalOverrides: zero };
  const t0 = process.hrtime.bigint();
  let output;
  for (let i = 0; i < repeat; i++) output = await machine.run(input, { overrides }).result;
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, output };
}

function runAslc(name, bench) {
  const adjust = adjustments[name] || {};
  let definitionFile = path.join(workloads, `${name}.asl.json`);
  if (adjust.intervalSeconds !== undefined) {
    const text = fs.readFileSync(definitionFile, 'utf8').replace(/"IntervalSeconds":\s*0/g, `"IntervalSeconds": ${adjust.intervalSeconds}`);
    definitionFile = path.join(buildDir, `bench-${name}.asl.json`);
    fs.writeFileSync(definitionFile, text);
  }
  const args = ['run', definitionFile, '--input', `@${path.join(workloads, `${name}.input.json`)}`,
    '--mocks', path.join(workloads, `${name}.mocks.json`), '--virtual-clock', '--repeat', String(bench.repeat || 1),
    '--stats', ...(adjust.args || [])];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(aslc, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) return { error: (r.stderr || r.stdout).slice(0, 300) };
  const stats = JSON.parse(r.stderr.trim().split('\n').pop());
  return { seconds, stats, result: JSON.parse(r.stdout) };
}

const fmtRate = (r) => r >= 1e6 ? `${(r / 1e6).toFixed(2)}M` : `${(r / 1e3).toFixed(1)}k`;
const names = fs.readdirSync(workloads).filter((f) => f.endsWith('.bench.json')).map((f) => f.slice(0, -11)).sort();
console.log(`aslc ${aslc}; peer aws-local-stepfunctions 3.0.0 on Node ${process.version}; best of ${rounds} rounds`);
console.log('workload            transitions   aslc run/s  (process/s)   peer/s   ratio   note');
for (const name of names) {
  if (only && name !== only) continue;
  const bench = read(`${name}.bench.json`);
  if (bench.validate_only) continue;
  const transitions = bench.expected_transitions;
  let best = null, peerBest = null, note = (adjustments[name] || {}).note || '';
  for (let i = 0; i < rounds; i++) {
    const a = runAslc(name, bench);
    if (a.error) { note = `aslc failed: ${a.error}`; best = null; break; }
    if (a.stats.transitions !== transitions) note = `aslc counted ${a.stats.transitions} transitions`;
    if (!best || a.stats.seconds < best.stats.seconds) best = a;
  }
  // The peer ignores JSONata (it runs a JSONata definition to a wrong, early end), so for a
  // JSONata workload it runs the workload's JSONPath twin: the same loop, the same transitions.
  let peerName = name;
  if (read(`${name}.asl.json`).QueryLanguage === 'JSONata' && jsonPathTwins[name]) {
    peerName = jsonPathTwins[name];
    note += (note ? '; ' : '') + `the peer ignores JSONata: its figure is for the JSONPath twin ${peerName}`;
  }
  const definition = read(`${peerName}.asl.json`);
  for (let i = 0; i < rounds; i++) {
    try {
      const p = await runPeer(definition, read(`${peerName}.input.json`), read(`${peerName}.mocks.json`), bench.repeat || 1);
      if (!peerBest || p.seconds < peerBest.seconds) peerBest = p;
    } catch (e) {
      note += (note ? '; ' : '') + `peer failed: ${String(e.message || e).slice(0, 120)}`;
      break;
    }
  }
  const processRate = best ? transitions / best.seconds : NaN;
  const runRate = best ? best.stats.transitionsPerSecond : NaN;
  const peerRate = peerBest ? transitions / peerBest.seconds : NaN;
  const ratio = best && peerBest ? `${(runRate / peerRate).toFixed(1)}x` : '-';
  console.log(`${name.padEnd(19)} ${String(transitions).padStart(11)}  ${(best ? fmtRate(runRate) : '-').padStart(11)}  ${(best ? `(${fmtRate(processRate)})` : '').padStart(11)}  ${(peerBest ? fmtRate(peerRate) : '-').padStart(7)}  ${ratio.padStart(6)}   ${note}`);
}
