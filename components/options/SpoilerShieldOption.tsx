import { t } from '@/lib/i18n/t';
import { SPOILER_LEVELS, spoilerShield, type SpoilerLevel } from '@/lib/settings';
import { useStoredValue } from '../shared/use-stored-value';

function describe(level: SpoilerLevel): { label: string; help: string } {
  switch (level) {
    case 'off':
      return { label: t('options_spoiler_off'), help: t('options_spoiler_off_help') };
    case 'outcomes':
      return { label: t('options_spoiler_outcomes'), help: t('options_spoiler_outcomes_help') };
    case 'source-only':
      return { label: t('options_spoiler_source_only'), help: t('options_spoiler_source_only_help') };
  }
}

/** How much of what happened to real people the panel keeps hidden until the viewer asks. */
export function SpoilerShieldOption() {
  const level = useStoredValue(spoilerShield);
  return (
    <section className="option" data-section="spoiler-shield" aria-labelledby="spoiler-heading">
      <h2 id="spoiler-heading">{t('options_spoiler_heading')}</h2>
      <fieldset className="choices" aria-describedby="spoiler-help">
        <legend>{t('options_spoiler_legend')}</legend>
        <p className="muted" id="spoiler-help">
          {t('options_spoiler_help')}
        </p>
        {SPOILER_LEVELS.map((choice) => {
          const { label, help } = describe(choice);
          return (
            <label key={choice} className="setting choice">
              <input
                type="radio"
                name="spoiler-shield"
                value={choice}
                data-spoiler-level={choice}
                aria-describedby={`spoiler-${choice}-help`}
                checked={level === choice}
                disabled={level === undefined}
                onChange={() => void spoilerShield.setValue(choice)}
              />
              <span>
                {label}
                <span className="muted small help" id={`spoiler-${choice}-help`}>
                  {help}
                </span>
              </span>
            </label>
          );
        })}
      </fieldset>
    </section>
  );
}
