// The interface language: a signal (zh-CN first, English second) persisted in localStorage, and the
// translator every component uses. https://github.com/solidjs-community/solid-primitives/tree/main/packages/i18n
// The strings live per feature (zh-CN/<feature>.ts, en/<feature>.ts), each feature owning its own
// top-level keys; they are merged here into one dictionary per language.
import { flatten, resolveTemplate, translator } from '@solid-primitives/i18n';
import { createMemo, createRoot, createSignal } from 'solid-js';
import { strings as authEn } from './en/auth.ts';
import { strings as boardEn } from './en/board.ts';
import { strings as councilsEn } from './en/councils.ts';
import { strings as orgEn } from './en/org.ts';
import { strings as shellEn } from './en/shell.ts';
import { strings as ticketsEn } from './en/tickets.ts';
import { strings as uiEn } from './en/ui.ts';
import { strings as volunteersEn } from './en/volunteers.ts';
import { strings as whistlesEn } from './en/whistles.ts';
import { strings as authZhCN } from './zh-CN/auth.ts';
import { strings as boardZhCN } from './zh-CN/board.ts';
import { strings as councilsZhCN } from './zh-CN/councils.ts';
import { strings as orgZhCN } from './zh-CN/org.ts';
import { strings as shellZhCN } from './zh-CN/shell.ts';
import { strings as ticketsZhCN } from './zh-CN/tickets.ts';
import { strings as uiZhCN } from './zh-CN/ui.ts';
import { strings as volunteersZhCN } from './zh-CN/volunteers.ts';
import { strings as whistlesZhCN } from './zh-CN/whistles.ts';

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];

/** Each feature's strings, per language: what test/i18n.test.ts compares key by key. */
export const featureDictionaries = {
  shell: { 'zh-CN': shellZhCN, en: shellEn },
  auth: { 'zh-CN': authZhCN, en: authEn },
  org: { 'zh-CN': orgZhCN, en: orgEn },
  tickets: { 'zh-CN': ticketsZhCN, en: ticketsEn },
  ui: { 'zh-CN': uiZhCN, en: uiEn },
  whistles: { 'zh-CN': whistlesZhCN, en: whistlesEn },
  councils: { 'zh-CN': councilsZhCN, en: councilsEn },
  volunteers: { 'zh-CN': volunteersZhCN, en: volunteersEn },
  board: { 'zh-CN': boardZhCN, en: boardEn },
} as const;

const zhCN = { ...shellZhCN, ...authZhCN, ...orgZhCN, ...ticketsZhCN, ...uiZhCN, ...whistlesZhCN, ...councilsZhCN, ...volunteersZhCN, ...boardZhCN };

/** The shape every locale's dictionary has: the zh-CN strings of every feature. */
export type Dictionary = typeof zhCN;

export const dictionaries: Record<Locale, Dictionary> = {
  'zh-CN': zhCN,
  en: { ...shellEn, ...authEn, ...orgEn, ...ticketsEn, ...uiEn, ...whistlesEn, ...councilsEn, ...volunteersEn, ...boardEn },
};

const STORAGE_KEY = 'whistlehub.locale';

const isLocale = (value: unknown): value is Locale => locales.includes(value as Locale);

function storedLocale(): Locale {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isLocale(value)) return value;
  } catch {
    // storage can be disabled (privacy mode); the default applies
  }
  return 'zh-CN';
}

const [locale, setLocaleSignal] = createSignal<Locale>(storedLocale());

/** The current interface language. */
export { locale };

/** Switches the interface language and remembers the choice in this browser. */
export function setLocale(next: Locale) {
  setLocaleSignal(next);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  } catch {
    // not remembered; the switch still applies to this page
  }
}

// a module-level memo lives as long as the page, so it gets its own root
const dict = createRoot(() => createMemo(() => flatten(dictionaries[locale()])));

/** Translates a dictionary key, filling {{placeholders}} from args. */
export const t = translator(dict, resolveTemplate);

/** Anything with a Chinese and an English name (districts, streets, communities, departments). */
export interface Named {
  name: string;
  nameEn: string;
}

/** The name of an org unit in the current language: `name` in zh-CN, `nameEn` in English. */
export const unitName = (unit: Named) => (locale() === 'en' ? unit.nameEn : unit.name);

/** Formats a number in the current language. */
export const formatNumber = (value: number, options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale(), options).format(value);

/**
 * The time zone every instant is shown in: Beijing's. Deadlines, receipt times and the monthly review
 * are Beijing times, so a laptop set to another zone must not shift them.
 */
export const TIME_ZONE = 'Asia/Shanghai';

// Intl formatters are costly to build; one per language and style
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(style: 'dateTime' | 'date' | 'short'): Intl.DateTimeFormat {
  const key = `${locale()}|${style}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      style === 'date'
        ? { year: 'numeric', month: '2-digit', day: '2-digit' }
        : style === 'short'
          ? { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
          : { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
    // en-CA writes year-month-day, which reads the same to Chinese and English readers (2026-11-22)
    format = new Intl.DateTimeFormat(locale() === 'en' ? 'en-CA' : 'zh-CN', { ...options, timeZone: TIME_ZONE });
    dateTimeFormats.set(key, format);
  }
  return format;
}

/** An instant (ISO string) as date and time in Beijing, in the current language: 2026/11/22 08:30, 2026-11-22, 08:30. */
export const formatDateTime = (iso: string) => dateTimeFormat('dateTime').format(new Date(iso));

/** An instant as a Beijing date: 2026/11/22. */
export const formatDate = (iso: string) => dateTimeFormat('date').format(new Date(iso));

/** An instant as a short Beijing date and time without the year, for dense tables: 11/22 08:30. */
export const formatShortDateTime = (iso: string) => dateTimeFormat('short').format(new Date(iso));
