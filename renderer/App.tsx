import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { turnPoint } from '../shared/walk';
import {
  api,
  exportGrid,
  openModel,
  saveCsv,
  saveExport,
  saveFilmstrip,
  saveGallery,
  saveImage,
  saveModel,
  transport,
} from './api';
import { AboutDialog } from './app/AboutDialog';
import { AppHeader } from './app/AppHeader';
import { NoticeArea } from './app/NoticeArea';
import { SidebarTabs, type SidebarTab } from './app/SidebarTabs';
import { useT } from './i18n/I18nProvider';
import { LearnPanel } from './learn/LearnPanel';
import { LessonCoach } from './learn/LessonCoach';
import type { ToyReport } from './learn/lesson-state';
import { useLessonState } from './learn/use-lesson-state';
import { useLessons } from './learn/use-lessons';
import { CompareView } from './compare/CompareView';
import { FactorSliders } from './explore/FactorSliders';
import { GeneratePanel } from './generate/GeneratePanel';
import { useGenerative } from './generate/use-generative';
import { LatentSliders } from './explore/LatentSliders';
import { RotatePopover } from './explore/RotatePopover';
import { useRotation } from './explore/use-rotation';
import { ModelSwitch } from './explore/ModelSwitch';
import { SaveImageControl } from './files/SaveImageControl';
import { useModelFiles } from './files/use-model-files';
import { DEFAULT_LAYERS, type MapLayers } from './latent-map/map-content';
import { LatentMapPanel } from './latent-map/LatentMapPanel';
import { MapLayersBar } from './latent-map/MapLayersBar';
import { ManifoldPanel } from './manifold-3d/ManifoldPanel';
import { PreviewPanel } from './preview/PreviewPanel';
import { useExplorer } from './state/use-explorer';
import { useExplorerView } from './state/use-explorer-view';
import { useNotices } from './state/use-notices';
import { usePacedModel } from './state/use-paced-value';
import { useRecentModels } from './state/use-recent-models';
import { ToyPanel } from './toy/ToyPanel';
import type { AppView } from './toy/ViewSwitch';
import { TrainingPanel } from './training/TrainingPanel';
import { TimelineCard } from './training/TimelineCard';
import { useTimeline } from './training/use-timeline';
import { WalkPanel } from './walk/WalkPanel';
import { useWalkTab } from './walk/use-walk-tab';
import { useWalkExports } from './walk/use-walk-exports';
import { useTrainingSession } from './training/use-training-session';
// Last, so the layout comes after the panels' own styles, as it did in one stylesheet.
import './app/layout.css';

const SAVE_HELPERS = { saveImage, exportGrid, saveModel, openModel };
// Module level: the hook needs stable options.
const GENERATE_OPTIONS = { savers: { saveGallery, saveCsv } };
const WALK_SAVERS = { saveFilmstrip, saveExport };

