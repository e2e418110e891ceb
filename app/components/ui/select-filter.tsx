/** A labelled select for a filter form, whose empty first option means "any". */
export function SelectFilter({
  id,
  name,
  label,
  value,
  anyLabel,
  options,
  compact = false,
}: {
  id: string;
  name: string;
  label: string;
  value?: string;
  anyLabel: string;
  options: [string, string][];
  compact?: boolean;
}) {
  return (
    <div>
      <label htmlFor={id} className={compact ? "block text-sm font-semibold" : "mb-1 block font-semibold"}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className="input">
        <option value="">{anyLabel}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
