import type { Stage } from '../../process';
import { Section } from '../components';
import { useI18n } from '../i18n-context';
import { usePlaybook } from '../use-settings';

export function StageGuidance({ stage }: { stage: Stage }) {
  const { t, lang } = useI18n();
  const definition = usePlaybook()(stage);
  return (
    <Section title={`${t.goal} — ${definition.title[lang]}`}>
      <p className="font-medium">{definition.goal[lang]}</p>
      <details className="mt-1">
        <summary className="cursor-pointer text-indigo-700 dark:text-indigo-300">{t.whatToDo}</summary>
        <ul className="mt-1 ml-4 list-disc space-y-0.5 text-slate-700 dark:text-slate-200">
          {definition.guidance.map((line) => (
            <li key={line.en}>{line[lang]}</li>
          ))}
        </ul>
        <p className="mt-1 text-slate-600 dark:text-slate-300">
          <span className="font-medium">{t.goodLooksLike} </span>
          {definition.goodLooksLike[lang]}
        </p>
      </details>
    </Section>
  );
}
