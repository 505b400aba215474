import type { CategoryDto } from '../../../../../shared/domain';
import { useT } from '../../../i18n/i18n-store';
import { UserText } from '../../../i18n/Msg';

/** An agent's skills: one checkbox per product category. Main checks the choice. */
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
  const t = useT();
  // A desk without categories routes by nothing: no control to explain.
  if (categories.length === 0) return null;
  return (
    <fieldset className="field skills-field" aria-invalid={error ? true : undefined}>
      <legend className="field-label">
        {t('skills.pickerLegend')} <span className="field-optional">{t('common.optional')}</span>
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
            <UserText>{k.name}</UserText>
          </label>
        ))}
      </div>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
