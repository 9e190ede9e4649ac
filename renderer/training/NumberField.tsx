import { useId } from 'react';

interface NumberFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  /** Validation message, shown when `showError`. */
  error?: string;
  showError: boolean;
  hint?: string;
  min: number;
  max: number;
  step: number | 'any';
  disabled?: boolean;
}

/** A labelled number input whose validation message sits right under it (and is announced). */
export function NumberField({
  label,
  value,
  onChange,
  error,
  showError,
  hint,
  min,
  max,
  step,
  disabled,
}: NumberFieldProps) {
  const id = useId();
  const invalid = showError && Boolean(error);
  return (
    <div className="form-field" data-invalid={invalid}>
      <label htmlFor={id} title={hint}>
        {label}
      </label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        value={value}
        min={min}
        max={max}
        step={step}
        disabled={disabled}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
      {invalid && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
