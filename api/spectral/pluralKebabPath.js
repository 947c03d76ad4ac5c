// Custom Spectral function for our naming scheme (api/README.md); loaded by .spectral.yaml.
'use strict';

// Path segments: kebab-case and plural nouns, except the singletons and actions listed here.
// Given: a path key. Options: {singular: [...]}.
function pluralKebabPath(path, options) {
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
