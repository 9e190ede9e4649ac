/**
 * Lowers the OS priority of the calling thread (a worker thread included), where the OS allows
 * it per thread: on Linux, `setpriority` with a thread id sets that thread's nice value, and
 * /proc/thread-self names the calling thread. Elsewhere it does nothing and says so.
 *
 * Why (issue 11): the training thread never sleeps; on a 2-core machine it took a core's worth of
 * time slices from the browser and the host, and a slider's preview waited for the CPU. At nice 10
 * it still gets all the CPU no one else wants, so training alone runs as fast as before.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** Nice value of the training thread (0 normal, 19 lowest). */
export const TRAINING_NICE = 10;

/** Sets this thread's nice value; true when it took effect. */
export function lowerThisThreadPriority(nice = TRAINING_NICE): boolean {
  if (process.platform !== 'linux') return false;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    setPriority(tid, nice);
    return true;
  } catch {
    return false; // no /proc, or not permitted: the thread keeps its priority
  }
}
