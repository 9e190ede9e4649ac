/**
 * What jsdom lacks for the map panel's tests: a ResizeObserver that reports a fixed 400 × 300
 * size for whatever it observes (jsdom lays nothing out), and a plain ImageData (the shading
 * raster is built from one). Stub them with vi.stubGlobal.
 */
export class FixedSizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    const entry = { target, contentRect: { width: 400, height: 300 } } as unknown as ResizeObserverEntry;
    this.callback([entry], this as unknown as ResizeObserver);
  }
  unobserve() {}
  disconnect() {}
}

export class PlainImageData {
  readonly data: Uint8ClampedArray;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = new Uint8ClampedArray(4 * width * height);
  }
}
