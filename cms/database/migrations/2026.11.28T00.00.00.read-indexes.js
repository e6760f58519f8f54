'use strict';

// The indexes for the public site's reads, on a database that predates them (src/database/read-indexes.ts
// holds their one definition). Strapi runs user migrations before it creates or updates tables, so on a
// fresh database this finds no table and adds nothing: the CMS adds the indexes at start, once tables exist.
const { ensureReadIndexes } = require('../../dist/src/database/read-indexes');

module.exports = {
  async up(knex) {
    await ensureReadIndexes(knex);
  },
};
