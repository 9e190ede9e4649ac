import { api, exportGrid, openModel, saveImage, saveModel, transport } from './api';
import { AboutDialog } from './controls/AboutDialog';
import { FactorSliders } from './controls/FactorSliders';
import { LatentSliders } from './controls/LatentSliders';
import { MapLayersBar } from './controls/MapLayersBar';
import { ModelSwitch } from './controls/ModelSwitch';
import { NoticeArea } from './controls/NoticeArea';
import { SidebarTabs } from './controls/SidebarTabs';
import { LatentMapPanel } from './latent-map/LatentMapPanel';
import { ManifoldPanel } from './manifold-3d/ManifoldPanel';
import { PreviewPanel } from './preview/PreviewPanel';
import { ModelFileButtons } from './saving/ModelFileButtons';
import { SaveImageControl } from './saving/SaveImageControl';
import { useAtlas } from './state/use-atlas';
import { TrainingPanel } from './training/TrainingPanel';
import { TrainingStatusPill } from './training/TrainingStatusPill';

const SAVE_HELPERS = { saveImage, exportGrid, saveModel, openModel };

/** The explorer's layout: composes the panels, holds no logic of its own (see state/use-atlas.ts). */
export function App() {
  const a = useAtlas(api, SAVE_HELPERS, transport);
  const { state } = a;
  const model = state.model;
  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <h1>Latent Atlas</h1>
          <span className="brand-sub">two numbers behind every cylinder</span>
        </div>
        <div className="header-actions">
          <TrainingStatusPill state={a.training.state} onOpen={() => a.setTab('train')} />
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => a.setTab('train')}
            title="Choose a config and watch a new autoencoder learn, live on the map"
          >
            Train a new model
          </button>
          <ModelFileButtons
            actions={a.save}
            transport={a.transport}
            locked={a.trainingActive}
            hasModel={Boolean(model)}
          />
          <button type="button" className="btn btn-quiet" onClick={() => a.setAboutOpen(true)}>
            About
          </button>
        </div>
      </header>
      <main className="workspace">
        <aside className="sidebar" aria-label="Controls">
          <SidebarTabs tab={a.tab} onTab={a.setTab} training={a.trainingActive} />
          <div
            className="sidebar-body"
            role="tabpanel"
            id={`tab-${a.tab}`}
            aria-labelledby={`tab-${a.tab}-button`}
          >
            {a.tab === 'explore' ? (
              <>
                <ModelSwitch
                  bundled={a.explorer.bundled}
                  current={model?.info ?? null}
                  locked={a.trainingActive}
                  onSwitch={a.switchModel}
                  run={
                    a.trainingActive && a.training.state.progress
                      ? {
                          epoch: a.training.state.progress.epoch,
                          epochs: a.training.state.progress.epochs,
                          paused: a.training.state.status === 'paused',
                        }
                      : null
                  }
                />
                <LatentSliders model={model} z={state.z} onZ={a.setSliderZ} />
                <FactorSliders
                  factors={state.factors}
                  onFactors={a.setFactors}
                  trueImage={a.trueImage}
                  reconstruction={a.reconstruction}
                  imageSize={model?.imageSize ?? 32}
                  disabled={!model}
                />
              </>
            ) : (
              <TrainingPanel training={a.training} draft={a.draft} onDraft={a.setDraft} />
            )}
          </div>
        </aside>
        <LatentMapPanel
          api={api}
          model={model}
          modelVersion={state.modelVersion}
          z={state.z}
          colorBy={state.colorBy}
          onColorBy={a.setColorBy}
          layers={a.layers}
          onZ={a.setZ}
          onGridChange={a.setGrid}
          toolbar={<MapLayersBar layers={a.layers} onLayers={a.setLayers} />}
          actions={
            <button
              type="button"
              className="btn"
              onClick={() => void a.save.exportGrid()}
              disabled={!model || a.save.busy === 'grid'}
            >
              Export grid
            </button>
          }
        />
        <aside className="inspector" aria-label="Decoded image and manifold">
          <PreviewPanel
            decoded={a.decoded}
            z={state.z}
            truth={a.truth}
            error={a.decodeError}
            actions={
              <SaveImageControl
                actions={a.save}
                disabled={!model}
                sizePx={a.imagePx}
                onSizePx={a.setImagePx}
              />
            }
          />
          <ManifoldPanel
            model={model}
            modelVersion={state.modelVersion}
            currentZ={a.decoded?.z ?? state.z}
            currentImage={a.decoded?.image ?? null}
            colorBy={state.colorBy}
            onColorByChange={a.setColorBy}
            trueFactors={state.trueFactors}
          />
        </aside>
      </main>
      <NoticeArea notices={a.notices} />
      <AboutDialog api={api} open={a.aboutOpen} onClose={() => a.setAboutOpen(false)} />
    </div>
  );
}
