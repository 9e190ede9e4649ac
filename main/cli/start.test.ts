// `npm start` as a user runs it (after the build): the URL line, and Ctrl-C stopping everything.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { writeFakeBrowser } from './fake-browser.test-util';
import { groupAlive } from './process-group';

const START = 'dist/main/start.cjs';
const URL_LINE = /^http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]{64})$/;

/** Processes a failing test may leave behind (a start process, a fake browser): ended afterwards. */
const started: number[] = [];

afterAll(() => {
  for (const pid of started) if (alive(pid)) process.kill(pid, 'SIGKILL');
});

/** Starts start.cjs; resolves with its stdout lines up to (and with) the URL line. */
function start(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [START, '--models-dir', 'none', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child.pid!);
  const lines: string[] = [];
  const errors: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => errors.push(line));
  const url = new Promise<string>((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`start exited (${code}) before its URL:\n${lines.join('\n')}`)),
    );
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      if (URL_LINE.test(line)) resolve(line);
    });
  });
  return { child, lines, errors, url };
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

function answers(port: number): Promise<boolean> {
  return status(port, '/').then(
    () => true,
    () => false,
  );
}

function status(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm start', () => {
  it('--no-window prints the URL on a line of its own; Ctrl-C stops the host', async () => {
    const { child, lines, url } = start(['--no-window'], {});
    const line = await url;
    expect(lines[0]).toMatch(/^Latent Atlas: host only \(--no-window\)/);
    const port = Number(URL_LINE.exec(line)![1]);
    expect(await answers(port)).toBe(true);
    const code = exited(child);
    child.kill('SIGINT');
    expect(await code).toBe(0);
    expect(await answers(port)).toBe(false);
  });

  it('Ctrl-C (or the terminal closing) closes the browser window, waits for it, removes its profile, quietly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-start-'));
    // A second Ctrl-C while the window closes must not cut the cleanup short.
    const rounds = [
      ['SIGINT', 1],
      ['SIGHUP', 1],
      ['SIGINT', 2],
    ] as const;
    for (const [signal, times] of rounds) {
      // A fake Chromium that writes into its profile while it exits slowly (fake-browser.test-util.ts).
      const round = join(dir, `${signal}-${times}`);
      mkdirSync(round);
      const fake = writeFakeBrowser(round);
      const { child, lines, errors, url } = start(['--browser'], { CHROME_PATH: fake.path, DISPLAY: ':99' });
      const [, port, token] = URL_LINE.exec(await url)!;
      expect(lines[0]).toMatch(/^Latent Atlas: Chromium app window over the local host/);
      await vi.waitFor(() => expect(fake.info()).not.toBeNull(), { timeout: 10_000 });
      const info = fake.info()!;
      started.push(info.pid, info.helperPid);

      // The browser's command line (readable by any local user) has a one-time code, never the token.
      expect(info.args.join(' ')).not.toContain(token);
      const app = info.args.find((arg) => arg.startsWith('--app='));
      expect(app).toMatch(new RegExp(`^--app=http://127\\.0\\.0\\.1:${port}/\\?code=[0-9a-f]{64}$`));
      const path = new URL(app!.slice('--app='.length)).search.replace(/^/, '/');
      expect(await status(Number(port), path)).toBe(303);
      expect(await status(Number(port), path)).toBe(403);

      const code = exited(child);
      child.kill(signal);
      if (times === 2) setTimeout(() => child.kill(signal), 100);
      expect(await code, `after ${signal} ×${times}`).toBe(0);
      expect(groupAlive(info.pid)).toBe(false);
      expect(existsSync(info.profileDir)).toBe(false);
      expect(errors, 'nothing on stderr (no stack trace)').toEqual([]);
    }
    rmSync(dir, { recursive: true, force: true });
  });
});
