#!/usr/bin/env node
// Compare two bundled OpenAPI documents with api-smart-diff (npm, pinned in package.json) and
// print its classified changes as JSON: [{type, action, path, before, after}, ...].
// scripts/check-breaking.py reads this; run that, not this.
'use strict';
const fs = require('fs');
const { apiDiff } = require('api-smart-diff');

const [before, after] = process.argv.slice(2).map((p) => JSON.parse(fs.readFileSync(p, 'utf8')));
const diffs = apiDiff(before, after).map((d) => ({
  type: d.type,
  action: d.action,
  path: d.path,
  before: d.before,
  after: d.after,
}));
process.stdout.write(JSON.stringify(diffs));
