/**
 * The message catalogs (issue 14): every user-facing string, in English and Simplified Chinese,
 * as ICU messages ({count, plural, …}, {n, number}), one JSON file per area of the app. Both the
 * renderer and the main process (menus, dialogs) read them. A test keeps the two catalogs' keys
 * and placeholders identical (catalogs.test.ts); the terms follow GLOSSARY.md.
 */
import enApp from './en/app.json';
import enMenu from './en/menu.json';
import enExplore from './en/explore.json';
import enMap from './en/map.json';
import enPreview from './en/preview.json';
import enFiles from './en/files.json';
import enGenerate from './en/generate.json';
import enToy from './en/toy.json';
import enCompare from './en/compare.json';
import enWalk from './en/walk.json';
import enTraining from './en/training.json';
import enManifold from './en/manifold.json';
import enLearn from './en/learn.json';
import zhApp from './zh-CN/app.json';
import zhMenu from './zh-CN/menu.json';
import zhExplore from './zh-CN/explore.json';
import zhMap from './zh-CN/map.json';
import zhPreview from './zh-CN/preview.json';
import zhFiles from './zh-CN/files.json';
import zhGenerate from './zh-CN/generate.json';
import zhToy from './zh-CN/toy.json';
import zhCompare from './zh-CN/compare.json';
import zhWalk from './zh-CN/walk.json';
import zhTraining from './zh-CN/training.json';
import zhManifold from './zh-CN/manifold.json';
import zhLearn from './zh-CN/learn.json';
import type { Locale } from './locale';

const en = {
  ...enApp,
  ...enMenu,
  ...enExplore,
  ...enMap,
  ...enPreview,
  ...enFiles,
  ...enGenerate,
  ...enToy,
  ...enCompare,
  ...enWalk,
  ...enTraining,
  ...enManifold,
  ...enLearn,
};

/** A message's id, e.g. 'app.trainNew'. */
export type MessageId = keyof typeof en;

const zh: Record<MessageId, string> = {
  ...zhApp,
  ...zhMenu,
  ...zhExplore,
  ...zhMap,
  ...zhPreview,
  ...zhFiles,
  ...zhGenerate,
  ...zhToy,
  ...zhCompare,
  ...zhWalk,
  ...zhTraining,
  ...zhManifold,
  ...zhLearn,
};

export const CATALOGS: Record<Locale, Record<MessageId, string>> = { en, 'zh-CN': zh };

/** Each area's catalog files, for the parity test: [area, English, Chinese]. */
export const CATALOG_FILES: readonly [string, Record<string, string>, Record<string, string>][] = [
  ['app', enApp, zhApp],
  ['menu', enMenu, zhMenu],
  ['explore', enExplore, zhExplore],
  ['map', enMap, zhMap],
  ['preview', enPreview, zhPreview],
  ['files', enFiles, zhFiles],
  ['generate', enGenerate, zhGenerate],
  ['toy', enToy, zhToy],
  ['compare', enCompare, zhCompare],
  ['walk', enWalk, zhWalk],
  ['training', enTraining, zhTraining],
  ['manifold', enManifold, zhManifold],
  ['learn', enLearn, zhLearn],
];
