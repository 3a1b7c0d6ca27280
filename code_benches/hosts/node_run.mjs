// Run a WASI command module under node (V8). Prints the compile and run
// times (seconds) on stderr as "AWSM_BENCH compile=<s> run=<s>"; the run
// time covers instantiation and _start, V8's tier-up included.
import { readFileSync } from 'node:fs';
import { WASI } from 'node:wasi';
import { performance } from 'node:perf_hooks';

const path = process.argv[2];
const compileOnly = process.argv[3] === '--compile-only';
const bytes = readFileSync(path);
const t0 = performance.now();
const module = await WebAssembly.compile(bytes);
const t1 = performance.now();
if (compileOnly) {
  process.stderr.write(`AWSM_BENCH compile=${(t1 - t0) / 1000} run=0\n`);
  process.exit(0);
}
const wasi = new WASI({ version: 'preview1', args: ['bench'], env: {}, returnOnExit: true });
const t2 = performance.now();
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
const code = wasi.start(instance);
const t3 = performance.now();
process.stderr.write(`AWSM_BENCH compile=${(t1 - t0) / 1000} run=${(t3 - t2) / 1000}\n`);
process.exitCode = code;
