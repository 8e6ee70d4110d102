import {
  type CountryCode,
  isSupportedCountry,
  Metadata,
  type NumberingPlan,
  parsePhoneNumberFromString,
  searchPhoneNumbersInText,
} from 'libphonenumber-js/min';
import { emailKey, isEmail } from '../matching/keys';
import { canonicalLinkedinUrl } from '../matching/linkedin-url';
import type { PageContact } from '../model/page-contact';

/*
 * Reads a lead out of a selected email signature or pasted block. Pure: no DOM, no browser API.
 * Chromium hands the selection over with its line breaks collapsed to spaces, so everything here
 * must also work on the same text flattened to one line: contact data (emails, phones, links) is
 * found by pattern, and the words left over are split into name / title / company with small
 * vocabularies rather than by trusting line breaks alone.
 */

export type LeadField = 'fullName' | 'jobTitle' | 'company' | 'emails' | 'phones' | 'website' | 'linkedinUrl';

/** 'data': written as such (an address, a number, a link); 'markup': read from the block's layout; 'guess': inferred. */
export type LeadConfidence = 'data' | 'markup' | 'guess';

export interface ParsedLead {
  fullName?: string;
  jobTitle?: string;
  company?: string;
  /** Distinct case-insensitively, first spelling kept; the signer's own addresses before shared ones (contact@…). */
  emails: string[];
  /** E.164 ('+33612345678'), distinct; fax numbers left out. */
  phones: string[];
  /** With a scheme, e.g. 'https://www.acme.fr'; never a social network. */
  website?: string;
  /** Canonical profile URL (see canonicalLinkedinUrl). */
  linkedinUrl?: string;
  confidence: Partial<Record<LeadField, LeadConfidence>>;
}

export interface SignatureOptions {
  /** Country of numbers written without an international prefix. Defaults to FR. */
  defaultCountry?: CountryCode;
}

// A signature sits in the first few KB; reading more only costs time on hostile or huge selections.
const SCAN_LIMIT = 4096;
// Stands in for everything already read (links, addresses, numbers, postal addresses) so that the
// words around it split there. A private-use character, removed from the input by normalise().
const BOUNDARY = '\uE000';
const MAX_NAME = 120;
const MAX_TITLE = 150;
const MAX_COMPANY = 120;

export function parseSignature(text: string, options: SignatureOptions = {}): ParsedLead {
  try {
    return parse(typeof text === 'string' ? text : '', countryOf(options));
  } catch {
    // Last resort: a selection is arbitrary page text and capture must never break on it.
    return { emails: [], phones: [], confidence: {} };
  }
}

/** The lead as a page contact for capture, or null when it names nobody (no name, email or LinkedIn URL). */
export function leadToPageContact(lead: ParsedLead): PageContact | null {
  const email = lead.emails[0];
  if (!lead.fullName && !email && !lead.linkedinUrl) return null;
  const confidence: Record<string, LeadConfidence> = {};
  const contact: PageContact = { site: 'webmail', kind: 'person' };
  if (lead.fullName) {
    contact.fullName = lead.fullName;
    if (lead.confidence.fullName) confidence.fullName = lead.confidence.fullName;
  }
  if (email) {
    contact.email = email;
    if (lead.confidence.emails) confidence.email = lead.confidence.emails;
  }
  if (lead.jobTitle) {
    contact.jobTitle = lead.jobTitle;
    if (lead.confidence.jobTitle) confidence.jobTitle = lead.confidence.jobTitle;
  }
  if (lead.company) {
    contact.company = lead.company;
    if (lead.confidence.company) confidence.company = lead.confidence.company;
  }
  if (lead.linkedinUrl) {
    contact.linkedinUrl = lead.linkedinUrl;
    if (lead.confidence.linkedinUrl) confidence.linkedinUrl = lead.confidence.linkedinUrl;
  }
  if (Object.keys(confidence).length > 0) contact.confidence = confidence;
  return contact;
}

function countryOf(options: SignatureOptions | undefined): CountryCode {
  const wanted = options?.defaultCountry;
  return typeof wanted === 'string' && isSupportedCountry(wanted) ? wanted : 'FR';
}

// ---------------------------------------------------------------------------------------------
// The pipeline

interface Found {
  value: string;
  at: number;
}

function parse(input: string, country: CountryCode): ParsedLead {
  const normalised = normalise(headOf(input));
  let region = normalised.slice(0, quoteStart(normalised));
  region = region.slice(0, disclaimerStart(region));

  const scan = new Scan(region);
  maskNoise(scan);
  const signatureStart = signOffEnd(region);

  const links = readLinks(scan);
  const emails = readEmails(scan);
  links.websites.push(...readBareDomains(scan));
  const phones = readPhones(scan, country);
  maskAddresses(scan);
  maskLabels(scan);

  const lead: ParsedLead = { emails: [], phones: [], confidence: {} };
  lead.emails = distinctEmails(emails, signatureStart);
  if (lead.emails.length > 0) lead.confidence.emails = 'data';
  lead.phones = distinct(bySignatureFirst(phones, signatureStart).map((phone) => phone.value));
  if (lead.phones.length > 0) lead.confidence.phones = 'data';
  const website = bySignatureFirst(links.websites, signatureStart)[0]?.value;
  if (website) {
    lead.website = website;
    lead.confidence.website = 'data';
  }
  const linkedinUrl = bySignatureFirst(links.linkedin, signatureStart)[0]?.value;
  if (linkedinUrl) {
    lead.linkedinUrl = linkedinUrl;
    lead.confidence.linkedinUrl = 'data';
  }

  const clues = cluesOf(lead);
  const layout = readLayout(scan.text.slice(signatureStart), region.slice(signatureStart), clues);
  if (layout.fullName) {
    lead.fullName = layout.fullName;
    lead.confidence.fullName = 'markup';
  }
  if (layout.jobTitle) {
    lead.jobTitle = layout.jobTitle;
    lead.confidence.jobTitle = 'markup';
  }
  if (layout.company) {
    lead.company = layout.company;
    lead.confidence.company = 'markup';
  } else if (clues.companyGuess) {
    lead.company = clues.companyGuess;
    lead.confidence.company = 'guess';
  }
  return lead;
}

/** The first SCAN_LIMIT characters, cut at a space so that an address or a number is not split in two. */
function headOf(text: string): string {
  if (text.length <= SCAN_LIMIT) return text;
  const head = text.slice(0, SCAN_LIMIT);
  const lastSpace = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\n'));
  return lastSpace > SCAN_LIMIT - 256 ? head.slice(0, lastSpace) : head;
}

function normalise(text: string): string {
  return (
    text
      .replace(/\r\n?|[\u2028\u2029\v\f]/g, '\n')
      .replace(/[\u00a0\u2007\u202f\t]/g, ' ')
      // Soft hyphens and zero-width characters hide inside copied addresses and numbers.
      .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is being removed
      .replace(/[\u0000-\u0008\u000e-\u001f\u007f\uE000]/g, ' ')
  );
}

/** The text with already-read spans blanked out, offsets unchanged. */
class Scan {
  text: string;
  constructor(text: string) {
    this.text = text;
  }
  mask(start: number, end: number): void {
    if (end <= start) return;
    this.text = this.text.slice(0, start) + BOUNDARY + ' '.repeat(end - start - 1) + this.text.slice(end);
  }
}

function bySignatureFirst<T extends Found>(items: T[], signatureStart: number): T[] {
  return [...items].sort((a, b) => Number(a.at < signatureStart) - Number(b.at < signatureStart) || a.at - b.at);
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}

// ---------------------------------------------------------------------------------------------
// Where the signature ends: quoted replies, disclaimers

interface QuoteHeader {
  /** What marks the header: "a écrit :", "Envoyé :", "-----Original Message-----". */
  anchor: RegExp;
  /** Where the header begins, searched backwards from the anchor ("Le lun. 3 mars…", "De :"). */
  opener?: RegExp;
  /** The anchor alone proves nothing ("Date :"), only with its opener. */
  openerRequired?: boolean;
}

