import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '../i18n';

/** One click toggles zh-CN ⇄ en-US; the button names the language it switches to. */
export function LanguageSwitch({ type = 'text' }: { type?: 'text' | 'default' }) {
  const { t } = useTranslation();
  const next = currentLanguage() === 'zh-CN' ? 'en-US' : 'zh-CN';
  return (
    <Button
      type={type}
      icon={<GlobalOutlined />}
      data-testid="lang-switch"
      data-lang={currentLanguage()}
      aria-label={t('common.language.switch')}
      title={t('common.language.switch')}
      onClick={() => void setLanguage(next)}
    >
      {t(`common.language.${next}`)}
    </Button>
  );
}
