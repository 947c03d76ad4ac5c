// Custom Spectral function for our naming scheme (api/README.md); loaded by .spectral.yaml.
'use strict';

// List envelopes: an object with `items` (array) and `next_cursor` is an `XPage`, and an `XPage`
// has both. Given: components.schemas.
function listEnvelopes(schemas) {
  const out = [];
  for (const [name, schema] of Object.entries(schemas || {})) {
    const props = (schema && schema.properties) || {};
    const isEnvelope = props.items && props.items.type === 'array' && 'next_cursor' in props;
    if (isEnvelope && !/[A-Za-z0-9]Page$/.test(name)) {
      out.push({ message: `list envelope \`${name}\` should be named XPage`, path: ['components', 'schemas', name] });
    }
    if (/Page$/.test(name) && !isEnvelope) {
      out.push({ message: `\`${name}\` is named XPage but has no \`items\` array and \`next_cursor\``, path: ['components', 'schemas', name] });
    }
    if (/List$/.test(name)) {
      out.push({ message: `\`${name}\`: lists are XPage envelopes, not XList`, path: ['components', 'schemas', name] });
    }
  }
  return out;
}

module.exports = listEnvelopes;