const QUOTE_HEADERS: QuoteHeader[] = [
  {
    anchor: /(?<![\p{L}])a\s+écrit\s*:/giu,
    opener: /(?<![\p{L}])Le\s+(?:lun|mar|mer|jeu|ven|sam|dim|\d)/gu,
  },
  {
    anchor: /(?<![\p{L}])wrote\s*:/giu,
    opener: /(?<![\p{L}])On\s+(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d)/gu,
  },
  { anchor: /(?<![\p{L}])schrieb\s*:/giu, opener: /(?<![\p{L}])Am\s+(?:\d|Mo|Di|Mi|Do|Fr|Sa|So)/gu },
  {
    anchor: /(?<![\p{L}])(?:Envoyé|Sent|Date|Gesendet)\s*:/gu,
    opener: /(?<![\p{L}])(?:De|From|Von)\s*:/gu,
    openerRequired: true,
  },
  {
    anchor:
      /-{2,}\s*(?:Original Message|Message d['’]origine|Message original|Forwarded message|Message transféré|Courriel original)\s*-{2,}/giu,
  },
  { anchor: /(?:Begin forwarded message|Début du message (?:réexpédié|transféré))\s*:/giu },
  { anchor: /^[ \t]*>/gm },
];

// How far before its anchor a header may begin: a date and a name with an address fit in it.
const HEADER_REACH = 300;

/** Offset of the first quoted-reply header, or the text's length when there is none. */
function quoteStart(text: string): number {
  let earliest = text.length;
  for (const header of QUOTE_HEADERS) {
    for (const match of text.matchAll(header.anchor)) {
      if (match.index >= earliest) break;
      const start = headerStart(text, match.index, header);
      if (start === null) continue;
      earliest = Math.min(earliest, start);
      break;
    }
  }
  return earliest;
}

function headerStart(text: string, anchorAt: number, header: QuoteHeader): number | null {
  if (!header.opener) return anchorAt;
  const from = Math.max(0, anchorAt - HEADER_REACH);
  let opener = -1;
  for (const match of text.slice(from, anchorAt).matchAll(header.opener)) opener = from + match.index;
  if (opener !== -1) return opener;
  if (header.openerRequired) return null;
  // An attribution in a language we do not know: its line, when there are lines; on one
  // flattened line that would be the whole selection.
  const newline = text.lastIndexOf('\n', anchorAt);
  return newline !== -1 && anchorAt - newline <= 200 ? newline + 1 : anchorAt;
}

const DISCLAIMER =
  /(?<![\p{L}])(?:(?:Ce|Cet)\s+(?:message|courriel|e-?mail|mail)\b[\s\S]{0,80}?(?:confidenti|pi[eè]ces?\s+jointes?|destin[ée]e?s?\s+(?:uniquement|exclusivement))|Les\s+informations\s+contenues\s+dans\s+ce|Si\s+vous\s+(?:n['’]êtes\s+pas\s+(?:le|la|les)\s+destinataire|avez\s+reçu\s+ce\s+(?:message|courriel|e-?mail)\s+par\s+erreur)|This\s+(?:e-?mail|message|communication)\b[\s\S]{0,80}?(?:confidential|intended\s+(?:solely|only)|privileged)|The\s+information\s+(?:contained\s+)?in\s+this\s+(?:e-?mail|message)|If\s+you\s+(?:are\s+not\s+the\s+intended|have\s+received\s+this\s+(?:e-?mail|message)\s+in\s+error)|CONFIDENTIALITY\s+NOTICE|Confidentiality\s+notice|DISCLAIMER|Disclaimer\s*:|AVERTISSEMENT|Avis\s+de\s+confidentialit[ée]|AVIS\s+DE\s+CONFIDENTIALIT[ÉE])/u;

/** Offset where a legal disclaimer starts; everything after it is boilerplate. */
function disclaimerStart(text: string): number {
  const match = DISCLAIMER.exec(text);
  return match ? match.index : text.length;
}

// Client boilerplate that would otherwise read as a company or a title.
const NOISE =
  /(?:(?:Envoy[ée]\s+(?:de|depuis|à\s+partir\s+de)|Sent\s+from)\s+(?:(?:mon|ma|my|un|une|l['’]application)\s+)?(?:iPhone|iPad|Android|mobile|smartphone|t[ée]l[ée]phone|Samsung(?:\s+Galaxy)?|Galaxy|BlackBerry|appareil|device|Outlook(?:\s+(?:pour|for)\s+(?:iOS|Android))?|Mail\s+(?:pour|for)\s+Windows(?:\s+1[01])?|Yahoo\s+Mail|Gmail|Proton\s*Mail)|(?:Get|Obtenir|Télécharger)\s+Outlook\s+(?:for|pour)\s+(?:iOS|Android)|Pensez\s+à\s+l['’]environnement(?:\s+avant\s+d['’]imprimer(?:\s+(?:ce|cet)\s+(?:e-?mail|mail|message|courriel))?)?\s*[.!]?|(?:Please\s+)?consider\s+the\s+environment(?:\s+before\s+printing(?:\s+this\s+(?:e-?mail|message))?)?\s*[.!]?|N['’]imprimez\s+(?:ce|cet)\s+(?:e-?mail|mail|message|courriel)\s+que\s+si\s+n[ée]cessaire\s*[.!]?)/giu;

function maskNoise(scan: Scan): void {
  for (const match of scan.text.matchAll(NOISE)) scan.mask(match.index, match.index + match[0].length);
}

// ---------------------------------------------------------------------------------------------
// Where the signature starts: after the last sign-off

// Longest first so that "Bien cordialement" wins over "cordialement" at the same place.
const SIGN_OFFS = [
  'mit freundlichen grüßen',
  'met vriendelijke groet',
  'salutations distinguées',
  'meilleures salutations',
  'sincères salutations',
  'bonne fin de journée',
  'thanks in advance',
  'très cordialement',
  'bien cordialement',
  'excellente journée',
  'merci par avance',
  'yours sincerely',
  'warmest regards',
  'merci d’avance',
  "merci d'avance",
  'merci beaucoup',
  'all the best',
  'best regards',
  'kind regards',
  'warm regards',
  'cordialement',
  'bonne journée',
  'belle journée',
  'bonne soirée',
  'best wishes',
  'bien à vous',
  'bien a vous',
  'many thanks',
  'salutations',
  'viele grüße',
  'à très vite',
  'thank you',
  'à bientôt',
  'a bientot',
  'sincerely',
  'regards',
  'amitiés',
  'thanks',
  'cheers',
  'merci',
  'best',
];
// Too common as ordinary words to end a body unless punctuated or alone on their line.
const WEAK_SIGN_OFFS = new Set(['best']);

const SIGN_OFF = new RegExp(`(?<![\\p{L}])(?:${SIGN_OFFS.map(escapeRegExp).join('|')}|--)(?![\\p{L}])`, 'giu');

/** Offset just after the last sign-off ("Cordialement,", "Best regards", "--"), or 0 when there is none. */
function signOffEnd(text: string): number {
  let end = 0;
  for (const match of text.matchAll(SIGN_OFF)) {
    const phrase = match[0].toLowerCase();
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 4);
    const lineStart = text.lastIndexOf('\n', match.index) + 1;
    const startsLine = /^[\s>*_-]*$/.test(text.slice(lineStart, match.index));
    if (phrase === '--') {
      if (!/^[ \t]*(?:\n|$)/.test(after) && !/^ \p{Lu}/u.test(after)) continue;
    } else {
      const punctuated = /^[ \t]*[,.!…]/.test(after);
      const endsLine = /^[ \t]*[,.!…]*[ \t]*(?:\n|$)/.test(after);
      const beforeName = /^\s+\p{Lu}/u.test(after);
      if (WEAK_SIGN_OFFS.has(phrase) ? !(punctuated || (endsLine && startsLine)) : !(punctuated || endsLine || beforeName)) continue;
    }
    const punctuation = /^[ \t]*[,.!…]*/.exec(text.slice(match.index + match[0].length))?.[0] ?? '';
    end = match.index + match[0].length + punctuation.length;
  }
  return end;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------------------------------------
// Links

const URL_IN_TEXT = /(?<![\p{L}\p{N}@.\-/])(?:https?:\/\/|www\.)[^\s<>"'`|\uE000]+/giu;
const BARE_LINKEDIN = /(?<![\p{L}\p{N}@.\-/])(?:[a-z]{2,3}\.)?linkedin\.com\/in\/[^\s<>"'`|,;\uE000]+/giu;
// Only hosts whose page is not the person's company site.
const SOCIAL_HOSTS =
  /(?:^|\.)(?:linkedin\.com|lnkd\.in|twitter\.com|x\.com|facebook\.com|fb\.com|fb\.me|instagram\.com|youtube\.com|youtu\.be|tiktok\.com|pinterest\.com|calendly\.com|zoom\.us|teams\.microsoft\.com|teams\.live\.com|aka\.ms|wa\.me|t\.me|whatsapp\.com|meet\.google\.com|maps\.google\.[a-z.]+|goo\.gl|maps\.app\.goo\.gl)$/i;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}>»"'’]+$/u;

interface Links {
  websites: Found[];
  linkedin: Found[];
}

function readLinks(scan: Scan): Links {
  const links: Links = { websites: [], linkedin: [] };
  for (const pattern of [URL_IN_TEXT, BARE_LINKEDIN]) {
    for (const match of scan.text.matchAll(pattern)) {
      const raw = match[0].replace(TRAILING_PUNCTUATION, '');
      if (raw.length === 0) continue;
      scan.mask(match.index, match.index + raw.length);
      const linkedin = canonicalLinkedinUrl(raw);
      if (linkedin) {
        if (linkedin.length <= 400) links.linkedin.push({ value: linkedin, at: match.index });
        continue;
      }
      const website = websiteOf(raw);
      if (website) links.websites.push({ value: website, at: match.index });
    }
  }
  return links;
}

/** A company site as a URL with a scheme, or null for social networks and what is not a web address. */
function websiteOf(raw: string): string | null {
  const withScheme = /^https?:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password || !/\.[a-z]{2,}$/i.test(url.hostname) || SOCIAL_HOSTS.test(url.hostname)) return null;
  if (withScheme.length > 300) return null;
  return url.pathname === '/' && !url.search && !url.hash ? withScheme.replace(/\/$/, '') : withScheme;
}

// Written without a scheme, a domain is a website only with a common TLD, so that "Dupont.J" or
// "rapport.pdf" stay text.
const BARE_DOMAIN =
  /(?<![\p{L}\p{N}@.\-/_])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,4}(?:fr|com|net|org|io|co|eu|de|be|ch|uk|es|it|nl|lu|ca|us|ai|app|dev|tech|biz|info|pro|tv|fm|agency|consulting|paris|bzh|immo|digital|cloud|store|shop|online|group|studio|design|law|legal|finance|partners|solutions|systems|services)(?:\/[^\s<>"'`|\uE000]*)?(?![\p{L}\p{N}@\-_]|\.[\p{L}\p{N}])/giu;

function readBareDomains(scan: Scan): Found[] {
  const found: Found[] = [];
  for (const match of scan.text.matchAll(BARE_DOMAIN)) {
    const raw = match[0].replace(TRAILING_PUNCTUATION, '');
    scan.mask(match.index, match.index + raw.length);
    const website = websiteOf(raw);
    if (website) found.push({ value: website, at: match.index });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Emails

const LOCAL_CHAR = /[\p{L}\p{N}._%+'-]/u;
const DOMAIN_CHAR = /[\p{L}\p{N}.-]/u;
const MAX_EMAILS = 50;
// "prenom.nom [at] societe [dot] fr": only bracketed forms and "arobase", so "Head of Sales at Acme.fr" stays a title.
const OBFUSCATED_EMAIL =
  /(?<![\p{L}\p{N}._%+-])([\p{L}\p{N}](?:[\p{L}\p{N}._%+-]|\s*(?:\[\s*(?:dot|point|\.)\s*\]|\(\s*(?:dot|point|\.)\s*\))\s*){0,63})\s*(?:\[\s*(?:at|@|arobase)\s*\]|\(\s*(?:at|@|arobase)\s*\)|\{\s*(?:at|@)\s*\}|\s+arobase\s+)\s*((?:[\p{L}\p{N}-]{1,63}\s*(?:\.|\[\s*(?:dot|point|\.)\s*\]|\(\s*(?:dot|point|\.)\s*\))\s*){1,5}[A-Za-z]{2,24})(?![\p{L}\p{N}])/giu;
const OBFUSCATED_DOT = /\s*(?:\[\s*(?:dot|point|\.)\s*\]|\(\s*(?:dot|point|\.)\s*\))\s*/giu;

function readEmails(scan: Scan): Found[] {
  const found: Found[] = [];
  const text = scan.text;
  for (let at = text.indexOf('@'); at !== -1 && found.length < MAX_EMAILS; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < 64 && LOCAL_CHAR.test(text[start - 1] ?? '')) start--;
    let end = at + 1;
    while (end < text.length && end - at <= 253 && DOMAIN_CHAR.test(text[end] ?? '')) end++;
    while (start < at && /[.'-]/.test(text[start] ?? '')) start++;
    while (end > at + 1 && /[.-]/.test(text[end - 1] ?? '')) end--;
    const email = addressOf(text.slice(start, at), text.slice(at + 1, end));
    if (!email) continue;
    found.push({ value: email, at: start });
    scan.mask(start, end);
  }
  for (const match of scan.text.matchAll(OBFUSCATED_EMAIL)) {
    if (found.length >= MAX_EMAILS) break;
    const local = (match[1] ?? '').replace(OBFUSCATED_DOT, '.').replace(/\s+/g, '');
    const domain = (match[2] ?? '').replace(OBFUSCATED_DOT, '.').replace(/\s+/g, '');
    const email = addressOf(local, domain);
    if (!email) continue;
    found.push({ value: email, at: match.index });
    scan.mask(match.index, match.index + match[0].length);
  }
  return found;
}

function addressOf(local: string, domain: string): string | null {
  if (local.length === 0 || local.length > 64 || local.endsWith('.') || local.includes('..')) return null;
  const labels = domain.split('.');
  if (labels.length < 2) return null;
  const tld = labels[labels.length - 1] ?? '';
  if (!/^\p{L}{2,24}$/u.test(tld)) return null;
  if (!labels.every((label) => /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u.test(label))) return null;
  const email = `${local}@${domain}`;
  return isEmail(email) ? email : null;
}

// Shared mailboxes: a lead's own address is a better first email than these.
const ROLE_MAILBOXES = new Set([
  'contact',
  'info',
  'infos',
  'information',
  'hello',
  'bonjour',
  'hi',
  'sales',
  'ventes',
  'commercial',
  'support',
  'accueil',
  'admin',
  'office',
  'team',
  'equipe',
  'rh',
  'hr',
  'jobs',
  'recrutement',
  'careers',
  'noreply',
  'no-reply',
  'newsletter',
  'marketing',
  'compta',
  'comptabilite',
  'facturation',
  'billing',
  'invoices',
  'service-client',
  'serviceclient',
  'devis',
  'press',
  'presse',
]);

function isRoleMailbox(email: string): boolean {
  return ROLE_MAILBOXES.has(email.slice(0, email.indexOf('@')).toLowerCase());
}

function distinctEmails(found: Found[], signatureStart: number): string[] {
  const ordered = [...found].sort(
    (a, b) =>
      Number(a.at < signatureStart) - Number(b.at < signatureStart) ||
      Number(isRoleMailbox(a.value)) - Number(isRoleMailbox(b.value)) ||
      a.at - b.at,
  );
  const keys = new Set<string>();
  const emails: string[] = [];
  for (const { value } of ordered) {
    const key = emailKey(value);
    if (!key || keys.has(key)) continue;
    keys.add(key);
    emails.push(value);
  }
  return emails;
}

// ---------------------------------------------------------------------------------------------
// Phones

const E164 = /^\+[1-9]\d{6,14}$/;
// The nearest cue before a number says what it is: a phone label, a fax, or an identifier
// (SIRET, order, invoice…) whose digits happen to look like a phone number.
const NUMBER_CUE =
  /(?<![\p{L}])(?:(n°\s*vert|num[ée]ro\s+vert|t[ée]l(?:[ée]phone)?\s*\/\s*fax)|(siret|siren|rcs|tva|vat|iban|bic|rib|swift|commande|order|r[ée]f[ée]rence|reference|r[ée]f|facture|invoice|dossier|ticket|contrat|contract|devis|quote|capital|ape|naf|isbn|n°|no\.|#)|(fax|t[ée]l[ée]copie)|(t[ée]l[ée]phone|t[ée]l|tel|phone|ph|mob(?:ile)?|portable|port|gsm|cell(?:ulaire|ular)?|ligne\s+directe|direct|ld|standard|std|office|bureau|fixe|whatsapp|[tmpdof](?=\s*[.:])))(?![\p{L}])/giu;
const CUE_WINDOW = 40;
const MAX_PHONE_CANDIDATES = 24;
// libphonenumber's matcher costs tens of milliseconds on 4 KB of digits, so it only sees the
// stretches of digits and separators that could hold a number, each short.
const DIGIT_CLUSTER = /[+(]?\d[\d \t()./–-]{4,}\d\)?/g;
const MAX_CLUSTER = 120;
// Separators that end the stretch of text a cue can speak for.
const CUE_BREAK = /[\n\uE000|•·,;–—]|\s-\s|\s\/\s/g;
const nationalPrefixes = new Map<CountryCode, string | undefined>();

function readPhones(scan: Scan, country: CountryCode): Found[] {
  const found: Found[] = [];
  let previousEnd = -1;
  let seen = 0;
  const spans: [number, number][] = [];
  for (const cluster of scan.text.matchAll(DIGIT_CLUSTER)) {
    // A signature holds a handful of numbers; a page of them is a table, not a lead.
    if (seen >= MAX_PHONE_CANDIDATES) break;
    if (cluster[0].length > MAX_CLUSTER) continue;
    for (const match of searchPhoneNumbersInText(cluster[0], { defaultCountry: country })) {
      if (++seen > MAX_PHONE_CANDIDATES) break;
      const start = cluster.index + match.startsAt;
      const end = cluster.index + match.endsAt;
      const accepted = acceptPhone(scan.text, start, end, match.number.number, country, previousEnd);
      if (!accepted) continue;
      spans.push([accepted.labelStart, end]);
      previousEnd = end;
      if (!accepted.fax) found.push({ value: match.number.number, at: start });
    }
  }
  for (const [start, end] of spans) scan.mask(start, end);
  if (country === 'FR') found.push(...readRunTogetherNumbers(scan, country));
  return found;
}

function acceptPhone(
  text: string,
  start: number,
  end: number,
  e164: string,
  country: CountryCode,
  previousEnd: number,
): { labelStart: number; fax: boolean } | null {
  if (!E164.test(e164)) return null;
  const raw = text.slice(start, end);
  if (!writtenInFull(raw, country)) return null;
  if (/\p{N}/u.test(text[start - 1] ?? '') || /\p{N}/u.test(text[end] ?? '')) return null;
  const before = text.slice(Math.max(0, start - CUE_WINDOW), start);
  // Digits just before: the tail of a longer identifier, unless they close the previous number.
  if (/\p{N}[ .]?$/u.test(before) && start - previousEnd > 2) return null;
  let stretchStart = 0;
  for (const separator of before.matchAll(CUE_BREAK)) stretchStart = separator.index + separator[0].length;
  const stretch = before.slice(stretchStart);
  let cue: RegExpExecArray | undefined;
  for (const match of stretch.matchAll(NUMBER_CUE)) cue = match;
  if (!cue) return { labelStart: start, fax: false };
  if (cue[2]) return null;
  const label = cue[1] ?? cue[3] ?? cue[4];
  const between = stretch.slice(cue.index + cue[0].length);
  const labelStart = label && /^[\s.:\-–()/]*$/.test(between) ? start - stretch.length + cue.index : start;
  return { labelStart, fax: Boolean(cue[3]) };
}

/** "+33 6…", "0033 6…", "06…": in France a number without its trunk 0 ("123 456 789") is a SIREN, not a phone. */
function writtenInFull(raw: string, country: CountryCode): boolean {
  if (raw.trimStart().startsWith('+')) return true;
  const digits = raw.replace(/\D/g, '');
  if (digits.startsWith('00')) return true;
  const prefix = nationalPrefixOf(country);
  // A "1" trunk prefix (North America) is optional in writing; a "0" one (most of Europe) is not.
  return prefix === undefined || !prefix.startsWith('0') || digits.startsWith(prefix);
}

function nationalPrefixOf(country: CountryCode): string | undefined {
  if (nationalPrefixes.has(country)) return nationalPrefixes.get(country);
  let prefix: string | undefined;
  try {
    const metadata = new Metadata();
    metadata.selectNumberingPlan(country);
    // Present at run time, missing from the published typings.
    const plan = metadata.numberingPlan as (NumberingPlan & { nationalPrefix?: () => string | undefined }) | undefined;
    prefix = typeof plan?.nationalPrefix === 'function' ? plan.nationalPrefix() || undefined : undefined;
  } catch {
    prefix = undefined;
  }
  nationalPrefixes.set(country, prefix);
  return prefix;
}

// Two national numbers on consecutive lines, flattened to "01 23 45 67 89 06 12 34 56 78", read
// as one too-long number; split them on the 0X XX XX XX XX shape.
const RUN_TOGETHER = /(?<![\p{N}+])(?:0[1-9](?:[ .-]?\d{2}){4}[ .-]?){2,4}(?!\p{N})/gu;
const NATIONAL_NUMBER = /0[1-9](?:[ .-]?\d{2}){4}/g;

function readRunTogetherNumbers(scan: Scan, country: CountryCode): Found[] {
  const found: Found[] = [];
  let runs = 0;
  for (const run of scan.text.matchAll(RUN_TOGETHER)) {
    if (++runs > MAX_PHONE_CANDIDATES) break;
    const before = scan.text.slice(Math.max(0, run.index - CUE_WINDOW), run.index);
    let cue: RegExpExecArray | undefined;
    for (const match of before.matchAll(NUMBER_CUE)) cue = match;
    if (cue?.[2] || cue?.[3]) continue;
    for (const part of run[0].matchAll(NATIONAL_NUMBER)) {
      const number = parsePhoneNumberFromString(part[0], country);
      if (number?.isValid() && E164.test(number.number)) found.push({ value: number.number, at: run.index + part.index });
    }
    scan.mask(run.index, run.index + run[0].length);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Postal addresses and labels: read only to be left out

const STREET_TYPES =
  'rue|avenue|av\\.|bd|boulevard|blvd|place|pl\\.|all[ée]e|chemin|route|rte|quai|impasse|cours|square|parvis|rond-point|esplanade|voie|passage|cit[ée]|villa|hameau|lieu-dit|zac|za|zi|parc|domaine|promenade|faubourg|chauss[ée]e|rue du|via|calle';
const CITY = String.raw`(?:(?:Le|La|Les|Saint|Sainte|St|Ste)[\s-]+)?\p{Lu}[\p{L}'’]*(?:-[\p{L}'’]+)*(?:\s+(?:cedex|CEDEX|Cedex)(?:\s+\d{1,2})?)?`;
const POSTCODE_CITY = String.raw`(?:[A-Z]{1,2}-)?\d{4,5}\s+${CITY}`;
const ADDRESS_PATTERNS: RegExp[] = [
  // "12 bis, rue de la Paix 75002 Paris"
  new RegExp(
    String.raw`(?<![\p{L}\p{N}])\d{1,4}(?:\s?(?:bis|ter|[a-dA-D]))?,?\s+(?:${STREET_TYPES})(?![\p{L}])(?:\s+[\p{L}'’.-]+){0,5}?(?:,?\s+${POSTCODE_CITY}|(?=\s*(?:[,\n\uE000|•·–—]|$)))`,
    'giu',
  ),
  // "500 Howard Street, Suite 200"
  /(?<![\p{L}\p{N}])\d{1,5}\s+(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}(?:Street|St\.|Road|Rd\.|Avenue|Ave\.?|Lane|Boulevard|Blvd\.?|Drive|Way|Square|Court|Place)(?![\p{L}])(?:,?\s*(?:Suite|Floor|Fl\.)\s*\d+)?/gu,
  // "Friedrichstraße 123"
  /(?<![\p{L}])\p{Lu}[\p{L}-]*(?:straße|strasse|weg|platz|allee|gasse)\s+\d{1,4}[a-z]?(?![\p{L}\p{N}])/gu,
  new RegExp(String.raw`(?<![\p{L}\p{N}])(?:[A-Z]{1,2}-)?\d{5}\s+${CITY}`, 'gu'),
  new RegExp(String.raw`(?<![\p{L}\p{N}])[A-Z]{1,2}-\d{4}\s+${CITY}`, 'gu'),
  // Business parks and buildings: "ZI des Forges", "Parc d'activités du Moulin", "Immeuble Le Carré"
  /(?<![\p{L}])(?:ZI|ZA|ZAC|ZAE|Z\.I\.|Zone\s+(?:industrielle|artisanale|d['’]activit[ée]s?)|Parc\s+(?:d['’]activit[ée]s|technologique|d['’]affaires)|Immeuble|B[âa]timent)(?:\s+(?:de\s+la|des|du|de|d['’]|le|la|les))?\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?/gu,
  /(?<![\p{L}\p{N}])(?:BP|B\.P\.|CS|TSA)\s?\d{1,6}(?![\p{N}])/gu,
  /(?<![\p{L}\p{N}])[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}(?![\p{L}\p{N}])/gu,
  /(?<![\p{L}\p{N}])[A-Z]{2}\s\d{5}(?:-\d{4})?(?![\p{L}\p{N}])/gu,
  /(?<![\p{L}])cedex(?:\s+\d{1,2})?(?![\p{L}])/giu,
];

function maskAddresses(scan: Scan): void {
  for (const pattern of ADDRESS_PATTERNS) {
    for (const match of scan.text.matchAll(pattern)) scan.mask(match.index, match.index + match[0].length);
  }
}

const LABEL =
  /(?<![\p{L}])(?:e-?mail|courriel|mail|web|site(?:\s+(?:web|internet))?|website|linkedin|twitter|adresse|address|t[ée]l(?:[ée]phone)?|tel|phone|mobile|mob|portable|gsm|fax|standard|ligne\s+directe|direct|skype|teams|siège(?:\s+social)?|head\s+office)\s*:/giu;

// A label with no colon is still a label right before what it labels ("Web www.acme.fr", "e tom@…").
const LABEL_BEFORE_DATA =
  /(?<![\p{L}])(?:e-?mail|courriel|mail|web|site(?:\s+(?:web|internet))?|website|linkedin|twitter|[ew])\s*[.:]?\s*(?=\uE000)/giu;

function maskLabels(scan: Scan): void {
  for (const pattern of [LABEL, LABEL_BEFORE_DATA]) {
    for (const match of scan.text.matchAll(pattern)) scan.mask(match.index, match.index + match[0].length);
  }
}

// ---------------------------------------------------------------------------------------------
// Clues from the contact data for reading the layout

interface Clues {
  /** Local parts of the addresses, to tell where a name ends ("jean.dupont"). */
  localParts: string[];
  /** Letters of the company domain ("acmeindustrie"), to tell a company from a name. */
  domainLetters: string[];
  companyGuess?: string;
}

// Free-mail domains say nothing about the company.
const FREE_MAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'msn.com',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'proton.me',
  'pm.me',
  'web.de',
  'orange.fr',
  'wanadoo.fr',
  'free.fr',
  'sfr.fr',
  'neuf.fr',
  'laposte.net',
  'bbox.fr',
  'numericable.fr',
  'aliceadsl.fr',
  'club-internet.fr',
  'mail.com',
  'tuta.io',
  'hey.com',
  'skynet.be',
  'bluewin.ch',
  'libero.it',
  't-online.de',
]);
// These brands are free mail under any TLD (hotmail.fr, yahoo.co.uk…).
const FREE_MAIL_BRANDS = new Set([
  'gmail',
  'hotmail',
  'outlook',
  'live',
  'yahoo',
  'aol',
  'protonmail',
  'proton',
  'gmx',
  'yandex',
  'tutanota',
  'fastmail',
  'zoho',
]);
// Second-level suffixes under which the company label is one further left (acme.co.uk).
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'gouv', 'asso', 'ltd', 'plc']);

function companyLabelOf(host: string): string | null {
  const labels = host
    .toLowerCase()
    .replace(/^www\./, '')
    .split('.');
  if (labels.length < 2) return null;
  const secondLevel = labels.length >= 3 && SECOND_LEVEL.has(labels[labels.length - 2] ?? '');
  const label = labels[labels.length - (secondLevel ? 3 : 2)] ?? '';
  const registrable = labels.slice(labels.length - (secondLevel ? 3 : 2)).join('.');
  if (FREE_MAIL_DOMAINS.has(registrable) || FREE_MAIL_BRANDS.has(label)) return null;
  return label || null;
}

function cluesOf(lead: ParsedLead): Clues {
  const clues: Clues = { localParts: [], domainLetters: [] };
  const hosts: string[] = [];
  for (const email of lead.emails) {
    const at = email.lastIndexOf('@');
    clues.localParts.push(email.slice(0, at));
    hosts.push(email.slice(at + 1));
  }
  if (lead.website) {
    try {
      hosts.push(new URL(lead.website).hostname);
    } catch {
      // websiteOf only keeps parseable URLs
    }
  }
  for (const host of hosts) {
    const label = companyLabelOf(host);
    if (!label) continue;
    const letters = lettersOf(label);
    if (letters.length >= 2 && !clues.domainLetters.includes(letters)) clues.domainLetters.push(letters);
    clues.companyGuess ??= companyFromLabel(label);
  }
  return clues;
}

/** "acme-industrie" → "Acme Industrie". */
function companyFromLabel(label: string): string | undefined {
  const words = label
    .split(/[-_]+/)
    .filter((word) => word.length > 0)
    .map((word) => (word[0] ?? '').toUpperCase() + word.slice(1));
  const company = words.join(' ');
  return /\p{L}/u.test(company) && company.length <= MAX_COMPANY ? company : undefined;
}

// ---------------------------------------------------------------------------------------------
// Vocabularies (compared accent- and case-folded)

// Every token is looked up in several vocabularies; folding it once is most of the layout's cost.
const foldCache = new Map<string, string>();
const wordCache = new Map<string, string>();

function fold(text: string): string {
  let result = foldCache.get(text);
  if (result === undefined) {
    result = text
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase();
    if (foldCache.size > 5000) foldCache.clear();
    foldCache.set(text, result);
  }
  return result;
}

function lettersOf(text: string): string {
  return fold(text).replace(/[^a-z]/g, '');
}

/** A token as looked up in the vocabularies: folded, without surrounding punctuation or an elided "d'". */
function wordOf(token: string): string {
  let word = wordCache.get(token);
  if (word === undefined) {
    word = fold(token)
      .replace(/^[^\p{L}\p{N}&]+|[^\p{L}\p{N}&]+$/gu, '')
      .replace(/^[dl]['’]/, '');
    if (wordCache.size > 5000) wordCache.clear();
    wordCache.set(token, word);
  }
  return word;
}

const vocabulary = (list: string): Set<string> => new Set(list.split(/\s+/).filter(Boolean));

// Words a job title can start with.
const TITLE_START = vocabulary(`
  directeur directrice dir responsable charge chargee chef head vp svp evp avp vice chief ceo cto cfo coo cmo cro cpo cio ciso cso cdo
  president presidente pdg dg dga drh daf dsi fondateur fondatrice founder co-founder cofounder co-fondateur cofondateur co-fondatrice
  cofondatrice gerant gerante managing manager ingenieur ingenieure engineer consultant consultante commercial commerciale account
  business sales key assistant assistante acheteur acheteuse buyer partner associe associee product project program team lead senior
  junior analyst analyste developpeur developpeuse developer technicien technicienne comptable juriste avocat avocate attache attachee
  delegue deleguee secretaire conseiller conseillere expert experte specialiste specialist coordinateur coordinatrice coordinator
  administrateur administratrice owner officer executive representant representante representative superviseur superviseuse
  architecte architect designer marketing office operations customer talent recruteur recruteuse recruiter purchasing procurement
  general country regional area principal inside sdr bdr kam growth legal finance financial hr rh it deputy adjoint adjointe
  controleur controleuse controller auditeur auditrice auditor stagiaire intern alternant alternante directeur·rice directeur.rice
  directeur-rice trader broker courtier courtiere agent negociateur negociatrice ingenieur·e director sr snr jr
  technico-commercial technico-commerciale export import medecin pharmacien pharmacienne infirmier infirmiere
  kinesitherapeute veterinaire notaire huissier professeur enseignant enseignante chercheur chercheuse chirurgien chirurgienne
  dentiste psychologue opticien opticienne sage-femme
`);
// Words without which a run of title words is a department, not a title ("Marketing", "Sales EMEA").
const TITLE_CORE = vocabulary(`
  directeur directrice dir responsable charge chargee chef head vp svp evp avp chief ceo cto cfo coo cmo cro cpo cio ciso cso cdo
  president presidente pdg dg dga drh daf dsi fondateur fondatrice founder co-founder cofounder co-fondateur cofondateur co-fondatrice
  cofondatrice gerant gerante manager ingenieur ingenieure engineer consultant consultante commercial commerciale assistant assistante
  acheteur acheteuse buyer partner associe associee lead analyst analyste developpeur developpeuse developer technicien technicienne
  comptable juriste avocat avocate attache attachee delegue deleguee secretaire conseiller conseillere expert experte specialiste
  specialist coordinateur coordinatrice coordinator administrateur administratrice owner officer executive representant representante
  representative superviseur superviseuse architecte architect designer recruteur recruteuse recruiter director controleur
  controleuse controller auditeur auditrice auditor stagiaire intern alternant alternante sdr bdr kam trader broker courtier courtiere
  agent negociateur negociatrice directeur·rice directeur.rice directeur-rice ingenieur·e technico-commercial
  technico-commerciale medecin pharmacien pharmacienne infirmier infirmiere kinesitherapeute veterinaire notaire huissier
  professeur enseignant enseignante chercheur chercheuse chirurgien chirurgienne dentiste psychologue opticien opticienne
  sage-femme
`);
// Words that continue a title once started ("Head of Sales EMEA", "Directeur des ventes France").
const TITLE_MORE = vocabulary(`
  of de des du d la le l en et and & / for in the pour
  sales marketing business development developpement operations operationnel operationnelle finance financier financiere technology
  technique technical tech product produit produits engineering customer success growth revenue partnerships partenariats alliances
  channel account accounts key grands grand comptes achats purchasing procurement supply chain logistics logistique export import
  commercial commerciale ventes innovation digital data it rh hr human resources ressources humaines communication juridique legal
  affaires general generale adjoint adjointe deputy regional regionale national nationale international internationale global
  france europe emea apac dach benelux nordics americas latam north south east west nord sud est ouest ile-de-france idf region
  zone secteur public prive pme eti startups b2b b2c saas cloud software marches market markets projet projets project projects
  program programme office executive officer manager director directeur directrice lead senior junior principal associate chief vice
  president presidente ceo cto cfo coo cmo cro cpo founder co-founder cofounder fondateur fondatrice partner associe associee
  management strategy strategie strategique transformation qualite quality securite security risk risques compliance conformite
  industriel industrielle industrial industry client clients clientele service services support relations relation grands-comptes
  key-account retail distribution e-commerce ecommerce media medias brand marque content contenu social design ux ui rd r&d
  recherche research formation training talent acquisition recrutement paie payroll treasury tresorerie credit risk audit fiscal tax
  immobilier real estate patrimoine wealth private banking investissement investment investments equity capital senior-manager
  direction strategic solutions sr snr jr mission missions enterprise entreprises grands-comptes rse csr esg full stack
  fullstack full-stack front back end front-end back-end devops web mobile spain espagne portugal italy italie germany
  allemagne belgium belgique suisse switzerland uk usa iberia africa afrique asia asie maghreb canada
`);
// Acronyms that are titles only when written in capitals ("IT Manager", but "it" is a pronoun).
const TITLE_ACRONYMS = vocabulary(
  'CEO CTO CFO COO CMO CRO CPO CIO CISO CSO CDO VP SVP EVP AVP PDG DG DGA DRH DAF DSI RH HR IT SDR BDR KAM',
);

// Legal forms and words that make a run of capitalised words a company, not a person.
const COMPANY_WORDS = vocabulary(`
  group groupe sas sa sarl sasu eurl sci snc scop selarl gie gmbh ag ltd limited inc llc llp plc bv nv srl spa corp corporation company
  cie co industrie industries conseil consulting consultants solutions technologies technology services systems systemes partners
  partenaires associes agency agence studio studios labs lab software logistique logistics transports transport immobilier bank
  banque assurance assurances holding international digital media medias energie energy sante health pharma foods batiment
  construction distribution networks cloud analytics avocats cabinet fondation association institut universite university ecole
  school hopital clinique mairie ventures invest investissements gestion industrial manufacturing automation robotics electronics
  electronique chimie chemicals materials materiaux packaging emballages equipements equipment machines hotels hotel voyages travel
  formation training recrutement staffing interim telecom telecoms communications creative productions events evenements editions
  publishing motors automobiles aerospace aeronautique marine maritime airlines airways biotech medical laboratoire laboratoires
  pharmaceuticals cosmetiques cosmetics textile fashion sports games gaming entertainment records films pictures realty properties
  environnement recycling recyclage solaire solar metals acier steel bois print imprimerie plastiques glass mobilier furniture
`);
const LEGAL_FORMS = vocabulary(
  'sas sa sarl sasu eurl sci snc scop selarl gie gmbh ag ltd limited inc llc llp plc bv nv srl spa sl corp co cie',
);

// Words that are never part of a name or a company: greetings, pronouns, labels, calls to action.
const STOP_WORDS = vocabulary(`
  bonjour bonsoir hello hi hey dear cher chere madame monsieur messieurs mesdames voici voila merci thanks thank please je nous vous
  il elle ils elles i we you they un une ce cette mon ma mes notre nos votre vos pour avec sans suite comme si mais donc car au aux
  dans sur par this that my our your with from if but so ps nb objet subject re fwd tr important urgent attention service departement
  direction equipe siege contact contacts accueil support adresse address email e-mail mail courriel web site website tel
  telephone phone mobile mob portable gsm fax standard linkedin twitter facebook instagram youtube follow suivez suivez-nous
  retrouvez retrouvez-nous decouvrez visitez visit rejoignez join www http https confidential confidentiel cordialement regards
  best kind bien tres bonne belle excellente envoye sent de: from: to: cc: a: copie
`);
// A cell that is only a place is an address fragment or an office list ("Paris | London").
const PLACES = vocabulary(`
  france belgique belgium suisse switzerland luxembourg canada usa uk royaume-uni germany allemagne deutschland espagne spain italie
  italy paris lyon marseille toulouse lille bordeaux nantes strasbourg nice rennes montpellier grenoble london londres bruxelles
  brussels geneve geneva zurich berlin munich amsterdam madrid barcelona barcelone milan dublin montreal quebec boston york
  francisco defense la-defense cedex
`);
const CONNECTORS = vocabulary(`de du des d la le les l et & and of the en for del della di da do dos das y`);
const PARTICLES = vocabulary(`de du des d' d’ van von der den da di del della dos das do le la ter ten zu y bin ben al el`);
const CIVILITIES = vocabulary(`m m. mr mr. mrs mrs. ms ms. mme mme. mlle mlle. dr dr. pr pr. me maitre`);

const NAME_TOKEN = /^(?:[dDlL]['’])?\p{Lu}[\p{L}'’]*(?:-\p{Lu}[\p{L}'’]*)*$/u;
const INITIAL = /^\p{Lu}\.(?:-?\p{Lu}\.)?$/u;

/** "S.A.S." and "SAS", "S.L." and "SL" alike. */
function isLegalForm(token: string): boolean {
  return LEGAL_FORMS.has(wordOf(token).replace(/\./g, ''));
}

function isCompanyWord(token: string): boolean {
  return COMPANY_WORDS.has(wordOf(token)) || isLegalForm(token);
}

function isTitleStart(token: string): boolean {
  const bare = token.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (TITLE_ACRONYMS.has(bare)) return true;
  const word = wordOf(token);
  return TITLE_START.has(word) && !TITLE_ACRONYMS.has(word.toUpperCase());
}

function isTitleCore(token: string): boolean {
  const bare = token.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (TITLE_ACRONYMS.has(bare) && !['RH', 'HR', 'IT'].includes(bare)) return true;
  const word = wordOf(token);
  return TITLE_CORE.has(word) && !TITLE_ACRONYMS.has(word.toUpperCase());
}

function isLowercaseWord(token: string): boolean {
  return /^(?:[dl]['’])?\p{Ll}[\p{L}'’-]*[.,]?$/u.test(token);
}

function isStopWord(token: string): boolean {
  return STOP_WORDS.has(wordOf(token)) || STOP_WORDS.has(fold(token));
}

/** A word that ends a person's name: a title, a company word, a greeting or a label. */
function breaksName(token: string): boolean {
  return isTitleCore(token) || isTitleStart(token) || isCompanyWord(token) || isStopWord(token);
}

// ---------------------------------------------------------------------------------------------
// Layout: name, title and company from what is left once contact data is masked

interface Cell {
  tokens: string[];
  /** Alone on its line in a multi-line block: its edges are the author's, not guessed. */
  wholeLine: boolean;
  /** Follows "chez", "at" or "@": a company. */
  afterAt: boolean;
  line: number;
}

interface Layout {
  fullName?: string;
  jobTitle?: string;
  company?: string;
}

const SEPARATORS =
  /\s+[|•·●▪■◆►~–—-]\s+|\s*[|•·●▪■◆►]\s*|\s+\/\s+|\s*[,;]\s+|\s*;\s*|\s*:\s+|\s{2,}|\s*[()[\]<>{}"«»“”]\s*|(?<=[\p{L}\p{N}]{2}[\p{Ll}\p{N}][.!?])\s+(?=\p{Lu})/u;
const AT_SEPARATOR = /\s+(?:chez|at|@)\s+/u;

function readLayout(masked: string, original: string, clues: Clues): Layout {
  const linesMode = original.split('\n').filter((line) => /\p{L}.*\p{L}/u.test(line)).length >= 2;
  const cells = cellsOf(masked, linesMode);
  const layout: Layout = {};
  const state: LayoutState = { nameCell: -1, titleCell: -1 };
  cells.forEach((cell, index) => {
    readCell(cell, index, cells[index - 1], linesMode, clues, layout, state);
  });
  return layout;
}

function cellsOf(masked: string, linesMode: boolean): Cell[] {
  const cells: Cell[] = [];
  masked.split('\n').forEach((line, lineIndex) => {
    const lineCells: Cell[] = [];
    for (const chunk of line.split(BOUNDARY)) {
      chunk.split(AT_SEPARATOR).forEach((part, partIndex) => {
        part.split(SEPARATORS).forEach((piece, pieceIndex) => {
          const tokens = tokensOf(piece);
          if (tokens.length === 0) return;
          const previous = lineCells[lineCells.length - 1];
          // "Acme, Inc." is one company, not a company and a stray legal form.
          if (previous && tokens.every(isLegalForm) && !previous.afterAt) {
            const last = previous.tokens.length - 1;
            previous.tokens[last] = `${previous.tokens[last]},`;
            previous.tokens.push(...tokens);
            return;
          }
          lineCells.push({ tokens, wholeLine: false, afterAt: partIndex > 0 && pieceIndex === 0, line: lineIndex });
        });
      });
    }
    if (linesMode && lineCells.length === 1 && lineCells[0]) lineCells[0].wholeLine = true;
    cells.push(...lineCells);
  });
  return cells;
}

function tokensOf(piece: string): string[] {
  return piece
    .split(/\s+/)
    .map((token) => token.replace(/^[^\p{L}\p{N}&/'’]+|[^\p{L}\p{N}&.'’]+$/gu, ''))
    .filter((token) => /[\p{L}\p{N}&]/u.test(token));
}

interface LayoutState {
  /** Index of the cell the name was read from. */
  nameCell: number;
  /** Index of the cell that ended with the title, which the next cell may go on ("Director, Strategic Partnerships"). */
  titleCell: number;
}

function readCell(
  cell: Cell,
  index: number,
  previous: Cell | undefined,
  linesMode: boolean,
  clues: Clues,
  layout: Layout,
  state: LayoutState,
): void {
  const tokens = cell.tokens;
  if (isNoiseCell(tokens)) return;
  let position = 0;
  if (layout.jobTitle && state.titleCell === index - 1 && previous?.line === cell.line && !cell.afterAt) {
    position = titleContinuation(tokens);
    if (position > 0) layout.jobTitle = `${layout.jobTitle}, ${joinTokens(tokens.slice(0, position))}`;
  }
  if (!layout.fullName && !cell.afterAt) {
    // "Jean-Marc Jean-Marc Olivier": a first-name sign-off flattened onto the full name.
    if (tokens.length > 2 && fold(tokens[0] ?? '') === fold(tokens[1] ?? '')) position = Math.max(position, 1);
    const civilities = position + leadingCivilities(tokens.slice(position));
    const length = nameLength(tokens.slice(civilities), cell, linesMode && position === 0, clues);
    if (length > 0) {
      const name = joinTokens(tokens.slice(civilities, civilities + length));
      if (name.length <= MAX_NAME) layout.fullName = name;
      state.nameCell = index;
      position = civilities + length;
    }
  }
  // A title written in words of its own ("Inside Sales Representative") on its own line.
  if (position === 0 && !layout.jobTitle && cell.wholeLine && !cell.afterAt && !isTitleStart(tokens[0] ?? '')) {
    const companyWord = (token: string) => isCompanyWord(token) && !TITLE_MORE.has(wordOf(token));
    if (tokens.length <= 8 && tokens.some(isTitleCore) && !tokens.some(companyWord)) {
      if (setTitle(layout, tokens)) state.titleCell = index;
      return;
    }
  }
  while (position < tokens.length) {
    const token = tokens[position] ?? '';
    if (!cell.afterAt && isTitleStart(token)) {
      const end = titleEnd(tokens, position);
      const title = tokens.slice(position, end);
      if (title.some(isTitleCore) && setTitle(layout, title) && end === tokens.length) state.titleCell = index;
      position = end;
      continue;
    }
    let end = position;
    while (end < tokens.length && !isStopWord(tokens[end] ?? '') && (cell.afterAt || !isTitleStart(tokens[end] ?? ''))) end++;
    if (end === position) {
      position++;
      continue;
    }
    const company = companyOf(tokens.slice(position, end), cell, clues, layout, state.nameCell !== -1);
    if (company && !layout.company) layout.company = company;
    position = end;
  }
}

function setTitle(layout: Layout, tokens: string[]): boolean {
  if (layout.jobTitle) return false;
  const title = joinTokens(tokens);
  if (title.length > MAX_TITLE) return false;
  layout.jobTitle = title;
  return true;
}

/**
 * How many leading tokens go on the title of the cell before: "Strategic Partnerships" after
 * "Director,", "EMEA" after "Sales Manager,". A place is left alone ("…, France Boissons" is a
 * company), and one ordinary word is not enough ("CEO, Digital Factory").
 */
function titleContinuation(tokens: string[]): number {
  let run = 0;
  while (run < tokens.length) {
    const word = wordOf(tokens[run] ?? '');
    if (!TITLE_MORE.has(word) || PLACES.has(word)) break;
    run++;
  }
  while (run > 0 && CONNECTORS.has(wordOf(tokens[run - 1] ?? ''))) run--;
  if (run === 0) return 0;
  const acronym = run === 1 && /^\p{Lu}{2,}$/u.test(tokens[0] ?? '');
  return run === tokens.length || run >= 2 || acronym ? run : 0;
}

function joinTokens(tokens: string[]): string {
  return tokens
    .join(' ')
    .replace(/[\s,;:–—-]+$/u, '')
    .replace(/(?<![\p{Lu}]|\b(?:Inc|Ltd|Co|Corp|Cie|Jr|Sr))\.$/u, '')
    .trim();
}

function leadingCivilities(tokens: string[]): number {
  const first = tokens[0];
  return first && tokens.length > 2 && CIVILITIES.has(fold(first)) && NAME_TOKEN.test(tokens[1] ?? '') ? 1 : 0;
}

/** A cell with nothing of a lead in it: a greeting, a label, a place, a call to action or a sentence. */
function isNoiseCell(tokens: string[]): boolean {
  const first = tokens[0] ?? '';
  if (isStopWord(first) && !isTitleStart(first)) return true;
  if (tokens.every((token) => PLACES.has(wordOf(token)) || /^\p{N}+$/u.test(token))) return true;
  const prose = tokens.filter(
    (token) => isLowercaseWord(token) && !CONNECTORS.has(wordOf(token)) && !TITLE_MORE.has(wordOf(token)) && !isTitleStart(token),
  );
  return prose.length >= 3;
}

// ---- names

function isParticleAt(tokens: string[], index: number): boolean {
  const token = tokens[index] ?? '';
  const folded = fold(token);
  if (!PARTICLES.has(folded) && !/^[dl]['’]$/.test(folded)) return false;
  // "Le", "Van", "DE" are particles only when a family name follows them.
  const next = tokens[index + 1];
  return next !== undefined && (NAME_TOKEN.test(next) || PARTICLES.has(fold(next)));
}

function isNameWord(token: string): boolean {
  if (INITIAL.test(token)) return true;
  if (!NAME_TOKEN.test(token) || breaksName(token)) return false;
  return lettersOf(token).length >= 2 || /\p{L}{2}/u.test(token);
}

/**
 * How many of the cell's first tokens are a person's name, 0 when they are not one. A name is two
 * to four words with capitals ("Jean DUPONT", "Marie de La Tour", "Anne-Sophie Le Gall"); where it
 * ends in a run of capitalised words is told by the address's local part, the company domain, the
 * line when the block has lines, and otherwise taken as a given name and a family name.
 */
function nameLength(tokens: string[], cell: Cell, linesMode: boolean, clues: Clues): number {
  let run = 0;
  while (run < tokens.length && run < 6 && (isNameWord(tokens[run] ?? '') || (run > 0 && isParticleAt(tokens, run)))) run++;
  while (run > 0 && isParticleAt(tokens, run - 1)) run--;
  const first = tokens[0] ?? '';
  if (run === 0 || !isNameWord(first) || PARTICLES.has(fold(first))) return 0;
  const kinds = tokens
    .slice(0, run)
    .map((token, index) => (isParticleAt(tokens, index) ? 'particle' : INITIAL.test(token) ? 'initial' : 'word'));
  const wordCount = kinds.filter((kind) => kind === 'word').length;
  if (wordCount < 2 && !(wordCount === 1 && kinds.includes('initial'))) return 0;
  if (wordCount === 1 && kinds[0] !== 'initial' && kinds.indexOf('initial') > kinds.indexOf('word')) return 0;

  const candidate = tokens.slice(0, run);
  // Written with a legal form after it ("Martin Dupont SAS"), the whole run is a company.
  if (run < tokens.length && tokens.slice(run).every(isLegalForm)) {
    return 0;
  }
  for (let length = 2; length <= run; length++) {
    if (kinds[length - 1] === 'particle') continue;
    if (clues.localParts.some((local) => matchesLocalPart(candidate.slice(0, length), local))) {
      return length === run && isCompanyByDomain(candidate, clues) && !clues.localParts.some((local) => matchesLocalPart(candidate, local))
        ? 0
        : length;
    }
  }
  if (run === tokens.length && isCompanyByDomain(candidate, clues)) return 0;
  for (let split = 2; split < run; split++) {
    if (kinds[split - 1] === 'particle') continue;
    for (let end = split + 1; end <= Math.min(run, split + 4); end++) {
      if (clues.domainLetters.includes(lettersOf(candidate.slice(split, end).join('')))) {
        return countWords(kinds.slice(0, split)) >= 1 ? split : 0;
      }
    }
  }
  if (linesMode && cell.wholeLine && run === tokens.length && wordCount <= 4) return run;
  let length = defaultNameLength(candidate, kinds);
  // "Fatima Zahra El Amrani": a particle after two names brings the family name with it.
  if (kinds[length] === 'particle') {
    while (kinds[length] === 'particle') length++;
    if (kinds[length] === 'word') return length + 1;
    return defaultNameLength(candidate, kinds);
  }
  // "Marie Anne Girard Responsable RH": one more capitalised word right before the title is a
  // third name, not a company squeezed between name and title.
  const next = tokens[length + 1] ?? '';
  return length < run && kinds[length] === 'word' && isTitleStart(next) && /^\p{Lu}/u.test(next) ? length + 1 : length;
}

function countWords(kinds: string[]): number {
  return kinds.filter((kind) => kind === 'word').length;
}

function defaultNameLength(candidate: string[], kinds: string[]): number {
  const isCapitals = (token: string) => /\p{Lu}{2}/u.test(token) && token === token.toUpperCase();
  // "Jean Pierre DUPONT", "Marie LE GALL": capitals mark the family name, which ends the name.
  if (!isCapitals(candidate[0] ?? '')) {
    let lastCapitals = -1;
    for (let index = 1; index < candidate.length && index <= 3; index++) {
      if (isCapitals(candidate[index] ?? '')) lastCapitals = index;
      else if (lastCapitals !== -1) break;
    }
    if (lastCapitals !== -1) return lastCapitals + 1;
  }
  let words = 0;
  for (let index = 0; index < kinds.length; index++) {
    if (kinds[index] === 'word') words++;
    if (words === 2) return index + 1;
  }
  return kinds.length;
}

/** "jean.dupont", "jdupont", "dupont.jean", "jp.martin" for Jean Dupont / Jean-Pierre Martin. */
function matchesLocalPart(nameTokens: string[], local: string): boolean {
  const target = lettersOf(local);
  if (target.length < 3) return false;
  const parts = nameTokens.filter((token) => !INITIAL.test(token)).map(lettersOf);
  if (parts.length < 2) return false;
  const [given = '', ...rest] = parts;
  const givenInitials = nameTokens[0]
    ? fold(nameTokens[0])
        .split('-')
        .map((part) => part.replace(/[^a-z]/g, '')[0] ?? '')
        .join('')
    : '';
  const family = rest.join('');
  const lastFamily = rest[rest.length - 1] ?? '';
  const variants = [
    given + family,
    given[0] + family,
    givenInitials + family,
    family + given,
    family + given[0],
    given + lastFamily,
    given[0] + lastFamily,
    lastFamily + given,
  ];
  return variants.includes(target);
}

function isCompanyByDomain(tokens: string[], clues: Clues): boolean {
  return clues.domainLetters.includes(lettersOf(tokens.join('')));
}

// ---- titles and companies

function titleEnd(tokens: string[], start: number): number {
  let end = start + 1;
  while (end < tokens.length) {
    const token = tokens[end] ?? '';
    const word = wordOf(token);
    if (isStopWord(token) && !TITLE_MORE.has(word)) break;
    if (isCompanyWord(token) && !TITLE_MORE.has(word)) break;
    if (TITLE_MORE.has(word) || isTitleStart(token) || isLowercaseWord(token) || TITLE_ACRONYMS.has(token) || token === '&') {
      end++;
      continue;
    }
    break;
  }
  while (end > start + 1 && CONNECTORS.has(wordOf(tokens[end - 1] ?? ''))) end--;
  return end;
}

function companyOf(tokens: string[], cell: Cell, clues: Clues, layout: Layout, afterName: boolean): string | undefined {
  // A company name stops at the first word of prose ("Acme, leader européen…").
  let end = 0;
  while (end < tokens.length && end < 8) {
    const token = tokens[end] ?? '';
    if (end > 0 && isLowercaseWord(token) && !CONNECTORS.has(wordOf(token))) break;
    end++;
  }
  while (end > 1 && CONNECTORS.has(wordOf(tokens[end - 1] ?? ''))) end--;
  const company = tokens.slice(0, end);
  const first = company[0] ?? '';
  if (!/^[\p{Lu}\p{N}]/u.test(first) && !cell.afterAt) return undefined;
  if (!company.some((token) => /\p{L}/u.test(token))) return undefined;
  if (company.every((token) => PLACES.has(wordOf(token)) || TITLE_MORE.has(wordOf(token)) || CONNECTORS.has(wordOf(token)))) {
    return undefined;
  }
  const text = joinTokens(company);
  if (text.length > MAX_COMPANY || text === layout.fullName) return undefined;
  const evidence =
    cell.afterAt || company.some(isCompanyWord) || clues.domainLetters.some((letters) => lettersOf(company.join('')).startsWith(letters));
  return evidence || afterName || layout.jobTitle ? text : undefined;
}
