// Custom Spectral function for our naming scheme (api/README.md); loaded by .spectral.yaml.
'use strict';

// Path segments: kebab-case and plural nouns, except the singletons and actions listed here.
// Given: a path item (its key is the path). Options: {singular: [...]}.
// A path kept only as deprecated aliases (api/README.md) keeps its old name until v2.
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

function pluralKebabPath(item, options, context) {
  const path = context.path[context.path.length - 1];
  const operations = METHODS.filter((m) => item && typeof item[m] === 'object').map((m) => item[m]);
  if (operations.length > 0 && operations.every((op) => op.deprecated === true)) return [];
  const singular = new Set((options && options.singular) || []);
  const out = [];
  const segments = String(path).split('/').filter(Boolean);
  segments.forEach((seg, i) => {
    if (/^\{[a-z][a-z0-9_]*\}$/.test(seg)) return;
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(seg) && !singular.has(seg)) {
      out.push({ message: `path segment \`${seg}\` is not kebab-case` });
    } else if (!/s$/.test(seg) && !singular.has(seg)) {
      out.push({ message: `path segment \`${seg}\` should be a plural noun (or a listed singleton/action)` });
    }
  });
  return out;
}

module.exports = pluralKebabPath;
