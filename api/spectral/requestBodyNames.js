// Custom Spectral function for our naming scheme (api/README.md); loaded by .spectral.yaml.
'use strict';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
// Transition and action verbs of the scheme, PascalCase, as the suffix of a POST body's name.
const BODY_VERBS = [
  'Create', 'Approve', 'Reject', 'Suspend', 'Reinstate', 'Publish', 'Deprecate', 'Retire',
  'Accept', 'Decline', 'Close', 'Pay', 'Ack', 'SignIn', 'SignOut', 'Refresh', 'Verify',
];
const refName = (schema) =>
  schema && typeof schema.$ref === 'string' && schema.$ref.startsWith('#/components/schemas/')
    ? schema.$ref.slice('#/components/schemas/'.length)
    : null;

// Request bodies: POST -> XCreate or X<Verb> (a form body may add "Form"), PATCH -> XUpdate;
// never an anonymous inline object or a "*Request" name. Given: the whole `paths` object.
function requestBodyNames(paths) {
  const out = [];
  for (const [path, item] of Object.entries(paths || {})) {
    for (const method of METHODS) {
      const op = item && item[method];
      if (!op || op.deprecated || !op.requestBody || !op.requestBody.content) continue;
      for (const [type, media] of Object.entries(op.requestBody.content)) {
        const name = refName(media.schema);
        const where = ['paths', path, method, 'requestBody', 'content', type, 'schema'];
        if (!name) {
          out.push({ message: `${method.toUpperCase()} ${path}: request body is not a named component schema`, path: where });
          continue;
        }
        let ok = !/Request$/.test(name);
        if (method === 'post') ok = ok && new RegExp(`(${BODY_VERBS.join('|')})(Form)?$`).test(name);
        if (method === 'patch') ok = ok && /Update$/.test(name);
        if (!ok) {
          out.push({ message: `${method.toUpperCase()} ${path}: request body \`${name}\` should be named ${method === 'patch' ? 'XUpdate' : method === 'post' ? 'XCreate or X<Verb>' : 'after its representation'}`, path: where });
        }
      }
    }
  }
  return out;
}

module.exports = requestBodyNames;
