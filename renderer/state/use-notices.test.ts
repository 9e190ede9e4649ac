// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderHook, settle } from './render-hook.test-util';
import { useNotices } from './use-notices';

const texts = (list: { kind: string; text: string }[]) => list.map((n) => `${n.kind}: ${n.text}`);

describe('useNotices', () => {
  it('a later success on the same action clears its earlier error', async () => {
    const hook = await renderHook(() => useNotices(), undefined);
    hook.current.fail('Save image failed', new Error('disk full'), 'Save image');
    await settle();
    hook.current.fail('Open model failed', new Error('not a model'), 'Open model');
    await settle();
    hook.current.push('success', 'Save image: saved as a.png.', 'Save image');
    await settle();
    expect(texts(hook.current.list)).toEqual([
      'error: Open model failed: not a model',
      'success: Save image: saved as a.png.',
    ]);
    hook.current.clear('Open model');
    await settle();
    expect(texts(hook.current.list)).toEqual(['success: Save image: saved as a.png.']);
    await hook.unmount();
  });

  it('keeps at most two errors, the newest', async () => {
    const hook = await renderHook(() => useNotices(), undefined);
    for (const what of ['A', 'B', 'C']) {
      hook.current.fail(`${what} failed`, new Error('no'));
      await settle();
    }
    expect(texts(hook.current.list)).toEqual(['error: B failed: no', 'error: C failed: no']);
    await hook.unmount();
  });
});
