import { Alert, Button, theme } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../../modules/auth/hooks';
import { ChangePasswordForm } from '../../modules/auth/components/ChangePasswordForm';
import { CenteredShell } from '../../ui/CenteredShell';

/** Forced password change (initial or reset password): nothing else is reachable until done. */
export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <CenteredShell testId="page-change-password" subtitle={t('auth.password.forcedTitle')}>
      <Alert type="warning" showIcon title={t('auth.password.forcedHint')} style={{ marginBottom: token.margin }} />
      <ChangePasswordForm block />
      <Button
        type="link"
        block
        style={{ marginTop: token.marginSM }}
        data-testid="logout"
        onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })}
      >
        {t('common.userMenu.logout')}
      </Button>
    </CenteredShell>
  );
}
