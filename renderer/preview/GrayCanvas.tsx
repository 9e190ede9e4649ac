import { useEffect, useRef } from 'react';
import { drawGrayImage } from './gray-image';

interface GrayCanvasProps {
  /** Packed grayscale images in [0,1]; `index` picks one. Null draws an empty frame. */
  image: Float32Array | null;
  imageSize: number;
  index?: number;
  /** Displayed side in CSS pixels; the backing store follows the device pixel ratio. */
  sizePx: number;
  label: string;
  className?: string;
  /** Extra data-* attributes for tests, e.g. { 'data-frame': 3 }. */
  data?: Record<`data-${string}`, string | number>;
}

/** A small grayscale image shown large with smooth (high-quality) upscaling. */
export function GrayCanvas({ image, imageSize, index = 0, sizePx, label, className, data }: GrayCanvasProps) {
  const ref = useRef<HTMLCanvasElement | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const side = Math.round(sizePx * (window.devicePixelRatio || 1));
    if (el.width !== side) {
      el.width = side;
      el.height = side;
    }
    if (image) drawGrayImage(el, image, imageSize, index);
    else el.getContext('2d')?.clearRect(0, 0, side, side);
  }, [image, imageSize, index, sizePx]);
  return (
    <canvas
      ref={ref}
      role="img"
      aria-label={label}
      className={className ? `gray-canvas ${className}` : 'gray-canvas'}
      // A custom property, not width/height: a layout may show the canvas smaller (short windows).
      style={{ ['--gray-px' as string]: `${sizePx}px` }}
      {...data}
    />
  );
}
