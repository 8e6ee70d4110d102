import { useLiveQuery } from 'dexie-react-hooks';
import { Building2 } from 'lucide-react';
import { db } from '../../db/instance';
import { normalizeCompany } from '../../matching/keys';
import type { PageContact } from '../../model/page-contact';
import { getStage } from '../../process';
import { requestPanelFocus } from '../../storage/panel-focus';
import { Chip, Section } from '../components';
import { useI18n } from '../i18n-context';

const MAX_LISTED = 50;

/** A company page: the firm, and which prospects of the file work there (indexed by company key). */
export function CompanyView({ contact }: { contact: PageContact }) {
  const { t, lang } = useI18n();
  const company = contact.company ?? '';
  const people = useLiveQuery(
    () => db.prospects.where('companyKey').equals(normalizeCompany(company)).limit(MAX_LISTED).toArray(),
    [company],
  );

  return (
    <div>
      <div className="flex items-start gap-3 px-4 pb-3">
        <div aria-hidden="true" className="flex h-11 w-11 shrink-0 items-center justify-center rounded-lg bg-slate-200 dark:bg-slate-700">
          <Building2 className="h-5 w-5" />
        </div>
        <div className="min-w-0 flex-1">
          <h1 data-testid="company-name" className="break-words text-base font-semibold">
            {company}
          </h1>
          {contact.companySize && (
            <p className="text-slate-600 dark:text-slate-300">
              {t.companySize} {contact.companySize}
            </p>
          )}
          {contact.website && (
            <a className="text-indigo-700 underline dark:text-indigo-300" href={contact.website} target="_blank" rel="noreferrer noopener">
              {t.companySite}
            </a>
          )}
          <div className="mt-1">
            <Chip>{t.recognizedOn(t.sites[contact.site])}</Chip>
          </div>
        </div>
      </div>
      {people && (
        <Section title={t.companyProspects(company, people.length)}>
          {people.length === 0 ? (
            <p className="text-slate-600 dark:text-slate-300">{t.companyNone(company)}</p>
          ) : (
            <ul className="space-y-1">
              {people.map((prospect) => (
                <li key={prospect.id}>
                  <button
                    type="button"
                    data-testid="company-prospect"
                    data-prospect-name={prospect.fullName}
                    className="flex w-full items-center justify-between gap-2 rounded-md px-2 py-1.5 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
                    onClick={() => void requestPanelFocus(prospect.id)}
                  >
                    <span className="min-w-0">
                      <span className="block truncate font-medium">{prospect.fullName}</span>
                      {prospect.jobTitle && (
                        <span className="block truncate text-xs text-slate-500 dark:text-slate-400">{prospect.jobTitle}</span>
                      )}
                    </span>
                    <Chip tone="indigo">{getStage(prospect.stage).title[lang]}</Chip>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </Section>
      )}
    </div>
  );
}
