import { useId, type ReactNode } from 'react';

interface RangeFieldProps {
  /** Visible label, also the slider's accessible name (e.g. "z₁", "Height"). */
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange(value: number): void;
  /** Text shown beside the label (defaults to the value with 2 decimals). */
  readout?: ReactNode;
  /** One line under the slider explaining what it does. */
  hint?: string;
  /** Labels at the two ends of the track. */
  ends?: [string, string];
  disabled?: boolean;
  testId?: string;
}

/** A real `<input type="range">` with a visible label, a live value readout and an optional hint. */
export function RangeField({
  label,
  value,
  min,
  max,
  step,
  onChange,
  readout,
  hint,
  ends,
  disabled,
  testId,
}: RangeFieldProps) {
  const id = useId();
  const shown = Math.min(max, Math.max(min, value));
  return (
    <div className="range-field">
      <div className="range-head">
        <label htmlFor={id}>{label}</label>
        <output htmlFor={id} className="range-value">
          {readout ?? value.toFixed(2)}
        </output>
      </div>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={shown}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        data-testid={testId}
        onChange={(e) => onChange(Number(e.currentTarget.value))}
      />
      {ends && (
        <div className="range-ends" aria-hidden="true">
          <span>{ends[0]}</span>
          <span>{ends[1]}</span>
        </div>
      )}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
