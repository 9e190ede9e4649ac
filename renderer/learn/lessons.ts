/**
 * The Learn tab's lessons (issue 14): a path through the chapter, each lesson mapped to a section
 * of it, each step an instruction (learn.<lesson>.<step>.do), a spotlight on the control it is
 * about, an auto-check on the app's state, a hint shown after a while (.hint) and a note on what
 * the user just saw (.saw). Texts live in the catalogs (shared/i18n/<locale>/learn.json).
 */
import type { SidebarTab } from '../app/SidebarTabs';
import type { AppView } from '../toy/ViewSwitch';
import type { LessonState } from './lesson-state';

export interface LessonStep {
  id: string;
  /** Where the control is: the view and sidebar tab to show, and the element to spotlight. */
  where: { view: AppView; tab?: SidebarTab; spotlight: string };
  /** True once the step is done; `start` is the state when the step began. */
  check(now: LessonState, start: LessonState): boolean;
}

export interface Lesson {
  id: string;
  steps: LessonStep[];
}

const BOX_CARD = 'section[aria-labelledby="toy-model-title"]';
const SAMPLE_CARD = 'section[aria-labelledby="toy-sample-title"]';
const VIEW_SWITCH = '.header-actions [role="radiogroup"]';
const toy = (s: LessonState) => s.view === 'toy' && s.toy !== null;
const trainedHere = (s: LessonState) => s.model?.source === 'trained' && !s.training;

