interface ToyChoiceProps<T extends string> {
  /** The group's accessible name, also shown before the options. */
  label: string;
  /** Radio name, unique on the page. */
  name: string;
  options: readonly { id: T; label: string }[];
  value: T | null;
  onChange(value: T): void;
}

/** A row of radio buttons styled as a segmented control. */
export function ToyChoice<T extends string>({ label, name, options, value, onChange }: ToyChoiceProps<T>) {
  return (
    <div className="segmented toy-choice" role="radiogroup" aria-label={label}>
      <span className="segmented-label">{label}</span>
      {options.map((o) => (
        <label key={o.id} className="segment" data-checked={value === o.id}>
          <input
            type="radio"
            name={name}
            value={o.id}
            checked={value === o.id}
            onChange={() => onChange(o.id)}
          />
          {o.label}
        </label>
      ))}
    </div>
  );
}
