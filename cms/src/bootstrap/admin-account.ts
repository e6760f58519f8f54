import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { cmsEnv } from '../env';

// Meets Strapi's password rules (8+ characters, upper case, lower case, a digit) with room to spare.
export function generatePassword() {
  return `Tw-${crypto.randomBytes(12).toString('base64url')}-9a`;
}

/**
 * The first admin account: ADMIN_EMAIL / ADMIN_PASSWORD when set, else a generated password printed
 * once, on the start that creates it. Never touches an existing account.
 */
export async function ensureFirstAdmin(strapi: Core.Strapi) {
  const users = strapi.service('admin::user');
  if (await users.exists()) return;

  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  if (!superAdmin) throw new Error('The Super Admin role is missing');

  const { ADMIN_EMAIL: email, ADMIN_PASSWORD: given, LOG_LEVEL } = cmsEnv();
  const password = given || generatePassword();

  await users.create({
    email,
    firstname: 'Site',
    lastname: 'Admin',
    password,
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });

  const adminUrl = `${strapi.config.get('server.url') || `http://localhost:${strapi.config.get('server.port')}`}/admin`;
  const lines = [
    'Admin account created',
    `  log in at  ${adminUrl}`,
    `  email      ${email}`,
    `  password   ${given ? '(from ADMIN_PASSWORD)' : password}`,
    given ? '' : '  This password is shown once; change it after logging in.',
  ].filter(Boolean);
  const width = Math.max(...lines.map((line) => line.length)) + 2;
  const rule = `+${'-'.repeat(width)}+`;
  // Printed as it is (not through the logger) so it reads as a box; like any info, not when logs are quieter.
  if (LOG_LEVEL !== 'warn' && LOG_LEVEL !== 'error') {
    console.log(['', rule, ...lines.map((line) => `| ${line.padEnd(width - 1)}|`), rule, ''].join('\n'));
  }
}