/** The explorer's layout: composes the panels with the feature hooks that drive them. */
export function App() {
  const t = useT();
  const notices = useNotices();
  const explorer = useExplorer(api);
  const view = useExplorerView(api, explorer, notices.actions);
  const session = useTrainingSession(api, explorer.refreshModel);
  const [aboutOpen, setAboutOpen] = useState(false);
  const [appView, setAppView] = useState<AppView>('latent');
  const [layers, setLayers] = useState<MapLayers>(DEFAULT_LAYERS);
  const { setTab } = session;
  const trainNew = useCallback(() => setTab('train'), [setTab]);
  const openAbout = useCallback(() => setAboutOpen(true), []);
  const files = useModelFiles(api, SAVE_HELPERS, explorer, notices.actions, { trainNew, about: openAbout });
  const { state } = explorer;
  const model = state.model;
  const recent = useRecentModels(api, model?.info ?? null);
  const { setZ } = view;
  // The heavy views follow a training run once a second, not at every epoch (use-paced-value.ts).
  const paced = usePacedModel(model, state.modelVersion, session.active);
  const generative = useGenerative(api, paced.model, paced.modelVersion, notices.actions, GENERATE_OPTIONS);
  const generateZ = useCallback((z: [number, number]) => setZ(z, 'map'), [setZ]);
  const walkZ = generateZ;
  const timeline = useTimeline(api, model, explorer.showModel, session.active);
  const walkExports = useWalkExports(api, WALK_SAVERS, notices.actions);
  const walkTab = useWalkTab(
    api,
    paced.modelVersion,
    state.z,
    walkZ,
    session.tab === 'walk' && appView === 'latent' && !session.active,
  );
  const zNow = useRef(state.z);
  zNow.current = state.z;
  const { turn: turnWalk } = walkTab;
  const turnLatent = useCallback(
    (angle: number) => {
      setZ(turnPoint(zNow.current, angle), 'map');
      turnWalk(angle);
    },
    [setZ, turnWalk],
  );
  const { saveModel: saveModelAs } = files.actions;
  const saveWithTimeline = useCallback(() => void saveModelAs({ withTimeline: true }), [saveModelAs]);
  const [toyReport, setToyReport] = useState<ToyReport | null>(null);
  const [coaching, setCoaching] = useState(false);
  const lessonWalk = useMemo(
    () => ({
      a: walkTab.walk.settings.a !== null,
      b: walkTab.walk.settings.b !== null,
      taller: walkTab.attr.amounts[0],
    }),
    [walkTab.walk.settings.a, walkTab.walk.settings.b, walkTab.attr.amounts],
  );
  const lessonGenerate = useMemo(
    () => ({
      family: generative.family,
      fitted: generative.fit !== null,
      samples: generative.samples?.count ?? 0,
      precision: generative.samples?.judged?.scores.precision ?? null,
    }),
    [generative.family, generative.fit, generative.samples],
  );
  const lessonState = useLessonState({
    view: appView,
    tab: session.tab,
    training: session.active,
    model,
    explorer: state,
    decoded: view.decoded,
    walk: lessonWalk,
    generate: lessonGenerate,
    toy: toyReport,
    layers,
    active: coaching,
  });
  const lessons = useLessons(api, lessonState);
  const lessonOn = lessons.current !== null;
  useEffect(() => setCoaching(lessonOn), [lessonOn]);
  const showLessonPlace = useCallback(
    (where: AppView, tab: SidebarTab | undefined) => {
      setAppView(where);
      if (tab) setTab(tab);
    },
    [setTab],
  );
  const { push: pushNotice } = notices.actions;
  const notifySaved = useCallback((text: string) => pushNotice('success', text, 'Learn'), [pushNotice]);
  const rotation = useRotation(api, model, explorer.showModel, notices.actions, turnLatent);
  return (
    <div className="app">
      <AppHeader
        training={session.training.state}
        onTrainNew={trainNew}
        files={files.actions}
        transport={transport}
        locked={session.active}
        hasModel={Boolean(model)}
        onAbout={openAbout}
        view={appView}
        onView={setAppView}
      />
      <main className="workspace" hidden={appView !== 'latent'}>
        <aside className="sidebar" aria-label={t('app.sidebar')}>
          <SidebarTabs tab={session.tab} onTab={setTab} training={session.active} />
          <div
            className="sidebar-body"
            role="tabpanel"
            id={`tab-${session.tab}`}
            aria-labelledby={`tab-${session.tab}-button`}
          >
            {session.tab === 'explore' ? (
              <>
                <ModelSwitch
                  bundled={explorer.bundled}
                  recent={recent}
                  current={model?.info ?? null}
                  locked={session.active}
                  onSwitch={files.switchModel}
                  run={session.run}
                />
                <LatentSliders model={model} z={state.z} onZ={view.setSliderZ} />
                <FactorSliders
                  factors={state.factors}
                  onFactors={view.setFactors}
                  trueImage={view.trueImage}
                  reconstruction={view.reconstruction}
                  shows={view.factorsShow}
                  imageSize={model?.imageSize ?? 32}
                  disabled={!model}
                />
              </>
            ) : session.tab === 'walk' ? (
              <WalkPanel
                tab={walkTab}
                exports={walkExports}
                imageSize={model?.imageSize ?? 32}
                hasModel={Boolean(model)}
                z={state.z}
                onZ={walkZ}
                decoded={view.decoded}
              />
            ) : session.tab === 'generate' ? (
              <GeneratePanel generative={generative} onZ={generateZ} />
            ) : session.tab === 'learn' ? (
              <LearnPanel lessons={lessons} save={saveExport} onSaved={notifySaved} />
            ) : (
              <>
                <TrainingPanel
                  training={session.training}
                  draft={session.draft}
                  onDraft={session.setDraft}
                  confirmReplace={files.confirmReplace}
                />
                <TimelineCard
                  timeline={timeline}
                  onSaveMade={saveExport}
                  onSaveWithTimeline={saveWithTimeline}
                  saving={files.actions.busy === 'save-model'}
                />
              </>
            )}
          </div>
        </aside>
        <LatentMapPanel
          api={api}
          model={model}
          modelVersion={paced.modelVersion}
          training={session.active}
          z={state.z}
          colorBy={state.colorBy}
          onColorBy={view.setColorBy}
          layers={layers}
          onZ={view.setZ}
          onShiftClick={walkTab.walk.pickEnd}
          onGridChange={files.setGrid}
          pmodel={generative.mapLayer}
          logVar={generative.valLogVar}
          path={walkTab.mapPath}
          trails={timeline.trails}
          onSaveMade={saveExport}
          onBoxChange={generative.setBox}
          toolbar={
            <MapLayersBar
              layers={layers}
              onLayers={setLayers}
              hasPModel={generative.mapLayer !== null}
              isVae={generative.isVae}
            />
          }
          actions={
            <>
              <RotatePopover model={model} rotation={rotation} locked={session.active} />
              <button
                type="button"
                className="btn"
                onClick={() => void files.actions.exportGrid()}
                disabled={!model || files.actions.busy === 'grid'}
              >
                {t('app.exportGrid')}
              </button>
            </>
          }
        />
        <aside className="inspector" aria-label={t('app.inspector')}>
          <PreviewPanel
            decoded={view.decoded}
            z={state.z}
            truth={view.truth}
            error={view.decodeError}
            actions={
              <SaveImageControl
                actions={files.actions}
                disabled={!model}
                sizePx={files.imagePx}
                onSizePx={files.setImagePx}
              />
            }
          />
          <ManifoldPanel
            api={api}
            model={paced.model}
            modelVersion={paced.modelVersion}
            currentZ={view.decoded?.z ?? state.z}
            currentImage={view.decoded?.image ?? null}
            colorBy={state.colorBy}
            onColorByChange={view.setColorBy}
            trueFactors={state.trueFactors}
            onSaveMade={saveExport}
          />
        </aside>
      </main>
      <main className="workspace compare-workspace" hidden={appView !== 'compare'}>
        <CompareView
          api={api}
          bundled={explorer.bundled}
          recent={recent}
          hasCurrent={Boolean(model)}
          training={session.active}
        />
      </main>
      <main className="workspace toy-workspace" hidden={appView !== 'toy'}>
        <ToyPanel onReport={setToyReport} />
      </main>
      <LessonCoach lessons={lessons} onShow={showLessonPlace} />
      <NoticeArea notices={notices.list} onDismiss={notices.actions.dismiss} />
      <AboutDialog api={api} open={aboutOpen} onClose={() => setAboutOpen(false)} />
    </div>
  );
}
