// Ending a browser we started, and knowing when it has really gone. Chromium is a tree of
// processes (GPU, network service, renderers) in the process group we started it in, and some of
// them still write into the profile after the main process has exited: a profile removed before
// they all stop fails with ENOTEMPTY, or comes back as they write again.
import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface EndTiming {
  /** How long the processes get to exit after SIGTERM. */
  graceMs: number;
  /** How long to wait after SIGKILL for those still there. */
  killWaitMs: number;
}

const POLL_MS = 50;

/**
 * Stops `child` and every process of its group (it must have been spawned `detached`, so it leads
 * its own group): SIGTERM, up to `graceMs` for all of them to exit, then SIGKILL. Resolves true
 * once none is left, false if some survived even SIGKILL within `killWaitMs`. Never throws.
 */
export async function endProcessGroup(child: ChildProcess, timing: EndTiming): Promise<boolean> {
  const pgid = child.pid;
  if (pgid === undefined) return true; // it never started
  // Windows has no process groups; ending the browser's main process ends its helpers.
  const alive = process.platform === 'win32' ? () => isRunning(child) : () => groupAlive(pgid);
  const signal = (name: NodeJS.Signals) => {
    if (process.platform === 'win32') child.kill(name);
    else sendToGroup(pgid, name);
  };
  if (!alive()) return true;
  signal('SIGTERM');
  if (await waitUntilGone(alive, timing.graceMs)) return true;
  signal('SIGKILL');
  return waitUntilGone(alive, timing.killWaitMs);
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function sendToGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group is already empty
  }
}

/** True while any live process (not a zombie) is in process group `pgid`. */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  // Why look closer on Linux: an exited helper whose new parent does not reap it (PID 1 in many
  // containers) stays a zombie in the group, which answers kill(0) but writes nothing any more.
  return process.platform === 'linux' ? liveMembersOnLinux(pgid) > 0 : true;
}

function liveMembersOnLinux(pgid: number): number {
  let live = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses, so split after the last ")".
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') live++;
  }
  return live;
}

async function waitUntilGone(alive: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (alive()) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return true;
}
