// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import type { TimelineInfo } from '../../shared/api';
import { ReplayExport } from './ReplayExport';
import type { TimelineState } from './use-timeline';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function timeline(kept: number, patch: Partial<TimelineState> = {}): TimelineState {
  const epochs = Array.from({ length: kept }, (_, i) => ({ epoch: i + 1 })) as TimelineInfo['epochs'];
  const info: TimelineInfo = { epochs, bytes: 0, capBytes: 1, thinned: false, savedBytes: 0 };
  return { info, epoch: null, view: vi.fn(), replaying: false, training: false, ...patch } as TimelineState;
}

async function render(t: TimelineState): Promise<HTMLElement> {
  const host = document.createElement('div');
  await act(async () => createRoot(host).render(createElement(ReplayExport, { timeline: t, save: vi.fn() })));
  return host;
}

const button = (host: HTMLElement, name: string) =>
  [...host.querySelectorAll('button')].find((b) => b.textContent === name)!;

describe('ReplayExport', () => {
  it('offers the GIF after a run; without MediaRecorder the WebM is disabled and says why', async () => {
    const host = await render(timeline(3));
    expect(button(host, 'Replay as GIF').disabled).toBe(false);
    const webm = button(host, 'Replay as WebM');
    expect(webm.disabled).toBe(true);
    expect(webm.title).toBe('This browser cannot record video (it has no MediaRecorder).');
    expect(host.textContent).toContain('No WebM video here: This browser cannot record video');
  });

  it('is disabled, saying why, while a run trains, while the timeline replays, or with one kept epoch', async () => {
    for (const [t, why] of [
      [timeline(3, { training: true }), 'Wait until the run has finished training.'],
      [timeline(3, { replaying: true }), 'Stop the replay first.'],
      [timeline(1), 'The run kept fewer than 2 epochs: there is nothing to replay.'],
    ] as const) {
      const host = await render(t);
      expect(button(host, 'Replay as GIF').disabled).toBe(true);
      expect(button(host, 'Replay as GIF').title).toBe(why);
      expect(host.textContent).toContain(why);
    }
  });
});
