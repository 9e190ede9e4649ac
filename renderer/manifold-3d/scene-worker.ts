// Worker entry: the 3-D view's scene (manifold-scene.ts) drawn on an OffscreenCanvas, so that its
// WebGL frames never hold the page's thread. The page (worker-scene.ts) sends state changes, sizes
// and pointer events (scene-protocol.ts) and gets back what is on screen and any WebGL failure.
import { errorMessage } from '../../shared/errors';
import { ElementProxy } from './element-proxy';
import { ManifoldScene } from './manifold-scene';
import type { SceneCall, SceneReport } from './scene-protocol';

/** The worker's global scope, typed here because the renderer compiles against the DOM library. */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SceneCall>) => void) | null;
  postMessage(message: SceneReport): void;
};

let scene: ManifoldScene | null = null;
let element: ElementProxy | null = null;
let failed = false;
/** When the user's hand rests, on this worker's clock (the page says with each update). */
let quietAt = -Infinity;

const report = (message: SceneReport): void => scope.postMessage(message);

function fail(message: string): void {
  if (failed) return;
  failed = true;
  scene?.dispose();
  scene = null;
  report({ kind: 'error', message });
}

scope.onmessage = ({ data: call }) => {
  if (failed) return;
  try {
    handle(call);
  } catch (error) {
    fail(errorMessage(error));
  }
};

function handle(call: SceneCall): void {
  if (call.kind === 'start') {
    const { canvas } = call;
    canvas.addEventListener('webglcontextlost', (event) => {
      event.preventDefault();
      fail('The WebGL context was lost.');
    });
    element = new ElementProxy((cursor) => report({ kind: 'cursor', cursor }));
    element.setSize(call.width, call.height);
    scene = new ManifoldScene(canvas, undefined, {
      software: call.software,
      pixelRatio: call.pixelRatio,
      controlsElement: element as unknown as HTMLElement,
      publish: (attributes) => report({ kind: 'attributes', attributes }),
      quietFrom: () => quietAt,
    });
    scene.resize(call.width, call.height, call.pixelRatio);
    return;
  }
  if (!scene) return;
  switch (call.kind) {
    case 'update':
      quietAt = performance.now() + call.quietInMs;
      scene.update(call.change);
      break;
    case 'resize':
      element?.setSize(call.width, call.height);
      scene.resize(call.width, call.height, call.pixelRatio);
      break;
    case 'visible':
      scene.setVisible(call.visible);
      break;
    case 'event':
      element?.dispatch(call.event);
      break;
    case 'resetView':
      scene.resetView();
      break;
    case 'dispose':
      scene.dispose();
      scene = null;
      break;
  }
}