export const LESSONS: readonly Lesson[] = [
  {
    // Generative models: p_model can be sampled; a fixed computation (the mean) cannot.
    id: 'generative',
    steps: [
      { id: 'open-toy', where: { view: 'toy', spotlight: VIEW_SWITCH }, check: (s) => toy(s) },
      {
        id: 'sample',
        where: { view: 'toy', spotlight: SAMPLE_CARD },
        check: (s, start) => toy(s) && s.toy!.family !== 'mean' && s.toy!.samples > 0 && s.toy !== start.toy,
      },
      {
        id: 'mean',
        where: { view: 'toy', spotlight: BOX_CARD },
        check: (s) => toy(s) && s.toy!.family === 'mean',
      },
      {
        id: 'gaussian',
        where: { view: 'toy', spotlight: BOX_CARD },
        check: (s) => toy(s) && s.toy!.family === 'gaussian' && s.toy!.samples > 0,
      },
    ],
  },
  {
    // The simplest example: a box, its likelihood, and maximum likelihood.
    id: 'box',
    steps: [
      {
        id: 'choose-box',
        where: { view: 'toy', spotlight: BOX_CARD },
        check: (s) => toy(s) && s.toy!.family === 'box',
      },
      {
        id: 'miss-a-point',
        where: { view: 'toy', spotlight: '[data-testid="toy-canvas"]' },
        check: (s) => toy(s) && s.toy!.family === 'box' && s.toy!.logLik === -Infinity,
      },
      {
        id: 'mle',
        where: { view: 'toy', spotlight: BOX_CARD },
        check: (s) => toy(s) && s.toy!.family === 'box' && s.toy!.boxIsMle && Number.isFinite(s.toy!.logLik),
      },
      {
        id: 'judge',
        where: { view: 'toy', spotlight: SAMPLE_CARD },
        check: (s) => toy(s) && s.toy!.family === 'box' && s.toy!.precision !== null,
      },
    ],
  },
  {
    // Representation learning: two numbers describe a cylinder; f turns any point into one.
    id: 'two-numbers',
    steps: [
      {
        id: 'taller',
        where: { view: 'latent', tab: 'explore', spotlight: 'section[aria-labelledby="factors-title"]' },
        check: (s) => s.view === 'latent' && s.factorsLead && s.factors.height >= 0.8,
      },
      {
        id: 'thinner',
        where: { view: 'latent', tab: 'explore', spotlight: 'section[aria-labelledby="factors-title"]' },
        check: (s) =>
          s.view === 'latent' && s.factorsLead && s.factors.height >= 0.8 && s.factors.radius <= 0.2,
      },
      {
        id: 'click-map',
        where: { view: 'latent', spotlight: '[data-testid="latent-map"]' },
        check: (s, start) =>
          s.view === 'latent' && s.zSource === 'map' && (s.z[0] !== start.z[0] || s.z[1] !== start.z[1]),
      },
    ],
  },
  {
    // Editing in latent space: "taller" is a direction; move along it and decode.
    id: 'taller',
    steps: [
      {
        id: 'aligned',
        where: { view: 'latent', tab: 'explore', spotlight: '.model-options' },
        check: (s) => s.model?.source === 'bundled' && s.model.align > 0,
      },
      {
        id: 'slider',
        where: { view: 'latent', tab: 'walk', spotlight: '[data-testid="attribute-sliders"]' },
        check: (s) => s.tab === 'walk' && s.walk.taller >= 0.3,
      },
      {
        id: 'judged',
        where: { view: 'latent', tab: 'walk', spotlight: '[data-testid="attribute-sliders"]' },
        check: (s, start) =>
          s.judged !== null &&
          start.judged !== null &&
          s.judged.height >= 0.8 &&
          Math.abs(s.judged.radius - start.judged.radius) <= 0.05,
      },
      {
        id: 'walk',
        where: { view: 'latent', tab: 'walk', spotlight: '[data-testid="walk"]' },
        check: (s) => s.walk.a && s.walk.b,
      },
    ],
  },
  {
    // A machine discovers the two numbers by itself: train with λ = 0 and watch.
    id: 'discover',
    steps: [
      {
        id: 'train',
        where: { view: 'latent', tab: 'train', spotlight: '.train-form' },
        check: (s) => trainedHere(s) && s.model!.kind === 'ae' && s.model!.align === 0,
      },
      {
        id: 'knn',
        where: { view: 'latent', tab: 'explore', spotlight: '[data-testid="latent-map"]' },
        check: (s) =>
          trainedHere(s) &&
          s.model!.align === 0 &&
          (s.model!.knnR2?.height ?? 0) >= 0.9 &&
          (s.model!.knnR2?.radius ?? 0) >= 0.9,
      },
      {
        id: 'epoch-one',
        where: { view: 'latent', tab: 'train', spotlight: '[data-testid="timeline"]' },
        check: (s) => s.model?.viewingEpoch === 1,
      },
    ],
  },
  {
    // The images lie on a 2-D manifold in pixel space; the map is that sheet flattened.
    id: 'manifold',
    steps: [
      {
        id: 'colour',
        where: { view: 'latent', spotlight: '.manifold-panel' },
        check: (s) => s.view === 'latent' && s.colorBy === 'radius',
      },
      {
        id: 'move',
        where: { view: 'latent', spotlight: '[data-testid="latent-map"]' },
        check: (s, start) =>
          s.view === 'latent' && Math.hypot(s.z[0] - start.z[0], s.z[1] - start.z[1]) > 0.05,
      },
      {
        id: 'other-model',
        where: { view: 'latent', tab: 'explore', spotlight: '.model-options' },
        check: (s, start) => s.model !== null && start.model !== null && s.model.id !== start.model.id,
      },
    ],
  },
  {
    // Sampling from p_model in latent space, judged against the true renderer.
    id: 'sample',
    steps: [
      {
        id: 'gaussian',
        where: { view: 'latent', tab: 'generate', spotlight: '.gen-families' },
        check: (s) => s.tab === 'generate' && s.generate.family === 'gaussian' && s.generate.fitted,
      },
      {
        id: 'draw',
        where: { view: 'latent', tab: 'generate', spotlight: '.gen-sample-controls' },
        check: (s) => s.generate.family === 'gaussian' && s.generate.samples > 0,
      },
      {
        id: 'precision',
        where: { view: 'latent', tab: 'generate', spotlight: '.gen-sample-controls' },
        check: (s) => s.generate.family === 'gaussian' && s.generate.precision !== null,
      },
      {
        id: 'mean',
        where: { view: 'latent', tab: 'generate', spotlight: '.gen-families' },
        check: (s) => s.generate.family === 'mean',
      },
    ],
  },
  {
    // The family of generative models: a VAE adds a prior to sample from.
    id: 'vae',
    steps: [
      {
        id: 'train-vae',
        where: { view: 'latent', tab: 'train', spotlight: '.train-form' },
        check: (s) => trainedHere(s) && s.model!.kind === 'vae',
      },
      {
        id: 'aggregate',
        where: { view: 'latent', spotlight: '.map-toolbar' },
        check: (s) => s.model?.kind === 'vae' && s.layers.showAggregate,
      },
      {
        id: 'prior',
        where: { view: 'latent', tab: 'generate', spotlight: '.gen-families' },
        check: (s) => s.model?.kind === 'vae' && s.generate.family === 'prior' && s.generate.fitted,
      },
    ],
  },
];
