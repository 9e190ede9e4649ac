import type { SaveResult } from '../../shared/api';
import { useLocale, useT } from '../i18n/I18nProvider';
import { lessonText } from './lesson-text';
import { LESSONS } from './lessons';
import type { Lessons } from './use-lessons';
import { progressJson, worksheetMarkdown } from './worksheet';
import './learn.css';

interface LearnPanelProps {
  lessons: Lessons;
  /** Saves a file the page made (a dialog or a download). */
  save(name: string, bytes: Uint8Array, format: 'md' | 'json'): Promise<SaveResult>;
  onSaved(text: string): void;
}

/** The Learn tab: the lessons with their progress, start / continue / reset, and the teacher's export. */
export function LearnPanel({ lessons, save, onSaved }: LearnPanelProps) {
  const t = useT();
  const { locale } = useLocale();
  const exportFile = async (format: 'md' | 'json') => {
    const text =
      format === 'md'
        ? worksheetMarkdown(LESSONS, lessons.progress, lessons.shots, t)
        : progressJson(LESSONS, lessons.progress, locale, new Date());
    const name = format === 'md' ? 'latent-atlas-worksheet.md' : 'latent-atlas-progress.json';
    const saved = await save(name, new TextEncoder().encode(text), format);
    if (saved.saved) onSaved(t('learn.saved', { name: saved.path ?? name }));
  };
  return (
    <>
      <section className="panel card learn-card" aria-labelledby="learn-title" data-testid="learn">
        <h2 id="learn-title" className="card-title">
          {t('learn.title')}
        </h2>
        <p className="card-intro muted">{t('learn.intro')}</p>
        <ol className="lesson-list">
          {LESSONS.map((lesson) => {
            const done = lessons.progress[lesson.id]?.length ?? 0;
            const total = lesson.steps.length;
            const active = lessons.current?.lesson.id === lesson.id;
            return (
              <li
                key={lesson.id}
                className="lesson-item"
                data-lesson={lesson.id}
                data-done={done}
                data-complete={done === total}
              >
                <div className="lesson-head">
                  <span className="lesson-title">{t(lessonText(lesson.id, 'title'))}</span>
                  <span className="lesson-progress muted">{t('learn.progress', { done, total })}</span>
                </div>
                <span className="lesson-section muted">
                  {t('learn.section', { section: t(lessonText(lesson.id, 'section')) })}
                </span>
                <div className="button-row">
                  <button
                    type="button"
                    className={active ? 'btn' : 'btn btn-primary'}
                    onClick={() => lessons.begin(lesson.id)}
                    aria-label={`${done === 0 ? t('learn.start') : done === total ? t('learn.review') : t('learn.continue')}: ${t(lessonText(lesson.id, 'title'))}`}
                  >
                    {done === 0 ? t('learn.start') : done === total ? t('learn.review') : t('learn.continue')}
                  </button>
                  {done > 0 && (
                    <button type="button" className="btn btn-quiet" onClick={() => lessons.reset(lesson.id)}>
                      {t('learn.reset')}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
        <button type="button" className="btn btn-quiet" onClick={() => lessons.reset()}>
          {t('learn.resetAll')}
        </button>
        {lessons.error && (
          <p className="notice-inline error" role="alert">
            {lessons.error}
          </p>
        )}
      </section>
      <section className="panel card learn-card" aria-labelledby="teacher-title">
        <h2 id="teacher-title" className="card-title">
          {t('learn.teacher')}
        </h2>
        <p className="card-intro muted">{t('learn.teacher.intro')}</p>
        <div className="button-row">
          <button type="button" className="btn" onClick={() => void exportFile('md')}>
            {t('learn.worksheet')}
          </button>
          <button type="button" className="btn" onClick={() => void exportFile('json')}>
            {t('learn.progressJson')}
          </button>
        </div>
      </section>
    </>
  );
}
