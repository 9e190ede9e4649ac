// `npm start` as npm runs it: npm → sh -c "<start script>" → node. A SIGTERM to npm (a service
// manager, an IDE's stop button) must stop the app: npm forwards it to its child, so that child must
// be the app itself (the script `exec`s it), not a shell that dies and leaves the app listening.
// Runs package.json's real start script through npm, in a scratch project whose build step is a
// no-op and whose dist/ is this checkout's (built by the Vitest global setup), so no test rebuilds it.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it, vi } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const URL_LINE = /^http:\/\/127\.0\.0\.1:(\d+)\/\?token=[0-9a-f]{64}$/;

const project = mkdtempSync(join(tmpdir(), 'atlas-npm-start-'));
/** Processes npm started: killed afterwards if a failing test left them. */
let descendants: number[] = [];
afterAll(() => {
  for (const pid of descendants) if (alive(pid)) process.kill(pid, 'SIGKILL');
  rmSync(project, { recursive: true, force: true });
});

/** A project with this package.json's start script, a no-op build, and this checkout's dist/. */
function scratchProject(): string {
  const { name, version, scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    scripts: { start: string };
  };
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name, version, private: true, scripts: { start: scripts.start } }),
  );
  mkdirSync(join(project, 'scripts'));
  writeFileSync(join(project, 'scripts', 'build.mjs'), "console.log('build skipped (test)');\n");
  symlinkSync(join(ROOT, 'dist'), join(project, 'dist'), 'dir');
  return project;
}

/**
 * The environment without the outer npm's variables: run under `npm test`, they would point the
 * inner npm at this checkout (npm_config_local_prefix) instead of the scratch project.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key) && key !== 'INIT_CWD') env[key] = value;
  }
  return { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false' };
}

/** True while `pid` runs (a zombie, exited but not yet reaped, counts as gone). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  if (process.platform !== 'linux') return true;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2));
  } catch {
    return false;
  }
}

/** [pid, parent pid] of every process: from /proc on Linux (slim images have no `ps`), else `ps`. */
function processTable(): [number, number][] {
  if (process.platform !== 'linux') {
    return execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' })
      .split('\n')
      .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  }
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        return [Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])];
      } catch {
        return [0, 0]; // exited meanwhile
      }
    });
}

/** Every process below `root`. */
function descendantsOf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of processTable()) {
    if (pid && ppid) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const found: number[] = [];
  const walk = (pid: number) =>
    (children.get(pid) ?? []).forEach((child) => {
      found.push(child);
      walk(child);
    });
  walk(root);
  return found;
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/' }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.end();
  });
}

function urlLine(npm: ChildProcess, output: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    npm.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output.join('\n')}`)));
    createInterface({ input: npm.stderr! }).on('line', (line) => output.push(line));
    createInterface({ input: npm.stdout! }).on('line', (line) => {
      output.push(line);
      if (URL_LINE.test(line)) resolve(line);
    });
  });
}

describe.skipIf(process.platform === 'win32')('npm start', () => {
  it('stops the app, with nothing left running, when npm gets SIGTERM', async () => {
    const npm = spawn('npm', ['start', '--', '--no-window', '--models-dir', 'none'], {
      cwd: scratchProject(),
      env: cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    const port = Number(URL_LINE.exec(await urlLine(npm, output))![1]);
    descendants = descendantsOf(npm.pid!);
    expect(descendants.length, output.join('\n')).toBeGreaterThan(0);
    expect(await answers(port)).toBe(true);

    const npmExited = new Promise((resolve) => npm.once('exit', resolve));
    npm.kill('SIGTERM');
    await npmExited;
    await vi.waitFor(async () => expect(await answers(port), 'the app still listens').toBe(false), {
      timeout: 10_000,
      interval: 200,
    });
    await vi.waitFor(() => expect(descendants.filter(alive), 'processes left running').toEqual([]), {
      timeout: 10_000,
      interval: 200,
    });
  });
});
