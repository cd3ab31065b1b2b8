// `layers/imports`: the arrows of docs/ARCHITECTURE.md as a lint rule. Each relative import is resolved to
// the file it names and checked against the layer table, so `../http/server`, `../../main/http` and
// `../core/../http` are the same arrow; a rule on the import text alone would miss some of them and would
// confuse src/renderer/main.tsx with src/main/.
import { builtinModules } from 'node:module';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

const BUILTINS = new Set(builtinModules);
const TEST_FILE = /\.test\.[cm]?[jt]sx?$/;
const SOURCE_EXTENSION = /\.(?:[cm]?[jt]sx?|json)$/;

/** `zod/v4` → `zod`, `@xmldom/xmldom/lib` → `@xmldom/xmldom`, `node:fs` and `fs/promises` → `node:*`. */
export function packageOf(specifier) {
  if (specifier.startsWith('node:') || BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0])) return 'node:*';
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The layer a project-relative path (posix, any extension) belongs to: the longest matching entry. */
export function layerOf(layers, projectPath) {
  const bare = projectPath.replace(SOURCE_EXTENSION, '');
  let best = null;
  for (const layer of layers) {
    const matches = bare === layer.path || projectPath === layer.path || projectPath.startsWith(`${layer.path}/`);
    if (matches && (best === null || layer.path.length > best.path.length)) best = layer;
  }
  return best;
}

/** True when the import or export brings in types only (erased at build: no run-time arrow). */
function isTypeOnly(node) {
  if (node.type === 'TSImportType') return true;
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const specifiers = node.specifiers ?? [];
  return specifiers.length > 0 && specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type');
}

function sourceLiteral(node) {
  if (node.type === 'TSImportType') return node.argument?.literal ?? node.argument ?? null;
  if (node.type === 'TSExternalModuleReference') return node.expression;
  if (node.type === 'CallExpression') return node.arguments[0];
  return node.source;
}

export const importsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Each folder of src imports only the folders and packages its row of the layer table allows.' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          layers: { type: 'array' },
          testPackages: { type: 'array', items: { type: 'string' } },
        },
        required: ['root', 'layers'],
        additionalProperties: false,
      },
    ],
    messages: {
      forbidden: "{{from}} may not import {{to}} ('{{specifier}}'): it imports only {{allowed}} (see docs/ARCHITECTURE.md).",
      typeOnly: "{{from}} may import {{to}} for types only ('{{specifier}}'): use `import type`.",
      package: "{{from}} may import only the packages {{allowed}}, not '{{specifier}}'.",
      outside: "{{from}} is shipped code and may not import '{{specifier}}', which is outside src/ (only tests may).",
      unknown: "'{{specifier}}' is in no layer: add its folder to the layer table in eslint.config.js and docs/ARCHITECTURE.md.",
    },
  },
  create(context) {
    const { root, layers, testPackages = [] } = context.options[0];
    const filename = context.filename;
    const own = layerOf(layers, relative(root, filename).split(sep).join('/'));
    if (!own) return {};
    const isTest = TEST_FILE.test(filename);
    const arrows = new Map(
      own.imports.map((entry) => (typeof entry === 'string' ? [entry, { typeOnly: false }] : [entry.layer, { typeOnly: entry.typeOnly === true }])),
    );
    arrows.set(own.name, { typeOnly: false });
    const allowedNames = own.imports.map((entry) => (typeof entry === 'string' ? entry : `${entry.layer} (types only)`)).join(', ') || 'nothing outside itself';

    function check(node) {
      const literal = sourceLiteral(node);
      if (!literal || literal.type !== 'Literal' || typeof literal.value !== 'string') return;
      const specifier = literal.value;
      const report = (messageId, data = {}) => context.report({ node: literal, messageId, data: { from: own.name, specifier, ...data } });

      if (!specifier.startsWith('.') && !isAbsolute(specifier)) {
        if (!own.packages) return;
        const allowed = isTest ? [...own.packages, ...testPackages] : own.packages;
        if (!allowed.includes(packageOf(specifier))) report('package', { allowed: own.packages.join(', ') || 'none' });
        return;
      }
      // Tests beside the code are not shipped: they may set up through any layer and use test/ helpers.
      if (isTest) return;
      const target = relative(root, resolve(dirname(filename), specifier))
        .split(sep)
        .join('/');
      if (target.startsWith('../') || !target.startsWith('src/')) return report('outside');
      const layer = layerOf(layers, target);
      if (!layer) return report('unknown');
      const arrow = arrows.get(layer.name);
      if (!arrow) return report('forbidden', { to: layer.name, allowed: allowedNames });
      if (arrow.typeOnly && !isTypeOnly(node)) report('typeOnly', { to: layer.name });
    }

    return {
      ImportDeclaration: check,
      ExportAllDeclaration: check,
      ExportNamedDeclaration: (node) => node.source && check(node),
      ImportExpression: check,
      TSImportType: check,
      TSExternalModuleReference: check,
      CallExpression: (node) => node.callee.type === 'Identifier' && node.callee.name === 'require' && check(node),
    };
  },
};

export default { meta: { name: 'sla-layers' }, rules: { imports: importsRule } };
