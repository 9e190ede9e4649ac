// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../shared/api';
import { createFakeApi } from '../lib/fake-api.test-util';
import { renderHook } from '../lib/render-hook.test-util';
import { useMenuCommands } from './use-menu-commands';

const COMMANDS: MenuCommand[] = [
  'save-image',
  'export-grid',
  'save-model',
  'open-model',
  'train-new',
  'about',
];

describe('useMenuCommands', () => {
  it('runs the handler of each menu command, the latest handlers after a rerender, none after unmount', async () => {
    const fake = createFakeApi({});
    const ran: string[] = [];
    const handlers = (tag: string) =>
      Object.fromEntries(COMMANDS.map((c) => [c, () => void ran.push(`${tag}:${c}`)])) as Record<
        MenuCommand,
        () => void
      >;
    const hook = await renderHook((p: { tag: string }) => useMenuCommands(fake.api, handlers(p.tag)), {
      tag: 'a',
    });
    fake.emit('menu:command', { command: 'save-image' });
    fake.emit('menu:command', { command: 'train-new' });
    await hook.rerender({ tag: 'b' });
    fake.emit('menu:command', { command: 'about' });
    await hook.unmount();
    fake.emit('menu:command', { command: 'save-model' });
    expect(ran).toEqual(['a:save-image', 'a:train-new', 'b:about']);
  });
});
