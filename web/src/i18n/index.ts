import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
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

const files = import.meta.glob<Bundle>('./*/*.json', { eager: true, import: 'default' });
const resources = bundles(files);

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
    'zh-CN': { translation: resources['zh-CN'] },
    'en-US': { translation: resources['en-US'] },
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
  applyLanguage(lang);
  await i18n.changeLanguage(lang);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'zh-CN';
}

export default i18n;
