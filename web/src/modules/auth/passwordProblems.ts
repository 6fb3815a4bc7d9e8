import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { PasswordProblem } from '@lantu/core';

interface PolicyDetails {
  problems?: PasswordProblem[];
  minLength?: number;
}

/** The translated reasons a new password was refused (server `password_policy` details). */
export function usePasswordProblems(): (details: unknown) => string[] {
  const { t } = useTranslation();
  return useCallback(
    (details: unknown) => {
      const { problems = [], minLength } = (details ?? {}) as PolicyDetails;
      return problems.map((p) => t(`auth.password.problems.${p}`, { minLength: minLength ?? '', defaultValue: p }));
    },
    [t],
  );
}
