// The direction of imports between the top-level folders, as an ESLint rule: the pure shared layer imports
// neither side; the client reaches the server only through the types of the hc client (server/app); the
// server imports neither the client nor the scripts. The rule resolves each relative specifier against the
// file, so a path is judged by where it lands, not by how it is spelled.
import path from 'node:path';

/** Per layer (top-level folder): the folders it may not import from, and the exceptions. */
const LAYERS = {
  shared: { forbidden: ['client', 'server', 'scripts', 'test'] },
  client: { forbidden: ['server', 'scripts', 'test'], typeOnly: ['server/app'] },
  server: { forbidden: ['client', 'scripts', 'test'] },
};

/** Tests (beside the code they test) may also import the test helpers; nothing else across a layer. */
const TEST_FILE = /\.test\.tsx?$/;
const TEST_HELPERS = 'test/support';

const within = (rel, dir) => rel === dir || rel.startsWith(`${dir}/`);
const withoutExtension = (rel) => rel.replace(/\.(js|jsx|ts|tsx|mjs|cjs)$/, '');

/**
 * Why `target` (a root-relative path without extension) may not be imported by `from` (root-relative), or null.
 * `typeOnly`: the import brings types only (`import type`, or every specifier marked `type`).
 */
export function violation(from, target, typeOnly) {
  const layer = from.split('/')[0];
  const rules = LAYERS[layer];
  if (!rules) return null;
  const into = target.split('/')[0];
  if (into === layer || !rules.forbidden.includes(into)) return null;
  if (TEST_FILE.test(from) && within(target, TEST_HELPERS)) return null;
  if (typeOnly && (rules.typeOnly ?? []).some((t) => target === t)) return null;
  const allowed = rules.typeOnly ? ` (only \`import type\` from ${rules.typeOnly.join(', ')})` : '';
  return `${layer}/ may not import from ${into}/${allowed}: ${target}`;
}

const typeOnlyImport = (node) =>
  node.importKind === 'type' ||
  node.exportKind === 'type' ||
  (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps imports flowing one way between shared/, client/, server/ and the node scripts.' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: { layer: '{{why}}' },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const from = path.relative(root, context.filename).split(path.sep).join('/');
    if (from.startsWith('..') || !LAYERS[from.split('/')[0]]) return {};
    const check = (source, typeOnly) => {
      if (source?.type !== 'Literal' || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const abs = path.resolve(path.dirname(context.filename), source.value);
      const target = withoutExtension(path.relative(root, abs).split(path.sep).join('/'));
      const why = violation(from, target, typeOnly);
      if (why) context.report({ node: source, messageId: 'layer', data: { why } });
    };
    return {
      ImportDeclaration: (node) => check(node.source, typeOnlyImport(node)),
      ExportNamedDeclaration: (node) => check(node.source, typeOnlyImport(node)),
      ExportAllDeclaration: (node) => check(node.source, node.exportKind === 'type'),
      ImportExpression: (node) => check(node.source, false),
      TSImportType: (node) => check(node.source, true),
    };
  },
};

export default { rules: { 'import-direction': rule } };
