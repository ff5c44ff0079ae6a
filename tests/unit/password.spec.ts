import { generatePassword } from '../../helpers/password';
import { expect, test } from '@playwright/test';

test.describe('generatePassword', () => {
  const strictest = {
    MinimumLength: 32,
    RequireUppercase: true,
    RequireLowercase: true,
    RequireNumbers: true,
    RequireSymbols: true,
  };

  test('meets the strictest policy a pool can set, every time', () => {
    for (let i = 0; i < 200; i++) {
      const password = generatePassword(strictest);
      expect(password.length).toBeGreaterThanOrEqual(32);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[0-9]/);
      expect(password).toMatch(/[^A-Za-z0-9]/);
      expect(password).not.toMatch(/\s/);
    }
  });

  test('is at least 20 characters even when the policy asks for fewer', () => {
    expect(generatePassword({ MinimumLength: 6 })).toHaveLength(20);
    expect(generatePassword()).toHaveLength(20);
  });

  test('is never the same twice', () => {
    const passwords = new Set(Array.from({ length: 1000 }, () => generatePassword()));
    expect(passwords.size).toBe(1000);
  });
});
