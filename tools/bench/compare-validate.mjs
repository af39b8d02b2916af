#!/usr/bin/env node
// Compares aslc's validation speed with the npm package asl-validator on the same definitions,
// in the same run: asl-validator in-process (Node), aslc in-process (validate_bench, Google
// Benchmark) and aslc as a whole process. Prints per-definition times and the ratios.
//
// usage: compare-validate.mjs BUILD_DIR [--runs N]
// Installs asl-validator@4 into BUILD_DIR/bench-node on first use (npm registry).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const buildDir = path.resolve(process.argv[2] || 'build/release');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 20;
const workload = path.join(here, 'workloads', 'validate-mixed-1000.asl.json');
const aslc = path.join(buildDir, 'tools', 'aslc', 'aslc');
const bench = path.join(buildDir, 'tools', 'bench', 'validate_bench');

const nodeDir = path.join(buildDir, 'bench-node');
if (!fs.existsSync(path.join(nodeDir, 'node_modules', 'asl-validator'))) {
  fs.mkdirSync(nodeDir, { recursive: true });
  execFileSync('npm', ['install', '--silent', '--no-audit', '--no-fund', '--prefix', nodeDir, 'asl-validator@4'], { stdio: 'inherit' });
}
const require = createRequire(path.join(nodeDir, 'package.json'));
const aslValidator = require('asl-validator');
const validate = aslValidator.default || aslValidator.validator || aslValidator;

const definition = JSON.parse(fs.readFileSync(workload, 'utf8'));
const peerTimes = [];
let peerValid;
for (let i = 0; i < runs; i++) {
  const t0 = process.hrtime.bigint();
  const result = validate(definition);
  peerTimes.push(Number(process.hrtime.bigint() - t0) / 1e6);
  peerValid = result.isValid;
}
peerTimes.sort((a, b) => a - b);
const peerMedian = peerTimes[Math.floor(peerTimes.length / 2)];

const benchJson = JSON.parse(execFileSync(bench, ['--benchmark_filter=BM_ValidateMixed1000', '--benchmark_format=json', '--benchmark_min_time=1'], { encoding: 'utf8' }));
const inProcessMs = benchJson.benchmarks[0].real_time / (benchJson.benchmarks[0].time_unit === 'us' ? 1000 : benchJson.benchmarks[0].time_unit === 'ns' ? 1e6 : 1);

// Whole-process time with hyperfine (no shell in between); Node's spawnSync would add its own
// several milliseconds to every run.
const check = spawnSync(aslc, ['validate', '-q', workload], { stdio: 'ignore' });
if (check.status !== 0) throw new Error(`aslc validate exited ${check.status}`);
const exported = path.join(nodeDir, 'hyperfine.json');
execFileSync('hyperfine', ['-N', '--warmup', '5', '--runs', String(Math.max(runs, 30)), '--export-json', exported,
  `${aslc} validate -q ${workload}`], { stdio: 'ignore' });
const processMedian = JSON.parse(fs.readFileSync(exported, 'utf8')).results[0].median * 1000;

const fmt = (ms) => ms < 1 ? `${(ms * 1000).toFixed(1)} us` : `${ms.toFixed(2)} ms`;
console.log(`definition: validate-mixed-1000.asl.json (${fs.statSync(workload).size} bytes, 1,000 states)`);
console.log(`asl-validator (in-process, Node ${process.version}): ${fmt(peerMedian)} median of ${runs} (valid=${peerValid})`);
console.log(`aslc in-process (validate_bench):              ${fmt(inProcessMs)}`);
console.log(`aslc validate, whole process (hyperfine):      ${fmt(processMedian)} median`);
console.log(`speed-up in-process:  ${(peerMedian / inProcessMs).toFixed(0)}x`);
console.log(`speed-up whole process vs in-process peer: ${(peerMedian / processMedian).toFixed(1)}x`);
