#!/usr/bin/env node
/**
 * node scripts/with-node.mjs <command> [args…]
 *
 * Runs a command under a Node that Astro supports (package.json "engines",
 * >= 22.12). With such a Node on PATH it just runs the command. With an older
 * one (Debian's Node 20, say) it runs it under Node 24 from ~/.node24
 * (NODE24_PREFIX), installing node@24 there from the npm registry the first
 * time, as .ci/run does. So `npm run dev` and `npm test` work as written on a
 * fresh machine. The child keeps the whole environment (registry
 * certificates in NODE_EXTRA_CA_CERTS among it), with that Node first on PATH.
 *
 * Written for Node 18 and newer: it is the one script that runs on the old Node.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, delimiter } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const engines = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines?.node ?? '>=22.12.0';
const required = (/(\d+)\.(\d+)/.exec(engines) ?? ['', '22', '12']).slice(1).map(Number);

/** True when version "v24.1.0" is at least the required major.minor. */
export function satisfies(version, [major, minor] = required) {
  const [a, b] = version.replace(/^v/, '').split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

function run(command, args, env) {
  const child = spawn(command, args, { stdio: 'inherit', env });
  const forward = (sig) => () => child.kill(sig);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, forward(sig));
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
  child.on('error', (err) => {
    console.error(`with-node: cannot run ${command}: ${err.message}`);
    process.exit(127);
  });
}

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/with-node.mjs <command> [args…]');
  process.exit(2);
}

if (satisfies(process.version)) {
  run(command, args, process.env);
} else {
  const prefix = process.env.NODE24_PREFIX || join(homedir(), '.node24');
  const bin = join(prefix, 'bin');
  if (!existsSync(join(bin, 'node'))) {
    console.error(`Node ${process.version} is older than Astro needs (${engines}): installing Node 24 into ${prefix} from the npm registry, once.`);
    // node@24 fetches its binary in a preinstall script. Do not pass --allow-scripts: it leaks into that script's nested npm install.
    const npm = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
    const r = spawnSync(npm[0], [...npm[1], 'install', '-g', '--no-audit', '--no-fund', '--prefix', prefix, 'node@24'], { stdio: 'inherit', env: process.env });
    if (r.status !== 0 || !existsSync(join(bin, 'node'))) {
      console.error(`with-node: could not install node@24 into ${prefix}; install Node >= 22.12 yourself (.nvmrc says 24).`);
      process.exit(1);
    }
  }
  const env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` };
  // npm records the Node it ran under; nested `npm run` calls must not pick the old one back up.
  delete env.npm_node_execpath;
  delete env.NODE;
  run(command, args, env);
}
