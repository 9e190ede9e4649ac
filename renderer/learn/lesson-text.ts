/**
 * The catalog ids of a lesson's texts: learn.<lesson>.title/.section/.question and, for each step,
 * learn.<lesson>.<step>.do/.hint/.saw (a test checks every one exists in both languages).
 */
import type { MessageId } from '../../shared/i18n/catalogs';

export type LessonField = 'title' | 'section' | 'question';
export type StepField = 'do' | 'hint' | 'saw';

export const lessonText = (lesson: string, field: LessonField) => `learn.${lesson}.${field}` as MessageId;
export const stepText = (lesson: string, step: string, field: StepField) =>
  `learn.${lesson}.${step}.${field}` as MessageId;
