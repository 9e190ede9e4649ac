// @ts-check
/**
 * ESLint rule `atlas/no-raw-ui-text` (issue 14): user-facing text in JSX comes from the message
 * catalogs (shared/i18n), never a raw literal. It flags JSX text holding a letter (Latin or CJK),
 * and string literals holding a letter given to the attributes a user reads or hears (aria-label,
 * title, placeholder, alt, label, aria-valuetext, aria-roledescription). Names that stay the same
 * in every language (PNG, z₁, MSE …) go through the catalogs too, so a translator sees them.
 */
const READ_ATTRIBUTES = new Set([
  'aria-label',
  'aria-valuetext',
  'aria-roledescription',
  'title',
  'placeholder',
  'alt',
  'label',
]);
const WORDS = /[A-Za-z\u3400-\u9fff]/;

/** @type {import('eslint').Rule.RuleModule} */
export const noRawUiText = {
  meta: {
    type: 'problem',
    docs: { description: 'User-facing JSX text comes from the message catalogs (shared/i18n).' },
    messages: {
      text: 'Raw text "{{text}}" in JSX: put it in the message catalogs (shared/i18n) and use t().',
      attribute: 'Raw {{name}}="{{text}}": put it in the message catalogs (shared/i18n) and use t().',
    },
    schema: [],
  },
  create(context) {
    const short = (/** @type {string} */ s) => (s.length > 40 ? `${s.slice(0, 40)}…` : s).trim();
    return {
      /** @param {any} node */
      JSXText(node) {
        if (WORDS.test(node.value))
          context.report({ node, messageId: 'text', data: { text: short(node.value) } });
      },
      /** @param {any} node */
      JSXAttribute(node) {
        const name = typeof node.name.name === 'string' ? node.name.name : '';
        if (!READ_ATTRIBUTES.has(name) || !node.value) return;
        const value =
          node.value.type === 'Literal'
            ? node.value.value
            : node.value.type === 'JSXExpressionContainer' &&
                (node.value.expression.type === 'Literal' ||
                  (node.value.expression.type === 'TemplateLiteral' &&
                    node.value.expression.expressions.length === 0))
              ? (node.value.expression.value ?? node.value.expression.quasis[0].value.cooked)
              : null;
        if (typeof value === 'string' && WORDS.test(value))
          context.report({ node, messageId: 'attribute', data: { name, text: short(value) } });
      },
    };
  },
};

export default { rules: { 'no-raw-ui-text': noRawUiText } };
