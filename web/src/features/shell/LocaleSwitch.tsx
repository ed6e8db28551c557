import { type Component, For } from 'solid-js';
import { type Locale, locale, locales, setLocale, t } from '../../i18n/index.ts';

const labelKey = { 'zh-CN': 'locale.zhCN', en: 'locale.en' } as const satisfies Record<Locale, string>;

/** 中文 / English. */
export const LocaleSwitch: Component = () => (
  <div class="locale-switch" role="group" aria-label={t('locale.label')}>
    <For each={locales}>
      {(code) => (
        <button
          type="button"
          lang={code}
          class="locale-option"
          aria-pressed={locale() === code}
          data-testid={`locale-${code}`}
          onClick={() => setLocale(code)}
        >
          {t(labelKey[code])}
        </button>
      )}
    </For>
  </div>
);
