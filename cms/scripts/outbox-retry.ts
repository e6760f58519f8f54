#!/usr/bin/env node
// npm run outbox:retry
// Puts the site refreshes a receiver refused (a wrong secret, a 400) back in the outbox, once the cause is
// fixed: the running CMS nodes deliver them within OUTBOX_POLL_MS.
import { retryFailed } from '../src/outbox/store';
import { runWithStrapi } from './lib/run-with-strapi';

runWithStrapi(async (strapi) => {
  const count = await retryFailed(strapi.db.connection);
  console.log(`${count} refused deliveries queued again.`);
});
