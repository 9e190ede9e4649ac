// The crash-safe folder save, with crashes simulated through its step hook: from the chosen step on,
// every step throws, so nothing more reaches the disk, as when the process is killed there.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type FolderStep, type StepHook, recoverFolder, writeFolderAtomic } from './atomic-folder';

const OLD = [
  ['a.json', 'old a'],
  ['b.bin', 'old b'],
] as const;
const NEW = [
  ['a.json', 'new a'],
  ['b.bin', 'new b'],
] as const;

/** A folder `model` in a fresh parent, holding `files` (or nothing at all). */
function setUp(files: ReadonlyArray<readonly [string, string]> | null) {
  const root = mkdtempSync(join(tmpdir(), 'atlas-folder-'));
  const dir = join(root, 'model');
  if (files) {
    mkdirSync(dir);
    for (const [name, text] of files) writeFileSync(join(dir, name), text);
  }
  return { root, dir };
}

/** The folder's files as [name, text], sorted; null when there is no folder. */
function contents(dir: string): Array<[string, string]> | null {
  try {
    return readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(join(dir, name), 'utf8')]);
  } catch {
    return null;
  }
}

/** A hook that records the steps and throws from step number `crashAt` on (never when null). */
function crashingHook(crashAt: number | null) {
  const steps: FolderStep[] = [];
  const onStep: StepHook = (step) => {
    if (crashAt !== null && steps.length >= crashAt) throw new Error(`crash before ${step}`);
    steps.push(step);
  };
  return { steps, onStep };
}

/** The steps of an undisturbed save over an existing folder. */
async function stepsOfSave(): Promise<FolderStep[]> {
  const { dir } = setUp(OLD);
  const { steps, onStep } = crashingHook(null);
  await writeFolderAtomic(dir, NEW, { onStep });
  return steps;
}

describe('writeFolderAtomic', () => {
  it('replaces a folder whole and leaves nothing beside it', async () => {
    const { root, dir } = setUp(OLD);
    await writeFolderAtomic(dir, NEW);
    expect(contents(dir)).toEqual(NEW);
    expect(readdirSync(root)).toEqual(['model']);
  });

  it('leaves the old folder or the new one, whole, after a crash before any step', async () => {
    const steps = await stepsOfSave();
    expect(steps).toEqual([
      'create-parent',
      'create-temp',
      'write a.json',
      'write b.bin',
      'move-old-aside',
      'move-new-in',
      'trash',
      'remove-trash',
    ]);
    for (let crashAt = 0; crashAt <= steps.length; crashAt++) {
      const { root, dir } = setUp(OLD);
      await writeFolderAtomic(dir, NEW, crashingHook(crashAt)).catch(() => undefined);
      // The next read or save recovers first.
      await recoverFolder(dir);
      const committed = crashAt > steps.indexOf('move-new-in');
      expect(contents(dir), `crash before step ${crashAt}`).toEqual(committed ? NEW : OLD);
      expect(readdirSync(root), `crash before step ${crashAt}`).toEqual(['model']);
    }
  });

  it('leaves no folder or the new one after a crash in a first save', async () => {
    for (let crashAt = 0; crashAt <= 8; crashAt++) {
      const { root, dir } = setUp(null);
      const { steps, onStep } = crashingHook(crashAt);
      await writeFolderAtomic(dir, NEW, { onStep }).catch(() => undefined);
      await recoverFolder(dir);
      const committed = steps.includes('move-new-in');
      expect(contents(dir)).toEqual(committed ? NEW : null);
      expect(readdirSync(root)).toEqual(committed ? ['model'] : []);
    }
  });

  it('keeps the old folder when a crash hits the recovery itself, at any step', async () => {
    // The worst moment of a save: the old folder aside, the new one not yet in.
    const crashedSave = crashingHook((await stepsOfSave()).indexOf('move-new-in'));
    for (let crashAt = 0; crashAt <= 6; crashAt++) {
      const { root, dir } = setUp(OLD);
      await writeFolderAtomic(dir, NEW, crashedSave).catch(() => undefined);
      crashedSave.steps.length = 0;
      await recoverFolder(dir, crashingHook(crashAt).onStep);
      await recoverFolder(dir);
      expect(contents(dir), `recovery crashed before step ${crashAt}`).toEqual(OLD);
      expect(readdirSync(root)).toEqual(['model']);
    }
  });

  it('refuses to replace a file, or a folder its caller does not want replaced', async () => {
    const { root } = setUp(null);
    writeFileSync(join(root, 'file'), 'keep');
    await expect(writeFolderAtomic(join(root, 'file'), NEW)).rejects.toMatchObject({ code: 'EEXIST' });
    const { dir } = setUp(OLD);
    const refuse = (entries: string[]) => (entries.includes('a.json') ? 'not mine' : null);
    await expect(writeFolderAtomic(dir, NEW, { refuseToReplace: refuse })).rejects.toThrow('not mine');
    expect(readFileSync(join(root, 'file'), 'utf8')).toBe('keep');
    expect(contents(dir)).toEqual(OLD);
  });
});

describe('recoverFolder', () => {
  it('removes what ended processes left, and leaves a live process its siblings', async () => {
    const { root, dir } = setUp(OLD);
    const deadPid = 99_999_999; // above any system's largest process id
    const live = `.model.tmp-${process.ppid}-0badcafe`;
    for (const name of [`.model.tmp-${deadPid}-0badcafe`, `.model.old-${deadPid}-0badcafe`, live]) {
      mkdirSync(join(root, name));
      writeFileSync(join(root, name, 'a.json'), 'left');
    }
    writeFileSync(join(root, `.model.trash-${deadPid}-0badcafe`), 'left');
    writeFileSync(join(root, '.other.tmp-1-0badcafe'), 'not ours');
    await recoverFolder(dir);
    expect(readdirSync(root).sort()).toEqual([live, '.other.tmp-1-0badcafe', 'model'].sort());
    expect(contents(dir)).toEqual(OLD);
  });

  it('puts back the newest folder moved aside when nothing is at the path', async () => {
    const { root, dir } = setUp(null);
    const older = join(root, '.model.old-99999999-00000001');
    const newer = join(root, '.model.old-99999999-00000002');
    mkdirSync(older);
    writeFileSync(join(older, 'a.json'), 'older');
    await new Promise((resolve) => setTimeout(resolve, 20)); // distinct modification times
    mkdirSync(newer);
    writeFileSync(join(newer, 'a.json'), 'newer');
    await recoverFolder(dir);
    expect(contents(dir)).toEqual([['a.json', 'newer']]);
    expect(readdirSync(root)).toEqual(['model']);
  });

  it('does nothing where the parent folder is missing', async () => {
    await expect(recoverFolder(join(tmpdir(), 'atlas-no-such-folder', 'model'))).resolves.toBeUndefined();
  });
});
