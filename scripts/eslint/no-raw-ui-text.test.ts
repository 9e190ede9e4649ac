import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import tseslint from 'typescript-eslint';
import { noRawUiText } from './no-raw-ui-text.js';

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({
  languageOptions: {
    parser: tseslint.parser as never,
    parserOptions: { ecmaFeatures: { jsx: true } },
  },
});

tester.run('atlas/no-raw-ui-text', noRawUiText, {
  valid: [
    'const a = <p>{t("walk.title")}</p>;',
    'const a = <button aria-label={t("notice.dismiss")}>×</button>;',
    'const a = <div className="card walk-card" data-testid="walk" />;',
    'const a = <p> · {n} – </p>;',
  ],
  invalid: [
    { code: 'const a = <p>Walk from A to B</p>;', errors: [{ messageId: 'text' }] },
    { code: 'const a = <p>潜空间</p>;', errors: [{ messageId: 'text' }] },
    { code: 'const a = <button aria-label="Dismiss">×</button>;', errors: [{ messageId: 'attribute' }] },
    { code: 'const a = <input title={"Steps"} />;', errors: [{ messageId: 'attribute' }] },
    { code: 'const a = <input placeholder={`height`} />;', errors: [{ messageId: 'attribute' }] },
  ],
});
