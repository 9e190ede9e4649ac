import { useEffect, useState } from 'react';
import type { SidebarTab } from '../app/SidebarTabs';
import { useT } from '../i18n/I18nProvider';
import type { AppView } from '../toy/ViewSwitch';
import { lessonText, stepText } from './lesson-text';
import type { Lessons } from './use-lessons';
import './learn.css';

/** The class the spotlit control wears while its step waits. */
const SPOTLIGHT = 'lesson-spotlight';

interface LessonCoachProps {
  lessons: Lessons;
  /** "Show me": the view and the sidebar tab where the step's control is. */
  onShow(view: AppView, tab: SidebarTab | undefined): void;
}

/**
 * The lesson in progress, over the workspace: the step's instruction, a spotlight on its control,
 * "Show me", the hint once it is due, and, when the auto-check passes, what the user just saw.
 */
export function LessonCoach({ lessons, onShow }: LessonCoachProps) {
  const t = useT();
  const current = lessons.current;
  const step = current ? current.lesson.steps[current.step] : undefined;
  const selector = step && !current?.passed ? step.where.spotlight : null;
  const [placement, setPlacement] = useState<'bottom' | 'top'>('bottom');

  // The spotlight follows its control as tabs and views mount it (checked a few times a second),
  // and the coach keeps out of its way: at the top while the control is in the lower half.
  useEffect(() => {
    if (!selector) return;
    let lit: Element | null = null;
    const light = () => {
      const el = document.querySelector(selector);
      if (el) {
        const r = el.getBoundingClientRect();
        if (r.height > 0)
          setPlacement(r.bottom > window.innerHeight * 0.55 && r.top > 160 ? 'top' : 'bottom');
      }
      if (el === lit) return;
      lit?.classList.remove(SPOTLIGHT);
      el?.classList.add(SPOTLIGHT);
      lit = el;
    };
    light();
    const timer = setInterval(light, 300);
    return () => {
      clearInterval(timer);
      lit?.classList.remove(SPOTLIGHT);
    };
  }, [selector]);

  if (!current || !step) return null;
  const { lesson } = current;
  const last = current.step === lesson.steps.length - 1;
  const show = () => {
    onShow(step.where.view, step.where.tab);
    setTimeout(() => document.querySelector(step.where.spotlight)?.scrollIntoView({ block: 'nearest' }), 50);
  };
  return (
    <aside
      className="lesson-coach"
      aria-label={t('learn.coach')}
      data-testid="lesson-coach"
      data-lesson={lesson.id}
      data-step={step.id}
      data-passed={current.passed}
      data-placement={placement}
    >
      <header className="lesson-coach-head">
        <span className="lesson-coach-title">{t(lessonText(lesson.id, 'title'))}</span>
        <span className="muted">
          {t('learn.coach.step', { n: current.step + 1, total: lesson.steps.length })}
        </span>
        <button
          type="button"
          className="btn btn-quiet lesson-coach-close"
          onClick={lessons.stop}
          aria-label={t('learn.coach.close')}
        >
          ×
        </button>
      </header>
      <p className="lesson-coach-do">{t(stepText(lesson.id, step.id, 'do'))}</p>
      {current.passed ? (
        <p className="lesson-coach-saw" role="status">
          <strong>{t('learn.coach.passed')} ✓</strong>{' '}
          {t('learn.coach.saw', { saw: t(stepText(lesson.id, step.id, 'saw')) })}
        </p>
      ) : (
        <>
          <p className="muted lesson-coach-wait">{t('learn.coach.waiting')}</p>
          {current.hint && (
            <p className="lesson-coach-hint">
              {t('learn.coach.hint', { hint: t(stepText(lesson.id, step.id, 'hint')) })}
            </p>
          )}
        </>
      )}
      <div className="button-row">
        <button type="button" className="btn btn-quiet" onClick={lessons.back} disabled={current.step === 0}>
          {t('learn.coach.back')}
        </button>
        {!current.passed && (
          <button type="button" className="btn" onClick={show}>
            {t('learn.coach.showMe')}
          </button>
        )}
        <button type="button" className="btn btn-primary" onClick={lessons.next} disabled={!current.passed}>
          {last ? t('learn.coach.finish') : t('learn.coach.next')}
        </button>
      </div>
    </aside>
  );
}
