import { useEffect, useState } from 'react';
import { useStrings } from '../localized';
import { ToastProvider } from '../toast';
import { optionsStrings } from './strings';
import { VIEW_KEYS, type ViewRegistry, viewFromHash } from './views';

/** The full-tab page that owns the data: one section per hash route (`#/data`, `#/prospects`…). */
export function OptionsApp({ views }: { views: ViewRegistry }) {
  const s = useStrings(optionsStrings);
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const onHash = () => setHash(location.hash);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.title = s.title;
  }, [s.title]);

  const current = viewFromHash(hash);
  const View = current ? views[current] : undefined;
  const available = VIEW_KEYS.filter((key) => views[key]);

  return (
    <ToastProvider>
      <div className="mx-auto flex min-h-screen max-w-6xl text-sm">
        <nav aria-label={s.nav} className="w-56 shrink-0 border-r border-slate-200 p-4 dark:border-slate-700">
          <p className="mb-4 text-lg font-bold text-indigo-700 dark:text-indigo-300">Relance</p>
          <ul className="space-y-1">
            {available.map((key) => (
              <li key={key}>
                <a
                  href={`#/${key}`}
                  aria-current={key === current ? 'page' : undefined}
                  className={`block rounded-md px-2 py-1.5 ${
                    key === current
                      ? 'bg-indigo-600 font-medium text-white'
                      : 'text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800'
                  }`}
                >
                  {s.views[key]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main className="min-w-0 flex-1 p-6">
          {current && View ? (
            <>
              <h1 className="mb-4 text-xl font-semibold">{s.views[current]}</h1>
              <View />
            </>
          ) : (
            <p>{s.notFound}</p>
          )}
        </main>
      </div>
    </ToastProvider>
  );
}
