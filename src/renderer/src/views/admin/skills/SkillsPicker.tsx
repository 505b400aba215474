import type { CategoryDto } from '../../../../../shared/domain';

/**
 * An agent's skills: one checkbox per product category. Main checks the choice; with no
 * categories yet, it says where to add them.
 */
export function SkillsPicker({
  categories,
  value,
  error,
  onChange,
}: {
  categories: readonly CategoryDto[];
  value: readonly number[];
  error?: string;
  onChange(skills: number[]): void;
}) {
  if (categories.length === 0) {
    return (
      <p className="field-hint skills-none">
        Skills: none yet. Add product categories under Skills to route cases by them.
      </p>
    );
  }
  return (
    <fieldset className="field skills-field" aria-invalid={error ? true : undefined}>
      <legend className="field-label">
        Skills <span className="field-optional">(optional)</span>
      </legend>
      <div className="skills-options">
        {categories.map((k) => (
          <label key={k.id} className="checkbox">
            <input
              type="checkbox"
              checked={value.includes(k.id)}
              onChange={(event) =>
                onChange(event.target.checked ? [...value, k.id] : value.filter((id) => id !== k.id))
              }
            />
            {k.name}
          </label>
        ))}
      </div>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
