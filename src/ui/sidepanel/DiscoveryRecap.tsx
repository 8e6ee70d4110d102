import type { Prospect } from '../../model';
import { checklistKey, stageCompletion } from '../../process';
import { Section } from '../components';
import { useI18n } from '../i18n-context';
import { usePlaybook } from '../use-settings';

/** From `proposal` on, what discovery taught: the argument leans on these notes. */
export function DiscoveryRecap({ prospect }: { prospect: Prospect }) {
  const { t, lang } = useI18n();
  const playbook = usePlaybook();
  const discovery = playbook('discovery');
  const completion = stageCompletion('discovery', prospect.checklist, playbook);
  const notes = discovery.checklist
    .map((item) => ({ item, entry: prospect.checklist[checklistKey('discovery', item.key)] }))
    .filter(({ entry }) => entry?.note);
  return (
    <Section
      title={t.discoveryRecap}
      aside={
        <span className={`text-xs ${completion.ratio < 0.6 ? 'text-amber-700 dark:text-amber-300' : 'text-slate-500 dark:text-slate-400'}`}>
          {t.discoveryCompletion(Math.round(completion.ratio * 100))}
        </span>
      }
    >
      {notes.length === 0 ? (
        <p className="text-slate-500 dark:text-slate-400">—</p>
      ) : (
        <dl className="space-y-1" data-testid="discovery-recap">
          {notes.map(({ item, entry }) => (
            <div key={item.key}>
              <dt className="text-xs font-medium text-slate-500 dark:text-slate-400">{item.label[lang]}</dt>
              <dd>{entry?.note}</dd>
            </div>
          ))}
        </dl>
      )}
    </Section>
  );
}
