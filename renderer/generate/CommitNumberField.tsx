import { useEffect, useId, useState } from 'react';

interface CommitNumberFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  /** Called on Enter or when the field loses focus; the owner may refuse (the field then shows `value` again). */
  onCommit(value: number): void;
  disabled?: boolean;
  hint?: string;
}

/**
 * A labelled number input that edits a draft and commits it on Enter or blur, so that typing
 * "0.5" does not try "0" first. A refused value snaps back to the current one.
 */
export function CommitNumberField({
  label,
  value,
  min,
  max,
  step,
  onCommit,
  disabled,
  hint,
}: CommitNumberFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(String(value));
  useEffect(() => setDraft(String(value)), [value]);
  const commit = () => {
    if (draft.trim() === '' || Number(draft) === value) {
      setDraft(String(value));
      return;
    }
    onCommit(Number(draft));
    // If the owner refuses, `value` does not change: show it again.
    setDraft(String(value));
  };
  return (
    <div className="gen-number">
      <label htmlFor={id} title={hint}>
        {label}
      </label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        value={draft}
        min={min}
        max={max}
        step={step}
        disabled={disabled}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </div>
  );
}
