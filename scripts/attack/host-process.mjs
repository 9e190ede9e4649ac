// The app's host as a process under attack: starting it from the build, stopping it with a signal,
// and reading what the kernel knows about it (memory, open files, children, whether its port
// still accepts connections).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const URL_LINE = /^http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]+)$/;
/** Host output lines kept (for a crash report); older ones are dropped so a long campaign stays bounded. */
const LOG_LINES = 200;

/**
 * Starts `node dist/main/start.cjs --no-window` and resolves once it prints its URL. `onSpawn` sees
 * the child at once (e.g. to signal it during startup); then the URL may never come, and the
 * promise rejects when the process exits first.
 */
export function startHost(root, { args = [], timeoutMs = 60_000, onSpawn } = {}) {
  const child = spawn(process.execPath, [join(root, 'dist/main/start.cjs'), '--no-window', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' },
  });
  const log = [];
  const keep = (line) => {
    log.push(line);
    if (log.length > LOG_LINES) log.shift();
  };
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  createInterface({ input: child.stderr }).on('line', keep);
  onSpawn?.(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the host printed no URL within ${timeoutMs} ms`)),
      timeoutMs,
    );
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(
        Object.assign(new Error(`the host exited (code ${code}, signal ${signal}) before its URL`), {
          exited: true,
        }),
      );
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      keep(line);
      const match = URL_LINE.exec(line);
      if (!match) return;
      clearTimeout(timer);
      const port = Number(match[1]);
      resolve({
        child,
        pid: child.pid,
        url: line,
        port,
        token: match[2],
        origin: `http://127.0.0.1:${port}`,
        log,
        exited,
      });
    });
  });
}

/** Sends `signal` and waits up to `limitMs` for the exit: `{ exited, ms, code, signal }`. */
export async function stopHost(child, exited, signal = 'SIGTERM', limitMs = 10_000) {
  const sentAt = Date.now();
  if (child.exitCode !== null || child.signalCode !== null) return { exited: true, ms: 0 };
  child.kill(signal);
  const result = await Promise.race([exited, new Promise((r) => setTimeout(() => r(null), limitMs))]);
  if (!result) return { exited: false, ms: limitMs };
  return { exited: true, ms: result.at - sentAt, code: result.code, signal: result.signal };
}

/** Resident memory of `pid` in MB, or null once it has gone. */
export function rssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}

/** Open file descriptors of `pid` (sockets included), or null once it has gone. */
export function fdCount(pid) {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return null;
  }
}

/** Every live process, as { pid, ppid, startTicks, command } from /proc. */
function processTable() {
  const table = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command (field 2) is in parentheses and may hold spaces: parse after the last ')'.
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' ');
      table.push({
        pid: Number(name),
        ppid: Number(fields[1]),
        startTicks: fields[19],
        command: stat.slice(stat.indexOf('(') + 1, close),
      });
    } catch {
      // gone meanwhile
    }
  }
  return table;
}

/** The processes descended from `pid` (children, their children, …), with their start times. */
export function descendants(pid) {
  const table = processTable();
  const found = [];
  const parents = new Set([pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of table) {
      if (parents.has(p.ppid) && !parents.has(p.pid)) {
        parents.add(p.pid);
        found.push(p);
        grew = true;
      }
    }
  }
  return found;
}

/**
 * Which of `processes` (from `descendants`) still run. The start time tells a survivor from a new
 * process that reused its pid.
 */
export function survivors(processes) {
  const live = new Map(processTable().map((p) => [p.pid, p]));
  return processes.filter((p) => live.get(p.pid)?.startTicks === p.startTicks);
}

/** True when something accepts a TCP connection on 127.0.0.1:`port` within `timeoutMs`. */
export function portAccepts(port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (accepted) => {
      socket.destroy();
      resolve(accepted);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
