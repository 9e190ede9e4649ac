import { useEffect, useState, type KeyboardEvent } from 'react';
import type { Point2 } from '../../shared/density/types';
import { useT } from '../i18n/I18nProvider';

/** An axis-aligned box, min < max on both axes. */
export interface EditableBox {
  min: Point2;
  max: Point2;
}

interface BoxFieldsProps {
  box: EditableBox;
  /** Axis names as the plane labels them, e.g. ['z₁', 'z₂'] or ['x', 'y']. */
  axes: readonly [string, string];
  /** What one arrow-key press moves a side by (Shift: ten times as far). */
  step: number;
  /** A new box, min < max on both axes (a value that would break that is refused here). */
  onBox(min: Point2, max: Point2): void;
}

type Side = { corner: 'min' | 'max'; axis: 0 | 1 };

/** A number rounded for display: enough digits for the step, no float noise. */
function shown(v: number, step: number): string {
  const digits = Math.min(6, Math.max(0, Math.ceil(-Math.log10(step)) + 1));
  return String(Number(v.toFixed(digits)));
}

/**
 * The box's four sides as number fields, the keyboard's way to drag it: ↑/↓ move a side by `step`
 * (Shift ×10) at once, a typed value is applied on Enter or when the field is left. A side that
 * would pass the opposite one is refused with a message, and the box is kept.
 */
export function BoxFields({ box, axes, step, onBox }: BoxFieldsProps) {
  const t = useT();
  const [problem, setProblem] = useState<string | null>(null);
  const apply = ({ corner, axis }: Side, value: number): boolean => {
    const min: Point2 = [box.min[0], box.min[1]];
    const max: Point2 = [box.max[0], box.max[1]];
    (corner === 'min' ? min : max)[axis] = value;
    if (!Number.isFinite(value) || !(min[axis] < max[axis])) {
      setProblem(t('generate.boxFields.problem', { axis: axes[axis] }));
      return false;
    }
    setProblem(null);
    onBox(min, max);
    return true;
  };
  const field = (side: Side) => (
    <SideField
      label={t(side.corner === 'min' ? 'generate.boxFields.from' : 'generate.boxFields.to', {
        axis: axes[side.axis],
      })}
      value={box[side.corner][side.axis]}
      step={step}
      onValue={(v) => apply(side, v)}
    />
  );
  return (
    <fieldset className="box-fields">
      <legend>{t('generate.boxFields')}</legend>
      {([0, 1] as const).map((axis) => (
        <div className="box-row" key={axis}>
          <span className="box-axis">{axes[axis]}</span>
          {field({ corner: 'min', axis })}
          <span className="box-to">{t('generate.boxFields.between')}</span>
          {field({ corner: 'max', axis })}
        </div>
      ))}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}

interface SideFieldProps {
  /** The field's accessible name, e.g. "z₁ from". */
  label: string;
  value: number;
  step: number;
  /** False when the value was refused (the field then shows `value` again). */
  onValue(v: number): boolean;
}

function SideField({ label, value, step, onValue }: SideFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  useEffect(() => setDraft(null), [value]);
  const commit = () => {
    if (draft === null) return;
    if (draft.trim() !== '' && Number(draft) !== value) onValue(Number(draft));
    setDraft(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') commit();
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    const by = (e.key === 'ArrowUp' ? 1 : -1) * step * (e.shiftKey ? 10 : 1);
    setDraft(null);
    onValue(value + by);
  };
  return (
    <input
      aria-label={label}
      type="text"
      inputMode="decimal"
      value={draft ?? shown(value, step)}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onBlur={commit}
      onKeyDown={onKeyDown}
    />
  );
}
