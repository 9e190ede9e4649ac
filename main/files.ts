// Small file helpers for the shell.
import { rename, rm, writeFile } from 'node:fs/promises';

/** Writes `bytes` to `path` through a temporary file and a rename, so a failed write leaves no half file. */
export async function writeFileAtomic(path: string, bytes: Uint8Array | string): Promise<void> {
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temp, bytes);
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}
