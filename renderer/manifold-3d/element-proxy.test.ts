// The orbit controls of three.js, unchanged, driven through ElementProxy the way the 3-D view's
// worker drives them: forwarded pointer and wheel events must orbit and zoom the camera.
import { describe, expect, it } from 'vitest';
import { PerspectiveCamera, Vector3 } from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { ElementProxy } from './element-proxy';
import { forwardedEvent } from './forwarded-event.test-util';

const event = forwardedEvent;

function setup() {
  const cursors: string[] = [];
  const element = new ElementProxy((c) => cursors.push(c));
  element.setSize(400, 300);
  const camera = new PerspectiveCamera(38, 4 / 3, 0.05, 50);
  camera.position.set(0, 0, 4);
  const controls = new OrbitControls(camera, element as unknown as HTMLElement);
  controls.enableDamping = false;
  controls.update();
  return { element, camera, controls, cursors };
}

describe('ElementProxy', () => {
  it('a forwarded drag orbits the camera around its target, at the same distance', () => {
    const { element, camera } = setup();
    const before = camera.position.clone();
    element.dispatch(event('pointerdown', 100, 150));
    for (let x = 110; x <= 200; x += 10) element.dispatch(event('pointermove', x, 150));
    element.dispatch(event('pointerup', 200, 150));
    expect(camera.position.distanceTo(before)).toBeGreaterThan(0.5);
    expect(camera.position.length()).toBeCloseTo(before.length(), 5);
    // Released: later moves do nothing.
    const after = camera.position.clone();
    element.dispatch(event('pointermove', 300, 150));
    expect(camera.position.equals(after)).toBe(true);
  });

  it('a forwarded wheel zooms in and a right-drag pans', () => {
    const { element, camera, controls } = setup();
    element.dispatch(event('wheel', 200, 150, { deltaY: -200 }));
    expect(camera.position.length()).toBeLessThan(4);
    const target = controls.target.clone();
    element.dispatch(event('pointerdown', 200, 150, { button: 2 }));
    element.dispatch(event('pointermove', 260, 150, { button: 2 }));
    element.dispatch(event('pointerup', 260, 150, { button: 2 }));
    expect(controls.target.distanceTo(target)).toBeGreaterThan(0.01);
    expect(controls.target.distanceTo(new Vector3())).toBeGreaterThan(0.01);
  });

  it('passes the cursor on, and a removed listener hears nothing', () => {
    const { element, cursors, controls } = setup();
    controls.cursorStyle = 'grab';
    element.dispatch(event('pointerdown', 100, 100));
    element.dispatch(event('pointerup', 100, 100));
    expect(cursors.slice(-3)).toEqual(['grab', 'grabbing', 'grab']);
    controls.dispose();
    let heard = 0;
    const listener = (): void => {
      heard++;
    };
    element.addEventListener('wheel', listener);
    element.removeEventListener('wheel', listener);
    element.dispatch(event('wheel', 0, 0, { deltaY: 10 }));
    expect(heard).toBe(0);
  });
});
