/**
 * The judged height and radius of decoded images (edit purity, issue 13): the nearest true
 * cylinder of each (shared/judge), on the page's thread. One judge bank per image size, made once
 * (289 renders); a strip of 32 images takes a few ms, one image under one.
 */
import { createJudgeBank, judgeImages, type JudgeBank, type Judgement } from '../../shared/judge';
import type { ImageSize } from '../../shared/train-config';

const banks = new Map<ImageSize, JudgeBank>();

/** Judges `count` images of `imageSize`² pixels, back to back. */
export function judgeFactors(images: Float32Array, count: number, imageSize: ImageSize): Judgement[] {
  let bank = banks.get(imageSize);
  if (!bank) banks.set(imageSize, (bank = createJudgeBank(imageSize)));
  return judgeImages(bank, images, count);
}
