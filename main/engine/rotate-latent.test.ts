import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../shared/dataset';
import { initBackend } from './backend';
import { decodeCodes, encodeImages } from './evaluate';
import { buildAutoencoder } from './model';
import { rotateLatent, VAE_NOT_ROTATABLE } from './rotate-latent';

describe('rotateLatent', () => {
  it('turns the codes by θ and leaves every decoded image identical (to 1e-5)', async () => {
    await initBackend();
    const model = buildAutoencoder({ imageSize: 32, kind: 'ae', hidden: [128, 32] }, 7);
    const { val } = generateDataset({ imageSize: 32, count: 60, valFraction: 0.5, seed: 3 });
    const codes = encodeImages(model, val.images, val.count);
    const images = decodeCodes(model, codes);
    const theta = 0.7;
    rotateLatent(model, theta);
    const turned = encodeImages(model, val.images, val.count);
    const c = Math.cos(theta);
    const s = Math.sin(theta);
    for (let i = 0; i < val.count; i++) {
      const [x, y] = [codes[2 * i]!, codes[2 * i + 1]!];
      expect(turned[2 * i]).toBeCloseTo(c * x - s * y, 4);
      expect(turned[2 * i + 1]).toBeCloseTo(s * x + c * y, 4);
    }
    const after = decodeCodes(model, turned);
    let worst = 0;
    for (let k = 0; k < images.length; k++) worst = Math.max(worst, Math.abs(after[k]! - images[k]!));
    expect(worst).toBeLessThan(1e-5);
    // And back: θ then −θ is the model it was.
    rotateLatent(model, -theta);
    const back = encodeImages(model, val.images, val.count);
    for (let k = 0; k < codes.length; k++) expect(back[k]).toBeCloseTo(codes[k]!, 4);
  });

  it('refuses a VAE and a non-finite angle', async () => {
    await initBackend();
    const vae = buildAutoencoder({ imageSize: 32, kind: 'vae', hidden: [128, 32] }, 1);
    expect(() => rotateLatent(vae, 1)).toThrow(VAE_NOT_ROTATABLE);
    const ae = buildAutoencoder({ imageSize: 32, kind: 'ae', hidden: [128, 32] }, 1);
    expect(() => rotateLatent(ae, Number.NaN)).toThrow(/finite/);
  });
});
