// Reference runner for check_native.sh --node: runs a wasm32-wasi command
// module under Node's WASI (preview1) so expectations can be checked against
// an independent engine while awsm is not available. Arguments: the .wasm
// file, then the guest's arguments (the file path becomes argv[0]). The
// guest sees this process's environment and stdio. A trap prints
// "node: trap: <engine message>" on stderr and exits with status 134, the
// status awsm uses; Node's trap messages differ from awsm's.
import { readFile } from 'node:fs/promises';
import { argv, env, exit } from 'node:process';
import { WASI } from 'node:wasi';

const wasi = new WASI({ version: 'preview1', args: argv.slice(2), env, returnOnExit: true });
const module = await WebAssembly.compile(await readFile(argv[2]));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
let status;
try {
  status = wasi.start(instance);
} catch (e) {
  process.stderr.write(`node: trap: ${e.message}\n`);
  status = 134;
}
exit(status);
