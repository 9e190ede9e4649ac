// `npm start` as a user runs it (after the build): the URL line, and Ctrl-C stopping everything.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it, vi } from 'vitest';

const START = 'dist/main/start.cjs';
const URL_LINE = /^http:\/\/127\.0\.0\.1:(\d+)\/\?token=[0-9a-f]{64}$/;

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
  const url = new Promise<string>((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`start exited (${code}) before its URL:\n${lines.join('\n')}`)),
    );
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      if (URL_LINE.test(line)) resolve(line);
    });
  });
  return { child, lines, url };
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/' }, () => resolve(true));
    req.on('error', () => resolve(false));
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

  it('Ctrl-C (or the terminal closing) also closes the browser window it opened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-start-'));
    const browser = join(dir, 'fake-chromium');
    const pidFile = join(dir, 'pid');
    writeFileSync(browser, `#!/bin/sh\necho $$ > ${pidFile}\nexec sleep 30\n`);
    chmodSync(browser, 0o755);
    for (const signal of ['SIGINT', 'SIGHUP'] as const) {
      const { child, lines, url } = start(['--browser'], { CHROME_PATH: browser, DISPLAY: ':99' });
      await url;
      expect(lines[0]).toMatch(/^Latent Atlas: Chromium app window over the local host/);
      await vi.waitFor(() =>
        expect(existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim()).toBeTruthy(),
      );
      const pid = Number(readFileSync(pidFile, 'utf8'));
      started.push(pid);
      await vi.waitFor(() => expect(alive(pid)).toBe(true));
      const code = exited(child);
      child.kill(signal);
      expect(await code, `after ${signal}`).toBe(0);
      await vi.waitFor(() => expect(alive(pid)).toBe(false));
      rmSync(pidFile); // for the next round
    }
  });
});
