import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../shared/i18n/catalogs';
import { translator } from '../../shared/i18n/translate';
import { DEFAULT_LAYERS } from '../latent-map/map-content';
import type { LessonState, ToyReport } from './lesson-state';
import { lessonText, stepText } from './lesson-text';
import { LESSONS } from './lessons';
import { progressJson, worksheetMarkdown } from './worksheet';

const BASE: LessonState = {
  view: 'latent',
  tab: 'explore',
  training: false,
  model: {
    id: 'bundled-discovered',
    kind: 'ae',
    source: 'bundled',
    align: 0,
    beta: 1,
    knnR2: null,
    viewingEpoch: null,
  },
  z: [0, 0],
  zSource: 'model',
  factors: { height: 0.5, radius: 0.5 },
  factorsLead: true,
  judged: { height: 0.5, radius: 0.5 },
  walk: { a: false, b: false, taller: 0 },
  generate: { family: 'box', fitted: false, samples: 0, precision: null },
  toy: null,
  colorBy: 'height',
  layers: DEFAULT_LAYERS,
};
const TOY: ToyReport = { family: 'box', logLik: -2, boxIsMle: true, samples: 0, precision: null };
const step = (lesson: string, id: string) =>
  LESSONS.find((l) => l.id === lesson)!.steps.find((s) => s.id === id)!;

describe('the lessons', () => {
  it('are at least eight, of 3 to 6 steps, each worded in both languages', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(8);
    for (const lesson of LESSONS) {
      expect(lesson.steps.length).toBeGreaterThanOrEqual(3);
      expect(lesson.steps.length).toBeLessThanOrEqual(6);
      const ids = [
        ...(['title', 'section', 'question'] as const).map((f) => lessonText(lesson.id, f)),
        ...lesson.steps.flatMap((s) =>
          (['do', 'hint', 'saw'] as const).map((f) => stepText(lesson.id, s.id, f)),
        ),
      ];
      for (const id of ids) {
        expect(CATALOGS.en[id], id).toBeTruthy();
        expect(CATALOGS['zh-CN'][id], id).toBeTruthy();
      }
    }
  });

  it('pass the box steps only after the right action', () => {
    const miss = step('box', 'miss-a-point');
    const toy = (t: Partial<ToyReport>): LessonState => ({ ...BASE, view: 'toy', toy: { ...TOY, ...t } });
    expect(miss.check(toy({}), BASE)).toBe(false); // the MLE box holds every point
    expect(miss.check(toy({ family: 'gaussian', logLik: -Infinity }), BASE)).toBe(false); // not a box
    expect(miss.check(toy({ logLik: -Infinity, boxIsMle: false }), BASE)).toBe(true);
    const mle = step('box', 'mle');
    expect(mle.check(toy({ logLik: -Infinity, boxIsMle: false }), BASE)).toBe(false);
    expect(mle.check(toy({ boxIsMle: false }), BASE)).toBe(false); // a bigger box: finite, not the MLE
    expect(mle.check(toy({}), BASE)).toBe(true);
  });

  it('pass "taller" only when the judged height rose to 0.8 with the radius kept within ±0.05', () => {
    const judged = step('taller', 'judged');
    const at = (height: number, radius: number): LessonState => ({ ...BASE, judged: { height, radius } });
    const start = at(0.6, 0.4);
    expect(judged.check(at(0.7, 0.4), start)).toBe(false);
    expect(judged.check(at(0.85, 0.5), start)).toBe(false); // wider too: not a pure edit
    expect(judged.check(at(0.85, 0.43), start)).toBe(true);
  });

  it('pass the representation steps on the sliders and on a click on the map, not on anything else', () => {
    const tall = step('two-numbers', 'taller');
    expect(tall.check({ ...BASE, factors: { height: 0.85, radius: 0.5 } }, BASE)).toBe(true);
    expect(tall.check({ ...BASE, factors: { height: 0.85, radius: 0.5 }, factorsLead: false }, BASE)).toBe(
      false,
    );
    const click = step('two-numbers', 'click-map');
    expect(click.check({ ...BASE, zSource: 'slider', z: [1, 1] }, BASE)).toBe(false);
    expect(click.check({ ...BASE, zSource: 'map', z: [1, 1] }, BASE)).toBe(true);
    const epoch = step('discover', 'epoch-one');
    expect(epoch.check({ ...BASE, model: { ...BASE.model!, viewingEpoch: 2 } }, BASE)).toBe(false);
    expect(epoch.check({ ...BASE, model: { ...BASE.model!, viewingEpoch: 1 } }, BASE)).toBe(true);
  });
});

describe('the teacher’s export', () => {
  it('is a worksheet of every lesson with its steps marked, pictures of the steps done, and the progress as JSON', () => {
    const t = translator('en');
    const md = worksheetMarkdown(
      LESSONS,
      { box: [0, 2] },
      new Map([['box:choose-box', 'data:image/png;base64,AAAA']]),
      t,
    );
    expect(md).toContain('# Latent Atlas — worksheet');
    expect(md).toContain('Progress: 2 of');
    expect(md).toContain('## 2. The box and maximum likelihood');
    expect(md).toContain('1. [x] In the toy, choose the Uniform box family. (done)');
    expect(md).toContain('2. [ ] Drag an edge of the box inward');
    expect(md).toContain('](data:image/png;base64,AAAA)');
    expect(md.match(/\*\*Question:\*\*/g)).toHaveLength(LESSONS.length);
    const zh = worksheetMarkdown(LESSONS, {}, new Map(), translator('zh-CN'));
    expect(zh).toContain('方框与最大似然');
    const json = JSON.parse(progressJson(LESSONS, { box: [0, 2] }, 'en', new Date('2026-12-03T00:00:00Z')));
    expect(json).toMatchObject({ format: 'latent-atlas-progress', done: 2, locale: 'en' });
    expect(json.lessons.box.done).toEqual(['choose-box', 'mle']);
  });
});
