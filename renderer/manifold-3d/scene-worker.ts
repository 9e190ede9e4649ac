// Worker entry: the 3-D view's scene (manifold-scene.ts) drawn on an OffscreenCanvas, so that its
// WebGL frames never hold the page's thread. The page (worker-scene.ts) sends state changes, sizes
// and pointer events (scene-protocol.ts) and gets back what is on screen and any WebGL failure.
import { errorMessage } from '../../shared/errors';
import { translator } from '../../shared/i18n/translate';
import { setCurrentTranslate, t } from '../i18n/current';
import { ElementProxy } from './element-proxy';
import { ManifoldScene } from './manifold-scene';
import type { SceneCall, SceneReport } from './scene-protocol';

/** The worker's global scope, typed here because the renderer compiles against the DOM library. */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SceneCall>) => void) | null;
  postMessage(message: SceneReport, transfer?: Transferable[]): void;
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
      fail(t('manifold.contextLost'));
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
  if (call.kind === 'locale') {
    // This worker's own t() (renderer/i18n/current.ts): the page's provider does not reach it.
    setCurrentTranslate(translator(call.locale));
    scene?.setLocale(call.locale);
    return;
  }
  if (!scene) {
    if (call.kind === 'snapshot')
      report({ kind: 'snapshotError', id: call.id, message: t('manifold.closed') });
    return;
  }
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
    case 'snapshot':
      void snapshot(scene, call.id, call.scale);
      break;
    case 'dispose':
      scene.dispose();
      scene = null;
      break;
  }
}

/** Answers a snapshot call with the PNG's bytes (transferred) or why there are none. */
async function snapshot(from: ManifoldScene, id: number, scale: number): Promise<void> {
  try {
    // Validated here too: the page's menu only offers fitting scales, but a message is a message.
    if (!Number.isFinite(scale) || scale < 1) throw new Error(t('manifold.export.badScale', { scale }));
    const png = await from.snapshot(scale);
    const bytes = png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength) as ArrayBuffer;
    scope.postMessage({ kind: 'snapshot', id, png: bytes }, [bytes]);
  } catch (error) {
    report({ kind: 'snapshotError', id, message: errorMessage(error) });
  }
}
