/**
 * The teacher's export (issue 14): a Markdown worksheet of every lesson (its chapter section, its
 * steps, a question, each step marked done or not, and the picture of the map taken when it was
 * done here), and the student's progress as JSON.
 */
import type { Translate } from '../../shared/i18n/translate';
import type { Locale } from '../../shared/i18n/locale';
import { lessonText, stepText } from './lesson-text';
import type { Lesson } from './lessons';
import type { Progress } from './use-lessons';

const stepsIn = (lessons: readonly Lesson[]) => lessons.reduce((n, l) => n + l.steps.length, 0);
const doneIn = (lessons: readonly Lesson[], progress: Progress) =>
  lessons.reduce((n, l) => n + (progress[l.id]?.length ?? 0), 0);

export function worksheetMarkdown(
  lessons: readonly Lesson[],
  progress: Progress,
  shots: ReadonlyMap<string, string>,
  t: Translate,
): string {
  const out = [
    `# ${t('learn.worksheet.title')}`,
    '',
    t('learn.worksheet.student', { done: doneIn(lessons, progress), total: stepsIn(lessons) }),
    '',
  ];
  lessons.forEach((lesson, k) => {
    out.push(`## ${k + 1}. ${t(lessonText(lesson.id, 'title'))}`, '');
    out.push(`*${t('learn.section', { section: t(lessonText(lesson.id, 'section')) })}*`, '');
    lesson.steps.forEach((step, i) => {
      const done = progress[lesson.id]?.includes(i) ?? false;
      const mark = done ? t('learn.worksheet.doneMark') : t('learn.worksheet.todoMark');
      out.push(`${i + 1}. [${done ? 'x' : ' '}] ${t(stepText(lesson.id, step.id, 'do'))} (${mark})`);
      if (done) out.push(`   — ${t(stepText(lesson.id, step.id, 'saw'))}`);
      const shot = shots.get(`${lesson.id}:${step.id}`);
      if (shot) out.push('', `   ![${t(stepText(lesson.id, step.id, 'do'))}](${shot})`, '');
    });
    out.push('', `**${t('learn.worksheet.question')}:** ${t(lessonText(lesson.id, 'question'))}`, '', '');
  });
  return out.join('\n');
}

/** The student's progress, for a teacher's records. */
export function progressJson(
  lessons: readonly Lesson[],
  progress: Progress,
  locale: Locale,
  now: Date,
): string {
  return JSON.stringify(
    {
      format: 'latent-atlas-progress',
      version: 1,
      exported: now.toISOString(),
      locale,
      done: doneIn(lessons, progress),
      total: stepsIn(lessons),
      lessons: Object.fromEntries(
        lessons.map((l) => [
          l.id,
          {
            steps: l.steps.map((s) => s.id),
            done: (progress[l.id] ?? []).map((i) => l.steps[i]?.id).filter(Boolean),
          },
        ]),
      ),
    },
    null,
    2,
  );
}
