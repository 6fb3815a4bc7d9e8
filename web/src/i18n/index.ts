import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import type { Locale } from 'antd/es/locale';
import zhCN from 'antd/es/locale/zh_CN';
import { setApiLanguage } from '../api/client';

export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'lantu.lang';

type Bundle = Record<string, unknown>;

/** Every `<lang>/<domain>.json` becomes the `<domain>` branch of that language. */
function bundles(files: Record<string, Bundle>): Record<Language, Bundle> {
  const out: Record<string, Bundle> = {};
  for (const [path, content] of Object.entries(files)) {
    const match = /\/([\w-]+)\/([\w-]+)\.json$/.exec(path);
    if (!match) continue;
    const [, lang = '', domain = ''] = match;
    (out[lang] ??= {})[domain] = content;
  }
  return out as Record<Language, Bundle>;
}

// zh-CN, the source and fallback language, ships in the entry; en-US is fetched when it is chosen
// (or was chosen last time), so nobody downloads a language they do not read.
const source = bundles(import.meta.glob<Bundle>('./zh-CN/*.json', { eager: true, import: 'default' }))['zh-CN'];
const english = import.meta.glob<Bundle>('./en-US/*.json', { import: 'default' });
let englishBundle: Promise<Bundle> | null = null;
// antd's own texts (pagination, empty tables, date pickers) follow the same rule.
const antdLocales: Partial<Record<Language, Locale>> = { 'zh-CN': zhCN };

/** The translations of a language (antd's included), fetched once. */
function translationsOf(lang: Language): Promise<Bundle> {
  if (lang === 'zh-CN') return Promise.resolve(source);
  englishBundle ??= Promise.all([
    Promise.all(Object.entries(english).map(async ([path, load]) => [path, await load()] as const)).then((files) => bundles(Object.fromEntries(files))['en-US']),
    import('antd/es/locale/en_US').then((m) => void (antdLocales['en-US'] = m.default)),
  ]).then(([bundle]) => bundle);
  return englishBundle;
}

/** antd's locale for a UI language (the source language's until the other one has loaded). */
export function antdLocaleOf(lang: string): Locale {
  return antdLocales[lang as Language] ?? zhCN;
}

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // storage unavailable (private mode): fall through to the default
  }
  return 'zh-CN';
}

function applyLanguage(lang: Language): void {
  document.documentElement.lang = lang;
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  setApiLanguage(lang);
}

const initial = storedLanguage();
applyLanguage(initial);

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: source },
    // English from a previous visit: fetched before the first render (the entry module waits for
    // it); should that fail, the page shows in the fallback language rather than not at all.
    ...(initial === 'en-US' ? { 'en-US': { translation: await translationsOf('en-US').catch(() => ({})) } } : {}),
  },
  lng: initial,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Switches the UI language and remembers it for the next visit. */
export async function setLanguage(lang: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // not persisted; the switch still applies to this tab
  }
  if (!i18n.hasResourceBundle(lang, 'translation')) i18n.addResourceBundle(lang, 'translation', await translationsOf(lang));
  applyLanguage(lang);
  await i18n.changeLanguage(lang);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'zh-CN';
}

export default i18n;
