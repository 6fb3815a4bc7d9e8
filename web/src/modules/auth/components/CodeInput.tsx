import { Input, theme } from 'antd';
import type { InputProps } from 'antd';

/** A 6-digit one-time code field: digits only, large and spaced for reading off a phone. */
export function CodeInput(props: Omit<InputProps, 'onChange'> & { onChange?: (value: string) => void }) {
  const { token } = theme.useToken();
  const { onChange, ...rest } = props;
  return (
    <Input
      {...rest}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      style={{ letterSpacing: token.marginXS, textAlign: 'center', fontSize: token.fontSizeHeading4 }}
      onChange={(e) => onChange?.(e.target.value.replace(/\D/g, '').slice(0, 6))}
    />
  );
}

export const codeRules = (message: string) => [{ required: true, pattern: /^\d{6}$/, message }];
