import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { readWebmailDomainStates, type WebmailDomainState, watchWebmailDomains, webmailOrigin } from '../../../background/webmail-domains';
import type { WebmailDomainMessage } from '../../../messaging/protocol';
import { buttonClass, Chip, inputClass } from '../../components';
import { useStrings } from '../../localized';
import { isGrantable, parseDomainInput } from './domain-input';
import { webmailsStrings } from './strings';

/** The sites the manifest grants at install; brand names read the same in French and English. */
const BUILT_IN_SITES = [
  { name: 'LinkedIn', hosts: 'linkedin.com' },
  { name: 'Gmail', hosts: 'mail.google.com' },
  { name: 'Outlook', hosts: 'outlook.office.com · outlook.live.com' },
  { name: 'Yahoo Mail', hosts: 'mail.yahoo.com' },
  { name: 'Proton Mail', hosts: 'mail.proton.me' },
] as const;

/** How long the worker may take to register a domain's script before the page calls it a failure. */
const ENABLE_TIMEOUT_MS = 10_000;

type Notice = { tone: 'error' | 'success'; text: string };

/** The enabled domains as stored, and whether Chrome still grants each; null until read. */
function useWebmailDomains(): WebmailDomainState[] | null {
  const [domains, setDomains] = useState<WebmailDomainState[] | null>(null);
  useEffect(() => {
    let current = true;
    const refresh = () => {
      void readWebmailDomainStates().then((states) => {
        if (current) setDomains(states);
      });
    };
    refresh();
    const stop = watchWebmailDomains(refresh);
    return () => {
      current = false;
      stop();
    };
  }, []);
  return domains;
}

function tellWorker(message: WebmailDomainMessage): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}

/**
 * Options → Webmails: the built-in sites, and the self-hosted webmail domains the rep enables
 * one at a time. The permission is asked for here, from the click (Chrome shows its prompt only
 * for a user gesture); the worker then registers the content script for that domain.
 */
