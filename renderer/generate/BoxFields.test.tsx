// @vitest-environment jsdom
import { act, createElement, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { Point2 } from '../../shared/density/types';
import { BoxFields, type EditableBox } from './BoxFields';
import { niceStep } from './FitSummary';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let container: HTMLDivElement;
let onBox: Mock<(min: Point2, max: Point2) => void>;

/** Renders the fields in an owner that takes every box it is handed. */
async function render() {
  onBox = vi.fn<(min: Point2, max: Point2) => void>();
  function Owner() {
    const [box, setBox] = useState<EditableBox>({ min: [-1, -0.5], max: [1, 0.5] });
    return createElement(BoxFields, {
      box,
      axes: ['z₁', 'z₂'],
      step: 0.1,
      onBox: (min, max) => {
        onBox(min, max);
        setBox({ min, max });
      },
    });
  }
  await act(async () => root.render(createElement(Owner)));
}

const field = (label: string) => container.querySelector<HTMLInputElement>(`input[aria-label="${label}"]`)!;

async function key(input: HTMLInputElement, k: string, shiftKey = false) {
  await act(async () => {
    input.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true }));
  });
}

async function type(input: HTMLInputElement, text: string) {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
});

describe('BoxFields', () => {
  it('shows the four sides', async () => {
    await render();
    expect(['z₁ from', 'z₁ to', 'z₂ from', 'z₂ to'].map((l) => field(l).value)).toEqual([
      '-1',
      '1',
      '-0.5',
      '0.5',
    ]);
  });

  it('↑/↓ move a side by one step at once, Shift by ten', async () => {
    await render();
    await key(field('z₁ to'), 'ArrowDown');
    expect(onBox).toHaveBeenLastCalledWith([-1, -0.5], [0.9, 0.5]);
    await key(field('z₁ from'), 'ArrowDown', true);
    expect(onBox).toHaveBeenLastCalledWith([-2, -0.5], [0.9, 0.5]);
    // −0.5 + 10 × 0.1 reaches the upper side: refused, with the box kept.
    await key(field('z₂ from'), 'ArrowUp', true);
    expect(onBox).toHaveBeenCalledTimes(2);
    expect(field('z₂ from').value).toBe('-0.5');
    expect(container.querySelector('[role="alert"]')?.textContent).toMatch(
      /lower z₂ must stay below its upper z₂/,
    );
  });

  it('a typed value is applied on Enter; one passing the opposite side is refused and the box kept', async () => {
    await render();
    await type(field('z₂ to'), '0.25');
    expect(onBox).not.toHaveBeenCalled();
    await key(field('z₂ to'), 'Enter');
    expect(onBox).toHaveBeenLastCalledWith([-1, -0.5], [1, 0.25]);
    await type(field('z₁ from'), '3');
    await act(async () => field('z₁ from').dispatchEvent(new FocusEvent('focusout', { bubbles: true })));
    expect(onBox).toHaveBeenCalledTimes(1);
    expect(container.querySelector('[role="alert"]')?.textContent).toMatch(
      /lower z₁ must stay below its upper z₁/,
    );
    expect(field('z₁ from').value).toBe('-1');
    await type(field('z₁ from'), 'abc');
    await key(field('z₁ from'), 'Enter');
    expect(onBox).toHaveBeenCalledTimes(1);
  });

  it('niceStep rounds down to 1, 2 or 5 × 10ⁿ', () => {
    expect([niceStep(0.034), niceStep(0.27), niceStep(7.9), niceStep(0)]).toEqual([0.02, 0.2, 5, 0.01]);
  });
});
