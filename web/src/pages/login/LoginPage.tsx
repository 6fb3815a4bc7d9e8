import { useState } from 'react';
import { Alert, theme } from 'antd';
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LoginResponse } from '@lantu/core';
import { useLogout, useMe } from '../../modules/auth/hooks';
import { CredentialsForm } from '../../modules/auth/components/CredentialsForm';
import { TotpForm } from '../../modules/auth/components/TotpForm';
import { TotpEnrolForm } from '../../modules/auth/components/TotpEnrolForm';
import { CenteredShell } from '../../ui/CenteredShell';

type Step = 'password' | 'totp' | 'totp_enrol';

interface LoginState {
  from?: string;
  expired?: boolean;
  /** The user whose session ended on `from`; another user does not go back there. */
  user?: string;
}

/** Sign-in in one page: password, then the TOTP code or the TOTP enrolment the account needs. */
export default function LoginPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { data: me } = useMe();
  const logout = useLogout();
  const state = (useLocation().state ?? {}) as LoginState;
  const [demoCode, setDemoCode] = useState<string>();
  const [forceStep, setForceStep] = useState<Step | null>(null);

  if (me?.stage === 'ok') {
    const ownPage = !state.user || state.user === me.user.username;
    const target = state.from && state.from !== '/login' && ownPage ? state.from : '/';
    return <Navigate to={target} replace />;
  }
  // a half-finished sign-in (page reloaded during the TOTP step) resumes where it was
  const step: Step = forceStep ?? (me ? me.stage : 'password');

  const onCredentials = (res: LoginResponse) => {
    setDemoCode(res.demoTotpCode);
    setForceStep(null);
  };
  const onBack = () => {
    setForceStep('password');
    setDemoCode(undefined);
    logout.mutate(undefined, { onSettled: () => setForceStep(null) });
  };

  const subtitle = step === 'password' ? t('auth.subtitle') : step === 'totp' ? t('auth.totp.title') : t('auth.enrol.title');
  return (
    <CenteredShell testId="page-login" subtitle={subtitle}>
      {state.expired && step === 'password' && (
        <Alert type="warning" showIcon title={t('auth.login.expired')} style={{ marginBottom: token.margin }} data-testid="login-expired" />
      )}
      {step === 'password' && <CredentialsForm onDone={onCredentials} />}
      {step === 'totp' && <TotpForm demoCode={demoCode} onBack={onBack} />}
      {step === 'totp_enrol' && <TotpEnrolForm onBack={onBack} />}
    </CenteredShell>
  );
}