export function WebmailsView() {
  const s = useStrings(webmailsStrings);
  const domains = useWebmailDomains();
  const [input, setInput] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);
  // The domain Chrome granted, until the worker lists it as registered.
  const [pending, setPending] = useState<string | null>(null);
  const inputId = useId();
  const hintId = useId();

  useEffect(() => {
    if (!pending) return;
    if (domains?.some((domain) => domain.hostname === pending && domain.granted)) {
      setPending(null);
      setInput('');
      setNotice({ tone: 'success', text: s.enabled(pending) });
      return;
    }
    const timer = setTimeout(() => {
      setPending(null);
      setNotice({ tone: 'error', text: s.failed(pending) });
    }, ENABLE_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, [pending, domains, s]);

  /** Must run synchronously from the click or key press: nothing may be awaited before `permissions.request`. */
  const requestAndEnable = useCallback(
    (hostname: string) => {
      if (!isGrantable(hostname, browser.runtime.getManifest())) {
        setNotice({ tone: 'error', text: s.notCovered(hostname) });
        return;
      }
      setNotice(null);
      const request = browser.permissions.request({ origins: [webmailOrigin(hostname)] });
      void request
        .then(async (granted) => {
          if (!granted) {
            setNotice({ tone: 'error', text: s.refused(hostname) });
            return;
          }
          setPending(hostname);
          await tellWorker({ type: 'page:webmail-domain', change: 'enable', hostname });
        })
        // Chrome throws for an origin the manifest does not list: the pre-check above missed it.
        .catch(() => setNotice({ tone: 'error', text: s.notCovered(hostname) }));
    },
    [s],
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseDomainInput(input);
    if (!parsed.ok) {
      setNotice({ tone: 'error', text: s.problems[parsed.problem] });
      return;
    }
    if (domains?.some((domain) => domain.hostname === parsed.hostname && domain.granted)) {
      setNotice({ tone: 'success', text: s.alreadyEnabled(parsed.hostname) });
      return;
    }
    requestAndEnable(parsed.hostname);
  };

  const disable = (hostname: string) => {
    setNotice(null);
    void tellWorker({ type: 'page:webmail-domain', change: 'disable', hostname })
      .then(() => setNotice({ tone: 'success', text: s.disabled(hostname) }))
      .catch(() => setNotice({ tone: 'error', text: s.failed(hostname) }));
  };

  return (
    <div className="max-w-2xl space-y-8">
      <section aria-labelledby={`${inputId}-built-in`}>
        <h2 id={`${inputId}-built-in`} className="text-base font-semibold">
          {s.builtInTitle}
        </h2>
        <p className="mt-1 text-slate-600 dark:text-slate-300">{s.builtInIntro}</p>
        <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-700 dark:border-slate-700">
          {BUILT_IN_SITES.map((site) => (
            <li key={site.name} data-testid="builtin-site" className="flex items-center justify-between gap-3 px-3 py-2">
              <span>
                <span className="font-medium">{site.name}</span>{' '}
                <span className="text-xs text-slate-500 dark:text-slate-400">{site.hosts}</span>
              </span>
              <Chip tone="green">{s.alwaysOn}</Chip>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby={`${inputId}-self-hosted`}>
        <h2 id={`${inputId}-self-hosted`} className="text-base font-semibold">
          {s.selfHostedTitle}
        </h2>
        <p className="mt-1 text-slate-600 dark:text-slate-300">{s.selfHostedIntro}</p>
        <p className="mt-2 text-slate-600 dark:text-slate-300">{s.permissionNote}</p>
        <form className="mt-3 flex flex-wrap items-end gap-2" onSubmit={onSubmit} noValidate>
          <div className="min-w-64 flex-1">
            <label htmlFor={inputId} className="mb-1 block font-medium">
              {s.domainLabel}
            </label>
            <input
              id={inputId}
              data-testid="webmail-domain-input"
              className={inputClass}
              value={input}
              onChange={(event) => setInput(event.target.value)}
              placeholder={s.domainPlaceholder}
              aria-describedby={hintId}
              aria-invalid={notice?.tone === 'error' ? true : undefined}
              autoComplete="off"
              spellCheck={false}
              inputMode="url"
            />
          </div>
          <button type="submit" data-testid="webmail-domain-enable" className={buttonClass.primary} disabled={pending !== null}>
            {pending ? s.enabling : s.enable}
          </button>
          <p id={hintId} className="w-full text-xs text-slate-500 dark:text-slate-400">
            {s.domainHint}
          </p>
        </form>
        <div aria-live="polite">
          {notice && (
            <p
              role={notice.tone === 'error' ? 'alert' : 'status'}
              data-testid="webmail-domain-notice"
              data-tone={notice.tone}
              className={`mt-3 rounded-md px-3 py-2 ${
                notice.tone === 'error'
                  ? 'bg-red-50 text-red-800 dark:bg-red-950/60 dark:text-red-200'
                  : 'bg-emerald-50 text-emerald-800 dark:bg-emerald-950/60 dark:text-emerald-200'
              }`}
            >
              {notice.text}
            </p>
          )}
        </div>
      </section>

      <section aria-labelledby={`${inputId}-enabled`}>
        <h2 id={`${inputId}-enabled`} className="text-base font-semibold">
          {s.enabledTitle}
        </h2>
        {domains !== null && domains.length === 0 && <p className="mt-1 text-slate-600 dark:text-slate-300">{s.none}</p>}
        {domains !== null && domains.length > 0 && (
          <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-700 dark:border-slate-700">
            {domains.map((domain) => (
              <li
                key={domain.hostname}
                data-testid="webmail-domain-row"
                data-domain={domain.hostname}
                data-granted={String(domain.granted)}
                className="flex flex-wrap items-center justify-between gap-3 px-3 py-2"
              >
                <span className="flex items-center gap-2">
                  <span className="font-medium">{domain.hostname}</span>
                  {domain.granted ? <Chip tone="green">{s.active}</Chip> : <Chip tone="amber">{s.withdrawn}</Chip>}
                </span>
                <span className="flex gap-2">
                  {!domain.granted && (
                    <button
                      type="button"
                      data-testid="webmail-domain-reauthorize"
                      aria-label={s.reauthorizeDomain(domain.hostname)}
                      className={buttonClass.secondary}
                      onClick={() => requestAndEnable(domain.hostname)}
                    >
                      {s.reauthorize}
                    </button>
                  )}
                  <button
                    type="button"
                    data-testid="webmail-domain-disable"
                    aria-label={s.disableDomain(domain.hostname)}
                    className={buttonClass.secondary}
                    onClick={() => disable(domain.hostname)}
                  >
                    {s.disable}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
