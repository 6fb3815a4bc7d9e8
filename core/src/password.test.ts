import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, checkPassword } from './password.js';

describe('checkPassword', () => {
  const cases: [string, boolean, string[]][] = [
    ['Abc12345', false, []],
    ['Abc1234', false, ['too_short']],
    ['abcdefgh1', false, ['too_few_classes']],
    ['Abcdefgh1', true, ['too_short']],
    ['Admin@123', false, ['too_common']],
    ['P@ssw0rd', false, ['too_common']],
    ['长城长城Ab12', false, []],
    ['A1!' + 'x'.repeat(61), true, []],
    ['A1!' + 'x'.repeat(200), false, ['too_long']],
  ];
  it.each(cases)('%s (privileged %s) → %j', (pw, privileged, problems) => {
    expect(checkPassword(pw, DEFAULT_POLICY, { privileged })).toEqual(problems);
  });

  it('refuses a password containing the username', () => {
    expect(checkPassword('Zhangwei#2021', DEFAULT_POLICY, { privileged: false, username: 'zhangwei' })).toEqual(['contains_username']);
  });
});
