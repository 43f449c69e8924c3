// Import rules that keep the layers apart (see docs/CODE_STYLE.md). They look at where a
// relative import lands on disk, not at how the path is spelt, so `../../x` and
// `../../../features/x` are judged alike.
import { dirname, relative, resolve, sep } from 'node:path';

/** The path segments of an import's target below `root`, or null when it is a package. */
function targetSegments(context, source, root) {
  if (!source.startsWith('.')) return null;
  const target = resolve(dirname(context.filename), source);
  const rel = relative(root, target);
  if (rel.startsWith('..')) return null;
  return rel.split(sep);
}

function eachImport(context, check) {
  const visit = (node) => {
    if (node.source && typeof node.source.value === 'string') check(node, node.source.value);
  };
  return {
    ImportDeclaration: visit,
    ExportNamedDeclaration: visit,
    ExportAllDeclaration: visit,
    ImportExpression: visit,
  };
}

/**
 * SPA: a feature reaches another feature only through its public file `features/<name>/index.ts`;
 * shared code (components/, lib/, api/) never imports a feature at all. The app shell (app/)
 * wires routes and may import any feature's routes; the service worker (service-worker/) is the
 * other entry point and replays the learning feature's offline queue.
 */
const spaFeatureBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'No import into another SPA feature’s internals' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, required: ['root'] }],
    messages: {
      internals: 'Import "{{feature}}" through its public file (features/{{feature}}/index.ts), or move what both features use to src/api, src/components or src/lib.',
      shared: 'Shared code ({{layer}}/) must not import a feature ("{{feature}}"): move what it needs out of the feature.',
    },
  },
  create(context) {
    const root = context.options[0].root;
    const own = relative(root, context.filename).split(sep);
    if (['app', 'service-worker', 'test', 'locales'].includes(own[0])) return {};
    const ownFeature = own[0] === 'features' ? own[1] : null;
    return eachImport(context, (node, source) => {
      const target = targetSegments(context, source, root);
      if (!target || target[0] !== 'features' || target.length < 2) return;
      const feature = target[1];
      if (feature === ownFeature) return;
      if (!ownFeature) {
        context.report({ node: node.source, messageId: 'shared', data: { layer: own[0], feature } });
        return;
      }
      const publicFile = target.length === 2 || (target.length === 3 && /^index(\.tsx?)?$/.test(target[2]));
      if (!publicFile) context.report({ node: node.source, messageId: 'internals', data: { feature } });
    });
  },
};

/** API: common/ holds what every feature may use, so it never depends on a feature module. */
const apiCommonIndependent = {
  meta: {
    type: 'problem',
    docs: { description: 'No import of a feature module from apps/api/src/common' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, required: ['root'] }],
    messages: {
      feature: 'common/ must not import a feature module ("{{module}}"): move the shared part into common/, or let the module call common/.',
    },
  },
  create(context) {
    const root = context.options[0].root;
    if (relative(root, context.filename).split(sep)[0] !== 'common') return {};
    return eachImport(context, (node, source) => {
      const target = targetSegments(context, source, root);
      if (target && target[0] === 'modules') {
        context.report({ node: node.source, messageId: 'feature', data: { module: target[1] ?? '' } });
      }
    });
  },
};

export default {
  meta: { name: 'tadamon-layers' },
  rules: { 'spa-feature-boundaries': spaFeatureBoundaries, 'api-common-independent': apiCommonIndependent },
};
